package ${package};

import io.catalyst.api.PluginContext;
import io.catalyst.api.rest.HttpMethod;
import io.catalyst.api.rest.PluginRequest;
import io.catalyst.api.rest.PluginResponse;
import io.catalyst.api.rest.RestEndpoint;
import org.pf4j.Extension;

/** {@code GET /api/plugins/${pluginId}/hello} answers {@code {"greeting":"Hello, Ada!"}}. */
@Extension
public class GreetingEndpoint implements RestEndpoint {

    @Override
    public HttpMethod method() {
        return HttpMethod.GET;
    }

    @Override
    public String path() {
        return "hello";
    }

    @Override
    public String requiredPermission() {
        return GreetingPermissions.READ;
    }

    @Override
    public PluginResponse handle(PluginRequest request, PluginContext ctx) {
        return PluginResponse.json("{\"greeting\":" + jsonString(Greeting.forUser(ctx)) + "}");
    }

    /** A JSON string literal; use a JSON library (shaded into the plugin) once there is more to write. */
    private static String jsonString(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
