package io.catalyst.core.plugins;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.catalyst.api.PluginProblem;
import io.catalyst.api.ai.AssistantTool;
import io.catalyst.api.ai.AssistantTools;
import io.catalyst.api.ai.ToolParameter;
import io.catalyst.api.ai.ToolResult;
import io.catalyst.api.ai.ToolSpec;
import io.catalyst.runtime.Contribution;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The tools plugins offer the assistant, bound to one asking user: listed by what the user may use, called through
 * the guarded plugin path with the user's tenant and permissions, arguments checked against the tool's own
 * declaration before the plugin sees them. A tool that changes data never runs on the model's word: the call gives a
 * ticket, and only {@link AssistantTools#confirm} with it (the user's click) runs it, once, with the same arguments.
 */
@ApplicationScoped
public class ToolHost {

    static final Duration TICKET_LIFE = Duration.ofMinutes(10);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);

    @Inject
    PluginDispatch dispatch;

    @Resource
    ManagedExecutorService executor;

    // node-local: a confirmation is answered by the node that asked it (sticky sessions)
    private final Map<String, Ticket> tickets = new ConcurrentHashMap<>();

    private record Ticket(UUID tenantId, UUID userId, String tool, Map<String, Object> arguments, Instant expires) {
    }

    private record Found(Contribution<AssistantTool> extension, AssistantTools.Tool tool, String permission) {
    }

    /** The tools for one user's assistant. */
    public AssistantTools forUser(UUID tenantId, UUID userId, Predicate<String> permits) {
        if (userId == null) {
            return new AssistantTools() {
                @Override
                public List<Tool> available() {
                    return List.of();
                }

                @Override
                public Outcome call(String name, String arguments) {
                    throw new PluginProblem(403, "Forbidden", "assistant tools are called for a person only");
                }

                @Override
                public ToolResult confirm(String ticket) {
                    throw new PluginProblem(403, "Forbidden", "assistant tools are called for a person only");
                }
            };
        }
        PluginDispatch.On on = new PluginDispatch.On(tenantId, userId, permits);
        return new AssistantTools() {
            @Override
            public List<Tool> available() {
                return all(tenantId).stream().filter(f -> f.permission() == null || permits.test(f.permission()))
                        .map(Found::tool).toList();
            }

            @Override
            public Outcome call(String name, String arguments) {
                return prepare(all(tenantId), name, arguments).get();
            }

            // several reads at once: each through the guarded path on a thread of its own; the first inline
            @Override
            public List<Outcome> callAll(List<io.catalyst.api.ai.ToolCall> calls) {
                List<Found> tools = all(tenantId);
                List<java.util.function.Supplier<Outcome>> work = new ArrayList<>();
                for (io.catalyst.api.ai.ToolCall c : calls) {
                    try {
                        work.add(prepare(tools, c.name(), c.arguments()));
                    } catch (PluginProblem problem) {
                        work.add(() -> new Outcome.Failed(problem.getMessage()));
                    }
                }
                List<java.util.concurrent.Future<Outcome>> later = new ArrayList<>();
                for (int i = 1; i < work.size(); i++) {
                    later.add(executor.submit(failedAsOutcome(work.get(i))::get));
                }
                List<Outcome> outcomes = new ArrayList<>();
                if (!work.isEmpty()) {
                    outcomes.add(failedAsOutcome(work.get(0)).get());
                }
                for (java.util.concurrent.Future<Outcome> f : later) {
                    try {
                        outcomes.add(f.get());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("interrupted", e);
                    } catch (java.util.concurrent.ExecutionException e) {
                        outcomes.add(new Outcome.Failed("the tool failed"));
                    }
                }
                return outcomes;
            }

            /**
             * Checks a call and answers what running it gives: a tool that changes data gets its ticket here (the
             * confirmation question is asked of the plugin); a read runs when the answer is asked for.
             */
            private java.util.function.Supplier<Outcome> prepare(List<Found> tools, String name, String arguments) {
                Found found = tools.stream().filter(f -> f.tool().spec().name().equals(name)).findFirst()
                        .orElseThrow(() -> PluginProblem.notFound("There is no tool named " + name + "."));
                if (found.permission() != null && !permits.test(found.permission())) {
                    throw new PluginProblem(403, "Forbidden", "You need the permission " + found.permission()
                            + " for " + name + ".");
                }
                Map<String, Object> args = checked(found.tool().spec(), arguments);
                if (found.tool().changesData()) {
                    String question = dispatch.call(found.extension(), on, "tool " + name + " confirmation",
                            (tool, ctx) -> tool.confirmation(ctx, args));
                    String ticket = ticket();
                    prune();
                    tickets.put(ticket, new Ticket(tenantId, userId, name, args, Instant.now().plus(TICKET_LIFE)));
                    Outcome asked = new Outcome.NeedsConfirmation(ticket, question);
                    return () -> asked;
                }
                return () -> new Outcome.Done(run(found, on, args));
            }

            @Override
            public ToolResult confirm(String ticket) {
                Ticket t = ticket == null ? null : tickets.remove(ticket);
                if (t == null || t.expires().isBefore(Instant.now()) || !t.tenantId().equals(tenantId)
                        || !t.userId().equals(userId)) {
                    throw PluginProblem.notFound("This confirmation is unknown, was used or has expired; ask again.");
                }
                Found found = all(tenantId).stream().filter(f -> f.tool().spec().name().equals(t.tool()))
                        .findFirst().orElseThrow(() -> PluginProblem.notFound("The tool " + t.tool()
                                + " is no longer available."));
                if (found.permission() != null && !permits.test(found.permission())) {
                    throw new PluginProblem(403, "Forbidden", "You need the permission " + found.permission() + ".");
                }
                return run(found, on, t.arguments());
            }
        };
    }

    // a refusal or a plugin's failure becomes the model's to read, not the whole turn's end
    private static java.util.function.Supplier<AssistantTools.Outcome> failedAsOutcome(
            java.util.function.Supplier<AssistantTools.Outcome> work) {
        return () -> {
            try {
                return work.get();
            } catch (PluginProblem problem) {
                return new AssistantTools.Outcome.Failed(problem.getMessage());
            } catch (RuntimeException failure) {
                return new AssistantTools.Outcome.Failed("the tool failed; tell the user it is unavailable right now");
            }
        };
    }

    private ToolResult run(Found found, PluginDispatch.On on, Map<String, Object> args) {
        return dispatch.call(found.extension(), on, "tool " + found.tool().spec().name(),
                (tool, ctx) -> tool.call(ctx, args));
    }

    private List<Found> all(UUID tenantId) {
        List<Found> found = new ArrayList<>();
        for (Contribution<AssistantTool> c : dispatch.extensions(tenantId, AssistantTool.class)) {
            ToolSpec own = dispatch.declared(c, "spec", AssistantTool::spec);
            String permission = dispatch.declared(c, "requiredPermission", AssistantTool::requiredPermission);
            boolean changes = Boolean.TRUE.equals(dispatch.declared(c, "changesData", AssistantTool::changesData));
            ToolSpec published = new ToolSpec(publicName(c.pluginId(), own.name()), own.description(),
                    own.parameters());
            found.add(new Found(c, new AssistantTools.Tool(published, c.pluginId(), changes), permission));
        }
        return found;
    }

    /** The name the model sees: the plugin's id, then the tool's own name. */
    static String publicName(String pluginId, String name) {
        return (pluginId + "_" + name).replace('-', '_').replace('.', '_');
    }

    /**
     * The model's arguments, parsed and checked against the declaration: required ones present, each of its type and,
     * for a list of allowed values, one of them. Unknown arguments are dropped.
     */
    static Map<String, Object> checked(ToolSpec spec, String arguments) {
        Map<?, ?> raw;
        try {
            Object parsed = JSON.readValue(arguments == null || arguments.isBlank() ? "{}" : arguments, Object.class);
            if (!(parsed instanceof Map<?, ?> map)) {
                throw PluginProblem.badRequest("The arguments of " + spec.name() + " are a JSON object.");
            }
            raw = map;
        } catch (JsonProcessingException e) {
            throw PluginProblem.badRequest("The arguments of " + spec.name() + " are not valid JSON.");
        }
        Map<String, Object> args = new LinkedHashMap<>();
        for (ToolParameter p : spec.parameters()) {
            Object value = raw.get(p.name());
            if (value == null) {
                if (p.required()) {
                    throw PluginProblem.badRequest(spec.name() + " needs the argument " + p.name() + ".");
                }
                continue;
            }
            args.put(p.name(), typed(spec, p, value));
        }
        return args;
    }

    private static Object typed(ToolSpec spec, ToolParameter p, Object value) {
        String wrong = spec.name() + ": the argument " + p.name() + " is ";
        return switch (p.type()) {
            case STRING -> {
                if (!(value instanceof String s)) {
                    throw PluginProblem.badRequest(wrong + "text.");
                }
                if (!p.allowed().isEmpty() && !p.allowed().contains(s)) {
                    throw PluginProblem.badRequest(wrong + "one of " + p.allowed() + ".");
                }
                if (s.length() > 2_000) {
                    throw PluginProblem.badRequest(wrong + "at most 2,000 characters.");
                }
                yield s;
            }
            case INTEGER -> {
                if (!(value instanceof BigInteger i) || i.bitLength() > 31) {
                    throw PluginProblem.badRequest(wrong + "a whole number.");
                }
                yield new BigDecimal(i);
            }
            case NUMBER -> {
                if (value instanceof BigInteger i) {
                    yield new BigDecimal(i);
                }
                if (!(value instanceof BigDecimal d)) {
                    throw PluginProblem.badRequest(wrong + "a number.");
                }
                yield d;
            }
            case BOOLEAN -> {
                if (!(value instanceof Boolean b)) {
                    throw PluginProblem.badRequest(wrong + "true or false.");
                }
                yield b;
            }
            case STRING_ARRAY -> {
                if (!(value instanceof List<?> list) || list.size() > 100
                        || list.stream().anyMatch(v -> !(v instanceof String))) {
                    throw PluginProblem.badRequest(wrong + "a list of at most 100 texts.");
                }
                yield list.stream().map(String.class::cast).toList();
            }
        };
    }

    private static String ticket() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private void prune() {
        Instant now = Instant.now();
        tickets.values().removeIf(t -> t.expires().isBefore(now));
    }
}
