package io.catalyst.plugins.assistant;

import io.catalyst.api.PluginContext;
import io.catalyst.api.ai.AssistantTool;
import io.catalyst.api.ai.ToolResult;
import io.catalyst.api.ai.ToolSpec;
import java.util.Map;
import org.pf4j.Extension;

/**
 * The metrics tools, offered as assistant tools like any plugin's: the host checks their arguments and binds the
 * user, so the assistant asks for figures the same way it uses every other tool. They need {@code dashboards:read}.
 */
public final class MetricsToolExtensions {

    private MetricsToolExtensions() {
    }

    abstract static class MetricsTool implements AssistantTool {
        private final String name;

        MetricsTool(String name) {
            this.name = name;
        }

        @Override
        public ToolSpec spec() {
            return MetricsTools.specs().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
        }

        @Override
        public String requiredPermission() {
            return AssistantExtensions.FIGURES;
        }

        @Override
        public ToolResult call(PluginContext ctx, Map<String, Object> arguments) {
            return MetricsTools.call(ctx, name, arguments);
        }
    }

    @Extension
    public static class QueryMetrics extends MetricsTool {
        public QueryMetrics() {
            super(MetricsTools.QUERY);
        }
    }

    @Extension
    public static class ListMetrics extends MetricsTool {
        public ListMetrics() {
            super(MetricsTools.CATALOGUE);
        }
    }
}
