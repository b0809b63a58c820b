package io.catalyst.sdk.testkit.ai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A deterministic local fake of OpenAI's Chat Completions API ({@code POST /v1/chat/completions}, plain and
 * streamed), so the assistant can be tested and benchmarked with the real OpenAI client and no network.
 *
 * <pre>{@code
 * try (FakeOpenAi fake = FakeOpenAi.start()) {
 *     fake.respond(call -> call.afterToolResult()
 *             ? Turn.text("You have " + call.toolResult("count_leads") + " leads.")
 *             : Turn.tools(Turn.call("count_leads", "{}")));
 *     // point the client at fake.baseUrl(), e.g. OpenAiChatModel.builder().baseUrl(fake.baseUrl())
 * }
 * }</pre>
 *
 * Everything is deterministic: ids ({@code chatcmpl-fake-1}, {@code call_1}...), the {@code created} time and the
 * token usage only depend on the requests. Without a script it answers {@code "ok"}.
 */
public final class FakeOpenAi implements AutoCloseable {

    /** A fixed {@code created} time (2024-01-01T00:00:00Z), so answers are byte-for-byte repeatable. */
    private static final long CREATED = 1_704_067_200L;
    private static final Function<ChatCall, Turn> DEFAULT_SCRIPT = call -> Turn.text("ok");
    /** Tool call arguments are streamed in pieces of this many characters, as OpenAI streams them. */
    private static final int ARGUMENT_PIECE = 16;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService executor;
    private final List<ChatCall> calls = new CopyOnWriteArrayList<>();
    private final AtomicInteger completions = new AtomicInteger();
    private volatile Function<ChatCall, Turn> script = DEFAULT_SCRIPT;
    private volatile int downStatus;
    private volatile Duration chunkDelay = Duration.ZERO;
    private volatile Duration stall = Duration.ZERO;

