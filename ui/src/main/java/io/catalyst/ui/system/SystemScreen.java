package io.catalyst.ui.system;

import com.vaadin.flow.component.Component;
import io.catalyst.core.identity.Permissions;
import io.catalyst.ui.shell.NavEntry;
import io.catalyst.ui.shell.ScreenContribution;

/**
 * The system screen, added to the shell at runtime because {@link SystemView} has no {@code @Route}, as a plugin's
 * screen could be. Listed in {@code META-INF/services/io.catalyst.ui.shell.ScreenContribution}.
 */
public final class SystemScreen implements ScreenContribution {

    public static final NavEntry ENTRY = new NavEntry("system", "System", "vaadin:server", 900, "core",
            Permissions.PLATFORM_SYSTEM + ":read");

    @Override
    public NavEntry entry() {
        return ENTRY;
    }

    @Override
    public Class<? extends Component> view() {
        return SystemView.class;
    }
}
