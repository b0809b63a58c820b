package io.catalyst.core.ai;

import dev.failsafe.CircuitBreaker;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.langchain4j.model.output.TokenUsage;
import io.catalyst.api.ai.ChatMessage;
import io.catalyst.api.ai.ChatRequest;
import io.catalyst.api.ai.ModelUnavailable;
import io.catalyst.api.ai.Reply;
import io.catalyst.api.ai.ToolCall;
import io.catalyst.api.ai.ToolParameter;
import io.catalyst.api.ai.ToolSpec;
import io.catalyst.api.ai.Usage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Talks to OpenAI-compatible endpoints through LangChain4j. Each endpoint has a circuit breaker: after
 * {@code catalyst.ai.breaker-failures} failures in a row its calls are refused at once for
 * {@code catalyst.ai.breaker-seconds}, so an outage costs users a clear message, not a minute's wait each. A call
 * that fails before any text arrived is tried once more; one that fails mid-reply is not (the user saw half of it).
 * Provider errors are logged without the key or the conversation and reach plugins as {@link ModelUnavailable}.
 */
@ApplicationScoped
public class ModelProvider {

    private static final Logger LOG = Logger.getLogger(ModelProvider.class.getName());

    @Inject
    @ConfigProperty(name = "catalyst.ai.timeout-seconds", defaultValue = "60")
    int timeoutSeconds;

    @Inject
    @ConfigProperty(name = "catalyst.ai.max-tokens", defaultValue = "1024")
    int defaultMaxTokens;

    @Inject
    @ConfigProperty(name = "catalyst.ai.breaker-failures", defaultValue = "3")
    int breakerFailures;

    @Inject
    @ConfigProperty(name = "catalyst.ai.breaker-seconds", defaultValue = "30")
    int breakerSeconds;

    /** For the container. */
    public ModelProvider() {
    }

    /** Outside the container (benchmarks): the settings the container would inject. */
    public ModelProvider(int timeoutSeconds, int maxTokens, int breakerFailures, int breakerSeconds) {
        this.timeoutSeconds = timeoutSeconds;
        this.defaultMaxTokens = maxTokens;
        this.breakerFailures = breakerFailures;
        this.breakerSeconds = breakerSeconds;
    }

    private final Map<ModelEndpoint, StreamingChatModel> streaming = new ConcurrentHashMap<>();
    private final Map<ModelEndpoint, ChatModel> blocking = new ConcurrentHashMap<>();
    private final Map<String, CircuitBreaker<Object>> breakers = new ConcurrentHashMap<>();

    /** What a finished call reports: the reply, or the failure, and whether the provider was reached. */
    public interface Outcome {
        void token(String text);

        void complete(Reply reply);

        void failed(ModelUnavailable error, boolean reachedProvider);
    }

    /** Whether the endpoint's breaker lets calls through (an open one whose pause is over lets the next one try). */
    public boolean closed(ModelEndpoint endpoint) {
        CircuitBreaker<Object> breaker = breaker(endpoint);
        return !breaker.isOpen() || breaker.getRemainingDelay().isZero();
    }

    /** Streams one call; the outcome is told on LangChain4j's thread. */
    public void stream(ModelEndpoint endpoint, ChatRequest request, Outcome outcome) {
        stream(endpoint, request, outcome, 1);
    }

    private void stream(ModelEndpoint endpoint, ChatRequest request, Outcome outcome, int attempt) {
        CircuitBreaker<Object> breaker = breaker(endpoint);
        if (!breaker.tryAcquirePermit()) {
            outcome.failed(outOfService(), false);
            return;
        }
        AtomicBoolean spoke = new AtomicBoolean();
        AtomicBoolean done = new AtomicBoolean();
        try {
            streamingModel(endpoint).chat(convert(request), new StreamingChatResponseHandler() {
                @Override
                public void onPartialResponse(String text) {
                    spoke.set(true);
                    outcome.token(text);
                }

                @Override
                public void onCompleteResponse(ChatResponse response) {
                    if (done.compareAndSet(false, true)) {
                        breaker.recordSuccess();
                        outcome.complete(convert(response));
                    }
                }

                @Override
                public void onError(Throwable error) {
                    if (done.compareAndSet(false, true)) {
                        breaker.recordFailure();
                        log(endpoint, error);
                        if (!spoke.get() && attempt < 2 && !breaker.isOpen()) {
                            stream(endpoint, request, outcome, attempt + 1);
                        } else {
                            outcome.failed(failed(error), true);
                        }
                    }
                }
            });
        } catch (RuntimeException e) {
            if (done.compareAndSet(false, true)) {
                breaker.recordFailure();
                log(endpoint, e);
                outcome.failed(failed(e), true);
            }
        }
    }

    /** One call, waiting for the reply (LangChain4j retries a failed one once). */
    public Reply chat(ModelEndpoint endpoint, ChatRequest request) {
        CircuitBreaker<Object> breaker = breaker(endpoint);
        if (!breaker.tryAcquirePermit()) {
            throw outOfService();
        }
        try {
            Reply reply = convert(blockingModel(endpoint).chat(convert(request)));
            breaker.recordSuccess();
            return reply;
        } catch (RuntimeException e) {
            breaker.recordFailure();
            log(endpoint, e);
            throw failed(e);
        }
    }

    // ---- LangChain4j ----------------------------------------------------------------------------------------------

