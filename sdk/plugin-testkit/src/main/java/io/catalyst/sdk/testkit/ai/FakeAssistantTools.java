package io.catalyst.sdk.testkit.ai;

import io.catalyst.api.PluginContext;
import io.catalyst.api.PluginProblem;
import io.catalyst.api.ai.AssistantTool;
import io.catalyst.api.ai.AssistantTools;
import io.catalyst.api.ai.ToolParameter;
import io.catalyst.api.ai.ToolResult;
import io.catalyst.api.ai.ToolSpec;
import elemental.json.Json;
import elemental.json.JsonObject;
import elemental.json.JsonType;
import elemental.json.JsonValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * Other plugins' assistant tools in a plugin's unit tests ({@code ctx.assistantTools()} of the testkit's context):
 * add {@link AssistantTool}s, and it lists, checks and runs them as the host does, names prefixed with their plugin's
 * id, tools that change data only through a confirmation ticket.
 */
public final class FakeAssistantTools implements AssistantTools {

    private record Offered(String pluginId, AssistantTool tool, PluginContext ctx) {
        String name() {
            return (pluginId + "_" + tool.spec().name()).replace('-', '_');
        }
    }

    private record Pending(Offered tool, Map<String, Object> arguments) {
    }

    private final Predicate<String> permits;
    private final List<Offered> tools = new CopyOnWriteArrayList<>();
    private final Map<String, Pending> tickets = new ConcurrentHashMap<>();
    private final List<String> ran = new CopyOnWriteArrayList<>();

    public FakeAssistantTools(Predicate<String> permits) {
        this.permits = permits;
    }

    /** Offers a tool of another plugin, run with the given context. */
    public FakeAssistantTools offer(String pluginId, AssistantTool tool, PluginContext ctx) {
        tools.add(new Offered(pluginId, tool, ctx));
        return this;
    }

    /** The public names of the tools that ran, in order (confirmed ones included). */
    public List<String> ran() {
        return List.copyOf(ran);
    }

    @Override
    public List<Tool> available() {
        return tools.stream().filter(o -> o.tool().requiredPermission() == null
                        || permits.test(o.tool().requiredPermission()))
                .map(o -> new Tool(new ToolSpec(o.name(), o.tool().spec().description(), o.tool().spec().parameters()),
                        o.pluginId(), o.tool().changesData())).toList();
    }

    @Override
    public Outcome call(String name, String arguments) {
        Offered offered = tools.stream().filter(o -> o.name().equals(name)).findFirst()
                .orElseThrow(() -> PluginProblem.notFound("There is no tool named " + name + "."));
        if (offered.tool().requiredPermission() != null && !permits.test(offered.tool().requiredPermission())) {
            throw new PluginProblem(403, "Forbidden", "You need the permission " + offered.tool().requiredPermission());
        }
        Map<String, Object> args = parse(offered.tool().spec(), arguments);
        if (offered.tool().changesData()) {
            String ticket = UUID.randomUUID().toString();
            tickets.put(ticket, new Pending(offered, args));
            return new Outcome.NeedsConfirmation(ticket, offered.tool().confirmation(offered.ctx(), args));
        }
        ran.add(name);
        return new Outcome.Done(offered.tool().call(offered.ctx(), args));
    }

    /** As the host: the reads run at the same time, each on a thread of its own; the answers come in order. */
    @Override
    public List<Outcome> callAll(List<io.catalyst.api.ai.ToolCall> calls) {
        List<java.util.concurrent.CompletableFuture<Outcome>> running = calls.stream()
                .map(c -> java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                    try {
                        return call(c.name(), c.arguments());
                    } catch (PluginProblem problem) {
                        return (Outcome) new Outcome.Failed(problem.getMessage());
                    }
                }, POOL)).toList();
        return running.stream().map(java.util.concurrent.CompletableFuture::join).toList();
    }

    private static final java.util.concurrent.ExecutorService POOL = java.util.concurrent.Executors
            .newCachedThreadPool(r -> {
                Thread t = new Thread(r, "fake-assistant-tools");
                t.setDaemon(true);
                return t;
            });

    @Override
    public ToolResult confirm(String ticket) {
        Pending pending = ticket == null ? null : tickets.remove(ticket);
        if (pending == null) {
            throw PluginProblem.notFound("This confirmation is unknown, was used or has expired; ask again.");
        }
        ran.add(pending.tool().name());
        return pending.tool().tool().call(pending.tool().ctx(), pending.arguments());
    }

    // as the host: required arguments present, simple types, numbers as BigDecimal, unknown ones dropped
    private static Map<String, Object> parse(ToolSpec spec, String arguments) {
        JsonObject json;
        try {
            json = Json.parse(arguments == null || arguments.isBlank() ? "{}" : arguments);
        } catch (RuntimeException e) {
            throw PluginProblem.badRequest("The arguments of " + spec.name() + " are not valid JSON.");
        }
        Map<String, Object> args = new LinkedHashMap<>();
        for (ToolParameter p : spec.parameters()) {
            if (!json.hasKey(p.name()) || json.get(p.name()).getType() == JsonType.NULL) {
                if (p.required()) {
                    throw PluginProblem.badRequest(spec.name() + " needs the argument " + p.name() + ".");
                }
                continue;
            }
            JsonValue v = json.get(p.name());
            Object value = switch (p.type()) {
                case STRING -> v.getType() == JsonType.STRING ? v.asString() : null;
                case INTEGER, NUMBER -> v.getType() == JsonType.NUMBER ? new BigDecimal(v.toJson()) : null;
                case BOOLEAN -> v.getType() == JsonType.BOOLEAN ? v.asBoolean() : null;
                case STRING_ARRAY -> {
                    if (v.getType() != JsonType.ARRAY) {
                        yield null;
                    }
                    List<String> list = new ArrayList<>();
                    elemental.json.JsonArray a = (elemental.json.JsonArray) v;
                    for (int i = 0; i < a.length(); i++) {
                        list.add(a.get(i).asString());
                    }
                    yield list;
                }
            };
            if (value == null || p.type() == ToolParameter.Type.STRING && !p.allowed().isEmpty()
                    && !p.allowed().contains(value)) {
                throw PluginProblem.badRequest(spec.name() + ": the argument " + p.name() + " is not of its type.");
            }
            args.put(p.name(), value);
        }
        return args;
    }
}
