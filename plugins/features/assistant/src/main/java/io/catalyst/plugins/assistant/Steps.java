package io.catalyst.plugins.assistant;

import elemental.json.Json;
import elemental.json.JsonObject;
import io.catalyst.api.ai.ToolCall;

/** Says in words what a tool call looks up, for the line the user sees while it runs. */
final class Steps {

    private Steps() {
    }

    static String describe(ToolCall call) {
        String name = call.name();
        JsonObject args;
        try {
            args = Json.parse(call.arguments());
        } catch (RuntimeException e) {
            args = Json.createObject();
        }
        if (name.endsWith(MetricsTools.QUERY)) {
            StringBuilder s = new StringBuilder("Looking up ");
            s.append(args.hasKey("metrics") ? args.get("metrics").toJson().replaceAll("[\\[\\]\"]", "")
                    .replace(",", ", ") : "figures");
            if (args.hasKey("channel")) {
                s.append(" on ").append(args.get("channel").toJson().replaceAll("[\\[\\]\"]", ""));
            }
            if (args.hasKey("period")) {
                s.append(", ").append(args.get("period").asString().replace('_', ' '));
            }
            return s.append('…').toString();
        }
        if (name.endsWith(MetricsTools.CATALOGUE)) {
            return "Reading which metrics and channels there are…";
        }
        return "Using " + name.replace('_', ' ') + "…";
    }
}