    private StreamingChatModel streamingModel(ModelEndpoint endpoint) {
        return streaming.computeIfAbsent(endpoint, e -> OpenAiStreamingChatModel.builder().baseUrl(e.baseUrl())
                .apiKey(key(e)).modelName(e.model()).timeout(Duration.ofSeconds(timeoutSeconds))
                .maxTokens(defaultMaxTokens).build());
    }

    private ChatModel blockingModel(ModelEndpoint endpoint) {
        return blocking.computeIfAbsent(endpoint, e -> OpenAiChatModel.builder().baseUrl(e.baseUrl())
                .apiKey(key(e)).modelName(e.model()).timeout(Duration.ofSeconds(timeoutSeconds))
                .maxTokens(defaultMaxTokens).maxRetries(1).build());
    }

    // some compatible endpoints (local models) take no key, but the client wants one
    private static String key(ModelEndpoint e) {
        return e.apiKey() == null || e.apiKey().isBlank() ? "none" : e.apiKey();
    }

    static dev.langchain4j.model.chat.request.ChatRequest convert(ChatRequest request) {
        List<dev.langchain4j.data.message.ChatMessage> messages = new ArrayList<>();
        for (ChatMessage m : request.messages()) {
            messages.add(switch (m.role()) {
                case SYSTEM -> SystemMessage.from(m.text());
                case USER -> UserMessage.from(m.text());
                case ASSISTANT -> m.toolCalls().isEmpty() ? AiMessage.from(m.text())
                        : AiMessage.from(m.text().isEmpty() ? null : m.text(), m.toolCalls().stream()
                                .map(c -> ToolExecutionRequest.builder().id(c.id()).name(c.name())
                                        .arguments(c.arguments()).build()).toList());
                case TOOL -> ToolExecutionResultMessage.from(m.toolCallId(), m.toolName(), m.text());
            });
        }
        var builder = dev.langchain4j.model.chat.request.ChatRequest.builder().messages(messages);
        if (!request.tools().isEmpty()) {
            builder.toolSpecifications(request.tools().stream().map(ModelProvider::convert).toList());
        }
        if (request.maxTokens() > 0) {
            builder.maxOutputTokens(request.maxTokens());
        }
        return builder.build();
    }

    static ToolSpecification convert(ToolSpec spec) {
        JsonObjectSchema.Builder parameters = JsonObjectSchema.builder();
        List<String> required = new ArrayList<>();
        for (ToolParameter p : spec.parameters()) {
            switch (p.type()) {
                case STRING -> {
                    if (p.allowed().isEmpty()) {
                        parameters.addStringProperty(p.name(), p.description());
                    } else {
                        parameters.addEnumProperty(p.name(), p.allowed(), p.description());
                    }
                }
                case INTEGER -> parameters.addIntegerProperty(p.name(), p.description());
                case NUMBER -> parameters.addNumberProperty(p.name(), p.description());
                case BOOLEAN -> parameters.addBooleanProperty(p.name(), p.description());
                case STRING_ARRAY -> parameters.addProperty(p.name(), JsonArraySchema.builder()
                        .description(p.description()).items(new JsonStringSchema()).build());
            }
            if (p.required()) {
                required.add(p.name());
            }
        }
        return ToolSpecification.builder().name(spec.name()).description(spec.description())
                .parameters(parameters.required(required).build()).build();
    }

    static Reply convert(ChatResponse response) {
        AiMessage message = response.aiMessage();
        List<ToolCall> calls = message.hasToolExecutionRequests() ? message.toolExecutionRequests().stream()
                .map(r -> new ToolCall(r.id() == null ? r.name() : r.id(), r.name(), r.arguments())).toList()
                : List.of();
        TokenUsage usage = response.tokenUsage();
        return new Reply(message.text(), calls, usage == null ? Usage.NONE
                : new Usage(orZero(usage.inputTokenCount()), orZero(usage.outputTokenCount())));
    }

    private static int orZero(Integer n) {
        return n == null ? 0 : n;
    }

    // ---- failures -------------------------------------------------------------------------------------------------

    private CircuitBreaker<Object> breaker(ModelEndpoint endpoint) {
        return breakers.computeIfAbsent(endpoint.baseUrl(), url -> CircuitBreaker.builder()
                .withFailureThreshold(breakerFailures).withDelay(Duration.ofSeconds(breakerSeconds))
                .withSuccessThreshold(1).build());
    }

    private static ModelUnavailable outOfService() {
        return new ModelUnavailable("The AI model is not answering, so the assistant is paused for a moment. Try again"
                + " in a minute; everything else works as usual.");
    }

    private static ModelUnavailable failed(Throwable error) {
        String what = error.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT).contains("timeout")
                || error.getCause() instanceof java.net.http.HttpTimeoutException
                ? "did not answer in time" : "could not be reached or refused the request";
        return new ModelUnavailable("The AI model " + what + ". Try again in a minute; if it keeps failing, the"
                + " platform team has been told through the server log.");
    }

    // the type and message only: a provider's message may echo the request, never the key
    private static void log(ModelEndpoint endpoint, Throwable error) {
        LOG.log(Level.WARNING, () -> "model call to " + endpoint.baseUrl() + " failed: " + error.getClass().getName()
                + ": " + abbreviate(error.getMessage()));
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }

    /** Forgets the clients of an endpoint, after its settings changed. */
    void forget(ModelEndpoint endpoint) {
        streaming.remove(endpoint);
        blocking.remove(endpoint);
    }
}
