package io.catalyst.core.plugins;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Matches a plugin endpoint's path template, such as {@code /notes/{id}}, against a request path. */
final class PathTemplates {

    private PathTemplates() {
    }

    static Optional<Map<String, String>> match(String template, String path) {
        String[] want = strip(template).split("/", -1);
        String[] got = strip(path).split("/", -1);
        if (want.length != got.length) {
            return Optional.empty();
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < want.length; i++) {
            if (want[i].startsWith("{") && want[i].endsWith("}") && !got[i].isEmpty()) {
                params.put(want[i].substring(1, want[i].length() - 1), got[i]);
            } else if (!want[i].equals(got[i])) {
                return Optional.empty();
            }
        }
        return Optional.of(params);
    }

    private static String strip(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }
}