    private FakeOpenAi() throws IOException {
        // a streamed answer is many small writes: without TCP_NODELAY each waits on the client's delayed ACK (~40 ms),
        // which would time the fake, not the code under test. The JDK server reads this once, at its first use.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        // One thread per exchange: a stalled or slowly streamed answer must not hold up the next request
        AtomicInteger threads = new AtomicInteger();
        executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fake-openai-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Starts a fake on 127.0.0.1 at a free port. */
    public static FakeOpenAi start() {
        try {
            return new FakeOpenAi();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start FakeOpenAi", e);
        }
    }

    /** {@code http://127.0.0.1:<port>/v1}, the base URL an OpenAI client expects. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port() + "/v1";
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Sets how the fake answers each call (replacing the previous script). */
    public FakeOpenAi respond(Function<ChatCall, Turn> script) {
        this.script = Objects.requireNonNull(script, "script");
        return this;
    }

    /** Answers every call with this HTTP status and an OpenAI-style error body, until {@link #up()}. */
    public FakeOpenAi down(int status) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("an error status (4xx or 5xx), not " + status);
        }
        this.downStatus = status;
        return this;
    }

    /** Answers normally again after {@link #down(int)}. */
    public FakeOpenAi up() {
        this.downStatus = 0;
        return this;
    }

    /** Sleeps this long between streamed events, so a test (or a browser) can watch the text arrive. */
    public FakeOpenAi chunkDelay(Duration delay) {
        this.chunkDelay = Objects.requireNonNull(delay, "delay");
        return this;
    }

    /** Waits this long before answering anything, for timeout tests. */
    public FakeOpenAi stall(Duration delay) {
        this.stall = Objects.requireNonNull(delay, "delay");
        return this;
    }

    /** The calls received so far, in order (a snapshot; safe to read while calls arrive). */
    public List<ChatCall> calls() {
        return List.copyOf(calls);
    }

    /** The last call received, or null. */
    public ChatCall lastCall() {
        List<ChatCall> all = calls();
        return all.isEmpty() ? null : all.get(all.size() - 1);
    }

    /**
     * Forgets the calls and the script, and also clears {@code down}, {@code chunkDelay} and {@code stall} and restarts
     * the ids, so one fake shared by several tests starts each of them the same way.
     */
    public FakeOpenAi reset() {
        calls.clear();
        script = DEFAULT_SCRIPT;
        downStatus = 0;
        chunkDelay = Duration.ZERO;
        stall = Duration.ZERO;
        completions.set(0);
        return this;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow(); // interrupts stalled and slowly streaming exchanges
    }

    @Override
    public String toString() {
        return "FakeOpenAi[" + baseUrl() + "]";
    }

    // ---- HTTP

    private void handle(HttpExchange exchange) throws IOException {
        try {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getPath();
            if (!path.equals("/v1/chat/completions")) {
                sendError(exchange, 404, "Unknown request URL: " + path, "invalid_request_error", "unknown_url");
                return;
            }
            if (!"POST".equals(exchange.getRequestMethod())) {
                sendError(exchange, 405, "Use POST for " + path, "invalid_request_error", "method_not_allowed");
                return;
            }
            ChatCall call;
            try {
                call = parse(new String(body, StandardCharsets.UTF_8),
                        exchange.getRequestHeaders().getFirst("Authorization"));
            } catch (JsonProcessingException | IllegalArgumentException e) {
                sendError(exchange, 400, "Invalid request body: " + e.getMessage(), "invalid_request_error", null);
                return;
            }
            calls.add(call);
            if (!sleep(stall)) {
                return;
            }
            int status = downStatus;
            if (status != 0) {
                sendDownError(exchange, status);
                return;
            }
            Turn turn;
            try {
                turn = script.apply(call);
            } catch (RuntimeException e) {
                // A failing script shows up as a 500 the test can read, not a hung or reset connection
                sendError(exchange, 500, "FakeOpenAi script failed: " + e, "server_error", null);
                return;
            }
            if (turn == null) {
                sendError(exchange, 500, "FakeOpenAi script returned no Turn", "server_error", null);
                return;
            }
            Reply reply = new Reply(call, turn, completions.incrementAndGet());
            if (call.stream()) {
                stream(exchange, reply);
            } else {
                sendJson(exchange, 200, reply.completion());
            }
        } catch (IOException e) {
            // The client went away (e.g. it timed out during a stall): nothing left to answer
        } finally {
            exchange.close();
        }
    }

    private void stream(HttpExchange exchange, Reply reply) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.sendResponseHeaders(200, 0); // 0 = chunked: the length is not known up front
        OutputStream out = exchange.getResponseBody();
        boolean first = true;
        for (String event : reply.events()) {
            if (!first && !sleep(chunkDelay)) {
                return;
            }
            first = false;
            out.write(("data: " + event + "\n\n").getBytes(StandardCharsets.UTF_8));
            out.flush(); // each event goes out on its own, so streaming is observable
        }
    }

    private static void sendDownError(HttpExchange exchange, int status) throws IOException {
        switch (status) {
            case 401 -> sendError(exchange, status, "Incorrect API key provided.", "invalid_request_error",
                    "invalid_api_key");
            case 429 -> sendError(exchange, status, "Rate limit reached for requests.", "requests",
                    "rate_limit_exceeded");
            case 503 -> sendError(exchange, status, "The server is overloaded or not ready yet.", "server_error",
                    "service_unavailable");
            default -> sendError(exchange, status, "FakeOpenAi is down (HTTP " + status + ")",
                    status >= 500 ? "server_error" : "invalid_request_error", "fake_down");
        }
    }

    private static void sendError(HttpExchange exchange, int status, String message, String type, String code)
            throws IOException {
        ObjectNode error = JSON.createObjectNode();
        error.put("message", message);
        error.put("type", type);
        error.putNull("param");
        error.put("code", code);
        ObjectNode body = JSON.createObjectNode();
        body.set("error", error);
        sendJson(exchange, status, body);
    }

    private static void sendJson(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Sleeps; false when interrupted (the fake is closing). */
    private static boolean sleep(Duration delay) {
        if (delay.isZero() || delay.isNegative()) {
            return true;
        }
        try {
            Thread.sleep(delay.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    // ---- Request

    static ChatCall parse(String json, String authorization) throws JsonProcessingException {
        JsonNode root = JSON.readTree(json);
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("the body is not a JSON object");
        }
        JsonNode messagesNode = root.path("messages");
        if (!messagesNode.isArray()) {
            throw new IllegalArgumentException("'messages' must be an array");
        }
        List<ChatCall.Message> messages = new ArrayList<>();
        for (JsonNode m : messagesNode) {
            List<ChatCall.ToolCall> toolCalls = new ArrayList<>();
            for (JsonNode c : m.path("tool_calls")) {
                toolCalls.add(new ChatCall.ToolCall(text(c.get("id")), text(c.path("function").get("name")),
                        text(c.path("function").get("arguments"))));
            }
            messages.add(new ChatCall.Message(text(m.get("role")), content(m.get("content")),
                    text(m.get("tool_call_id")), toolCalls));
        }
        List<String> toolNames = new ArrayList<>();
        for (JsonNode t : root.path("tools")) {
            if (t.path("function").hasNonNull("name")) {
                toolNames.add(t.path("function").get("name").asText());
            }
        }
        JsonNode maxTokens = root.hasNonNull("max_completion_tokens") ? root.get("max_completion_tokens")
                : root.get("max_tokens");
        return new ChatCall(text(root.get("model")), root.path("stream").asBoolean(false),
                root.path("stream_options").path("include_usage").asBoolean(false),
                maxTokens == null || maxTokens.isNull() ? null : maxTokens.asInt(),
                messages, toolNames, authorization, json);
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    /** Content is a string or an array of parts; the text parts are joined (images and audio are skipped). */
    private static String content(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray()) {
            return node.asText();
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode part : node) {
            if (part.isTextual()) {
                text.append(part.asText());
            } else if (part.hasNonNull("text")) {
                text.append(part.get("text").asText());
            }
        }
        return text.toString();
    }

    // ---- Reply

    /** One answer, rendered either as a chat.completion or as chat.completion.chunk events. */
    private static final class Reply {
        private final ChatCall call;
        private final Turn turn;
        private final String id;
        private final List<String> toolCallIds = new ArrayList<>();

        Reply(ChatCall call, Turn turn, int number) {
            this.call = call;
            this.turn = turn;
            this.id = "chatcmpl-fake-" + number;
            // Numbered after the calls already in the conversation, so ids stay unique within it and repeatable
            int next = call.toolCallCount();
            for (int i = 0; i < turn.calls().size(); i++) {
                toolCallIds.add("call_" + (++next));
            }
        }

        private String model() {
            return call.model() == null ? "fake-model" : call.model();
        }

        private String finishReason() {
            return turn.calls().isEmpty() ? "stop" : "tool_calls";
        }

        /** Default usage: a quarter of the characters, rounded up, at least 1 (roughly what a tokenizer gives). */
        private ObjectNode usage() {
            int promptChars = 0;
            for (ChatCall.Message m : call.messages()) {
                promptChars += length(m.content());
                for (ChatCall.ToolCall c : m.toolCalls()) {
                    promptChars += length(c.name()) + length(c.arguments());
                }
            }
            int completionChars = length(turn.text());
            for (Turn.Call c : turn.calls()) {
                completionChars += c.name().length() + c.arguments().length();
            }
            int prompt = turn.promptTokens() != null ? turn.promptTokens() : tokens(promptChars);
            int completion = turn.completionTokens() != null ? turn.completionTokens() : tokens(completionChars);
            ObjectNode usage = JSON.createObjectNode();
            usage.put("prompt_tokens", prompt);
            usage.put("completion_tokens", completion);
            usage.put("total_tokens", prompt + completion);
            return usage;
        }

        private static int length(String s) {
            return s == null ? 0 : s.length();
        }

        private static int tokens(int chars) {
            return Math.max(1, (chars + 3) / 4);
        }

        private ObjectNode envelope(String object) {
            ObjectNode node = JSON.createObjectNode();
            node.put("id", id);
            node.put("object", object);
            node.put("created", CREATED);
            node.put("model", model());
            node.putNull("system_fingerprint");
            return node;
        }

        /** The non-streamed {@code chat.completion}. */
        ObjectNode completion() {
            ObjectNode message = JSON.createObjectNode();
            message.put("role", "assistant");
            message.put("content", turn.text());
            message.putNull("refusal");
            if (!turn.calls().isEmpty()) {
                ArrayNode toolCalls = message.putArray("tool_calls");
                for (int i = 0; i < turn.calls().size(); i++) {
                    Turn.Call c = turn.calls().get(i);
                    ObjectNode tc = toolCalls.addObject();
                    tc.put("id", toolCallIds.get(i));
                    tc.put("type", "function");
                    tc.putObject("function").put("name", c.name()).put("arguments", c.arguments());
                }
            }
            ObjectNode root = envelope("chat.completion");
            ObjectNode choice = root.putArray("choices").addObject();
            choice.put("index", 0);
            choice.set("message", message);
            choice.putNull("logprobs");
            choice.put("finish_reason", finishReason());
            root.set("usage", usage());
            return root;
        }

        /** The SSE {@code data:} payloads, in order, ending with {@code [DONE]}. */
        List<String> events() throws JsonProcessingException {
            List<String> events = new ArrayList<>();
            ObjectNode first = JSON.createObjectNode().put("role", "assistant");
            if (turn.text() != null) {
                first.put("content", "");
            } else {
                first.putNull("content");
            }
            events.add(chunk(first, null));
            if (turn.text() != null) {
                // One chunk per word, the space kept at its end, so the pieces join back to the exact text
                for (String word : turn.text().split("(?<=\\s)(?=\\S)")) {
                    if (!word.isEmpty()) {
                        events.add(chunk(JSON.createObjectNode().put("content", word), null));
                    }
                }
            }
            for (int i = 0; i < turn.calls().size(); i++) {
                Turn.Call c = turn.calls().get(i);
                ObjectNode start = JSON.createObjectNode();
                ObjectNode tc = start.putArray("tool_calls").addObject();
                tc.put("index", i);
                tc.put("id", toolCallIds.get(i));
                tc.put("type", "function");
                tc.putObject("function").put("name", c.name()).put("arguments", "");
                events.add(chunk(start, null));
                String args = c.arguments();
                for (int from = 0; from < args.length(); from += ARGUMENT_PIECE) {
                    ObjectNode piece = JSON.createObjectNode();
                    ObjectNode ptc = piece.putArray("tool_calls").addObject();
                    ptc.put("index", i);
                    ptc.putObject("function")
                            .put("arguments", args.substring(from, Math.min(args.length(), from + ARGUMENT_PIECE)));
                    events.add(chunk(piece, null));
                }
            }
            events.add(chunk(JSON.createObjectNode(), finishReason()));
            if (call.includeUsage()) {
                ObjectNode last = envelope("chat.completion.chunk");
                last.putArray("choices");
                last.set("usage", usage());
                events.add(JSON.writeValueAsString(last));
            }
            events.add("[DONE]");
            return events;
        }

        private String chunk(ObjectNode delta, String finishReason) throws JsonProcessingException {
            ObjectNode root = envelope("chat.completion.chunk");
            ObjectNode choice = root.putArray("choices").addObject();
            choice.put("index", 0);
            choice.set("delta", delta);
            choice.putNull("logprobs");
            choice.put("finish_reason", finishReason);
            if (call.includeUsage()) {
                root.putNull("usage"); // as OpenAI does: every chunk but the last has usage null
            }
            return JSON.writeValueAsString(root);
        }
    }
}
