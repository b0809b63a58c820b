package io.catalyst.api.security;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A permission a plugin introduces.
 *
 * @param name        {@code domain:action} in lower case, the domain being the plugin's id, e.g.
 *                    {@code leads:rescore} in plugin {@code leads}; no wildcards
 * @param description what holding it allows, shown to tenant admins
 */
public record PermissionDeclaration(String name, String description) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*:[a-z][a-z0-9-]*");

    /** Rejects names outside the {@code domain:action} form, since {@code *} and {@code ,} are wildcard syntax. */
    public PermissionDeclaration {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("permission must look like domain:action, was " + name);
        }
    }
}
