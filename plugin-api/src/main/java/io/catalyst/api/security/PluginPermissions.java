package io.catalyst.api.security;

import java.util.List;
import org.pf4j.ExtensionPoint;

/**
 * Declares the permissions a plugin's screens and endpoints require. When the plugin starts, the host adds those in
 * the plugin's own domain ({@code <plugin-id>:action}) to the permission registry, from which tenant admins build
 * custom roles and API tokens (see {@code docs/plugin-sdk.md}, step 8); other names are ignored with a warning in the
 * server log, and a name already registered keeps its first owner.
 */
public interface PluginPermissions extends ExtensionPoint {

    /** The declared permissions. */
    List<PermissionDeclaration> permissions();
}
