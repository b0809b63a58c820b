package io.catalyst.core.identity;

import java.util.regex.Pattern;

/**
 * A permission in the registry: {@code domain:action}, checked tenant-relative as
 * {@code tenant:<tenant id>:domain:action[:instance]}. Platform permissions start with {@code platform:} and are not
 * tenant-relative.
 *
 * @param name        e.g. {@code users:manage}
 * @param description what it allows, for the role editor
 * @param source      {@code core} or the plugin that declared it
 */
public record Permission(String name, String description, String source) {

    private static final Pattern NAME = Pattern.compile("[a-z0-9-]+:[a-z0-9-]+(:[a-z0-9-]+)?");

    public Permission {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("A permission is domain:action[:instance] in a-z0-9-: " + name);
        }
    }

    public boolean platformWide() {
        return name.startsWith("platform:");
    }
}
