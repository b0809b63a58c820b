package io.catalyst.core.identity;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/** Role and permission lists as stored: comma-separated, in a column that checks the same alphabet. */
final class RoleList {

    private static final Pattern ITEM = Pattern.compile("[a-z0-9:*-]+");

    private RoleList() {
    }

    static List<String> parse(String stored) {
        if (stored == null || stored.isEmpty()) {
            return List.of();
        }
        return List.of(stored.split(","));
    }

    static String format(List<String> items) {
        for (String item : items) {
            if (!ITEM.matcher(Objects.requireNonNull(item)).matches()) {
                throw new IllegalArgumentException("Not a role or permission name: " + item);
            }
        }
        return String.join(",", items.stream().distinct().sorted().toList());
    }

}
