package ${package};

import io.catalyst.api.security.PermissionDeclaration;
import io.catalyst.api.security.PluginPermissions;
import java.util.List;
import org.pf4j.Extension;

/**
 * The permissions this plugin introduces. While the plugin runs they are in the permission registry, so a tenant
 * admin can put them into a custom role ({@code POST /api/roles} or a tenant manifest's {@code roles:}; there is no
 * roles screen yet) and into API tokens. Tenant admins hold them already. See docs/plugin-sdk.md, step 8.
 */
@Extension
public class GreetingPermissions implements PluginPermissions {

    /** Needed to see the greeting screen and to call {@code GET /hello}. */
    public static final String READ = "${pluginId}:read";

    @Override
    public List<PermissionDeclaration> permissions() {
        return List.of(new PermissionDeclaration(READ, "See the greeting"));
    }
}
