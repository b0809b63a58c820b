package io.catalyst.api.security;

import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A permission a plugin introduces.
 *
 * @param name        {@code domain:action} in lower case, the domain being the plugin's id, e.g.
 *                    {@code leads:rescore} in plugin {@code leads}; no wildcards
 * @param description what holding it allows, shown to tenant admins
 * @param grantedTo   the built-in roles that hold it while the plugin runs: {@code analyst} and/or {@code viewer}
 *                    ({@code tenant-admin} holds every permission anyway); other names are ignored. Empty: only
 *                    tenant admins, custom roles and tokens that list it. Since API 0.5.0.
 */
public record PermissionDeclaration(String name, String description, Set<String> grantedTo) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*:[a-z][a-z0-9-]*");

    /** Rejects names outside the {@code domain:action} form, since {@code *} and {@code ,} are wildcard syntax. */
    public PermissionDeclaration {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("permission must look like domain:action, was " + name);
        }
        grantedTo = grantedTo == null ? Set.of() : Set.copyOf(grantedTo);
    }

    /** A permission that only tenant admins hold until a role or token grants it, as before API 0.5.0. */
    public PermissionDeclaration(String name, String description) {
        this(name, description, Set.of());
    }

    /** A permission the given built-in roles hold, e.g. {@code "analyst", "viewer"}. */
    public static PermissionDeclaration grantedTo(String name, String description, String... roles) {
        return new PermissionDeclaration(name, description, Set.of(roles));
    }
}
