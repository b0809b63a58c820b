package ${package};

import io.catalyst.api.security.PermissionDeclaration;
import io.catalyst.api.security.PluginPermissions;
import java.util.List;
import org.pf4j.Extension;

/** The permissions this plugin introduces; tenant admins grant them to roles under Settings, Roles. */
@Extension
public class GreetingPermissions implements PluginPermissions {

    /** Needed to see the greeting screen and to call {@code GET /hello}. */
    public static final String READ = "${pluginId}:read";

    @Override
    public List<PermissionDeclaration> permissions() {
        return List.of(new PermissionDeclaration(READ, "See the greeting"));
    }
}
