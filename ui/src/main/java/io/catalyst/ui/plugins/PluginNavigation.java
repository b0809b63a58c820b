package io.catalyst.ui.plugins;

import io.catalyst.ui.shell.NavEntry;
import io.catalyst.ui.shell.NavigationSource;
import java.util.List;

/**
 * The side-navigation entries of the plugin screens the signed-in user may open in their tenant, worked out on each
 * page load. Listed in {@code META-INF/services/io.catalyst.ui.shell.NavigationSource}.
 */
public final class PluginNavigation implements NavigationSource {

    @Override
    public List<NavEntry> entries() {
        return PluginScreens.navEntries();
    }
}
