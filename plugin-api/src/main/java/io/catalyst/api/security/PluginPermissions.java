package io.catalyst.api.security;

import java.util.List;
import org.pf4j.ExtensionPoint;

/**
 * Declares the permissions a plugin's screens and endpoints require. The host lists them for tenant admins to grant
 * and may refuse names that collide with platform permissions or another plugin's.
 */
public interface PluginPermissions extends ExtensionPoint {

    /** The declared permissions. */
    List<PermissionDeclaration> permissions();
}
