package io.catalyst.ui.plugins;

import java.util.Locale;
import java.util.Map;

/** Plugin ids and states as people read them: "google-ads" → "Google Ads", "STARTED" → "Running". */
public final class PluginNames {

    // the words an id does not spell by itself
    private static final Map<String, String> WORDS = Map.of("ads", "Ads", "hubspot", "HubSpot", "tiktok", "TikTok",
            "linkedin", "LinkedIn", "api", "API", "crm", "CRM", "callrail", "CallRail");

    private PluginNames() {
    }

    public static String of(String pluginId) {
        if (pluginId == null || pluginId.isBlank()) {
            return "";
        }
        StringBuilder name = new StringBuilder();
        for (String word : pluginId.split("[-_.]+")) {
            if (word.isEmpty()) {
                continue;
            }
            if (!name.isEmpty()) {
                name.append(' ');
            }
            String known = WORDS.get(word.toLowerCase(Locale.ROOT));
            name.append(known != null ? known : word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1));
        }
        return name.toString();
    }

    public static String state(String state) {
        if (state == null) {
            return "";
        }
        return switch (state) {
            case "STARTED" -> "Running";
            case "STOPPED" -> "Stopped";
            case "FAILED" -> "Failed";
            case "DISABLED" -> "Disabled";
            case "REFUSED" -> "Refused";
            case "RESOLVED", "CREATED" -> "Loaded, not started";
            default -> state.substring(0, 1) + state.substring(1).toLowerCase(Locale.ROOT);
        };
    }
}
