package io.catalyst.sdk.testkit.ai;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** FakeOpenAi is understood by the real LangChain4j OpenAI client, and its SSE is OpenAI's on the wire. */
class FakeOpenAiTest {

    private static final ToolSpecification COUNT_LEADS = ToolSpecification.builder()
            .name("count_leads")
            .description("Counts the company's leads in a stage")
            .parameters(JsonObjectSchema.builder().addStringProperty("stage").required("stage").build())
            .build();

    private static FakeOpenAi fake;
    private static OpenAiChatModel chat;
    private static OpenAiStreamingChatModel streaming;

    @BeforeAll
    static void start() {
        fake = FakeOpenAi.start();
        chat = OpenAiChatModel.builder().baseUrl(fake.baseUrl()).apiKey("sk-test").modelName("gpt-test")
                .maxRetries(0).timeout(Duration.ofSeconds(10)).build();
        streaming = OpenAiStreamingChatModel.builder().baseUrl(fake.baseUrl()).apiKey("sk-test")
                .modelName("gpt-test").timeout(Duration.ofSeconds(10)).build();
    }

    @AfterAll
    static void stop() {
        fake.close();
    }

    @BeforeEach
    void reset() {
        fake.reset();
    }

    @Test
    void streamsTextInSeveralPartialResponsesWithUsage() throws Exception {
        fake.respond(call -> Turn.text("You have 42 won leads this month.").usage(120, 9));
        List<String> partials = new CopyOnWriteArrayList<>();

        ChatResponse response = stream(ChatRequest.builder().messages(UserMessage.from("How many leads?")).build(),
                partials);

        assertThat(partials).hasSizeGreaterThan(1);
        assertThat(String.join("", partials)).isEqualTo("You have 42 won leads this month.");
        assertThat(response.aiMessage().text()).isEqualTo("You have 42 won leads this month.");
        assertThat(response.tokenUsage().inputTokenCount()).isEqualTo(120);
        assertThat(response.tokenUsage().outputTokenCount()).isEqualTo(9);
        assertThat(response.tokenUsage().totalTokenCount()).isEqualTo(129);
        ChatCall call = fake.lastCall();
        assertThat(call.stream()).isTrue();
        assertThat(call.includeUsage()).isTrue();
        assertThat(call.model()).isEqualTo("gpt-test");
        assertThat(call.authorization()).isEqualTo("Bearer sk-test");
        assertThat(call.lastUserMessage()).isEqualTo("How many leads?");
    }

    @Test
    void plainReplyHasDeterministicDefaultUsage() {
        ChatResponse response = chat.chat(ChatRequest.builder().messages(UserMessage.from("Hello there")).build());

        assertThat(response.aiMessage().text()).isEqualTo("ok");
        // "Hello there" is 11 characters: 3 tokens; "ok": 1 token
        assertThat(response.tokenUsage().inputTokenCount()).isEqualTo(3);
        assertThat(response.tokenUsage().outputTokenCount()).isEqualTo(1);
        assertThat(fake.lastCall().stream()).isFalse();
    }

    @Test
    void toolCallAndToolResultRoundTrip() {
        AtomicReference<String> seenResult = new AtomicReference<>();
        fake.respond(call -> {
            if (call.afterToolResult()) {
                seenResult.set(call.toolResult("count_leads"));
                return Turn.text("You have " + call.toolResult("call_1") + " won leads.");
            }
            return Turn.tools(Turn.call("count_leads", "{\"stage\":\"won\"}"));
        });
        UserMessage question = UserMessage.from("How many won leads?");

        ChatResponse first = chat.chat(ChatRequest.builder().messages(question)
                .toolSpecifications(COUNT_LEADS).build());

        assertThat(first.aiMessage().hasToolExecutionRequests()).isTrue();
        ToolExecutionRequest request = first.aiMessage().toolExecutionRequests().get(0);
        assertThat(request.id()).isEqualTo("call_1");
        assertThat(request.name()).isEqualTo("count_leads");
        assertThat(request.arguments()).isEqualTo("{\"stage\":\"won\"}");
        assertThat(fake.lastCall().toolNames()).containsExactly("count_leads");

        ChatResponse second = chat.chat(ChatRequest.builder()
                .messages(question, first.aiMessage(), ToolExecutionResultMessage.from(request, "42"))
                .toolSpecifications(COUNT_LEADS).build());

        assertThat(seenResult.get()).isEqualTo("42");
        assertThat(second.aiMessage().text()).isEqualTo("You have 42 won leads.");
        ChatCall call = fake.lastCall();
        assertThat(call.toolResults()).containsExactly(Map.entry("call_1", "42"));
        assertThat(call.messages()).extracting(ChatCall.Message::role).containsExactly("user", "assistant", "tool");
        assertThat(call.messages().get(1).toolCalls())
                .containsExactly(new ChatCall.ToolCall("call_1", "count_leads", "{\"stage\":\"won\"}"));
    }

    @Test
    void streamsToolCallsWithArgumentsInPieces() throws Exception {
        String args = "{\"stage\":\"won\",\"since\":\"2024-01-01\",\"channel\":\"paid_social\"}";
        fake.respond(call -> Turn.tools(Turn.call("count_leads", args), Turn.call("list_campaigns", "{}")));

        ChatResponse response = stream(ChatRequest.builder().messages(UserMessage.from("Leads and campaigns?"))
                .toolSpecifications(COUNT_LEADS).build(), new CopyOnWriteArrayList<>());

        AiMessage ai = response.aiMessage();
        assertThat(ai.toolExecutionRequests()).hasSize(2);
        assertThat(ai.toolExecutionRequests().get(0).id()).isEqualTo("call_1");
        assertThat(ai.toolExecutionRequests().get(0).name()).isEqualTo("count_leads");
        assertThat(ai.toolExecutionRequests().get(0).arguments()).isEqualTo(args);
        assertThat(ai.toolExecutionRequests().get(1).id()).isEqualTo("call_2");
        assertThat(ai.toolExecutionRequests().get(1).name()).isEqualTo("list_campaigns");
        assertThat(response.finishReason().name()).isEqualTo("TOOL_EXECUTION");
    }

    @Test
    void downMakesTheClientFailUntilUp() {
        fake.down(503);
        ChatRequest request = ChatRequest.builder().messages(UserMessage.from("Hi")).build();

        assertThatThrownBy(() -> chat.chat(request)).isInstanceOf(InternalServerException.class)
                .hasMessageContaining("\"code\":\"service_unavailable\"");
        assertThatThrownBy(() -> stream(request, new CopyOnWriteArrayList<>()))
                .hasCauseInstanceOf(InternalServerException.class);
        assertThat(fake.calls()).hasSize(2); // failed calls are recorded too

        fake.up();
        assertThat(chat.chat(request).aiMessage().text()).isEqualTo("ok");
    }

    @Test
    void stallMakesAShortTimeoutFail() {
        fake.stall(Duration.ofSeconds(3));
        OpenAiChatModel impatient = OpenAiChatModel.builder().baseUrl(fake.baseUrl()).apiKey("sk-test")
                .modelName("gpt-test").maxRetries(0).timeout(Duration.ofMillis(300)).build();

        assertThatThrownBy(() -> impatient.chat("Hi")).isInstanceOf(TimeoutException.class);
    }

    @Test
    void rawSseIsOpenAisWireFormat() throws Exception {
        fake.respond(call -> Turn.text("Three small words"));
        fake.chunkDelay(Duration.ofMillis(20));
        HttpClient http = HttpClient.newHttpClient();
        String body = "{\"model\":\"gpt-test\",\"stream\":true,\"stream_options\":{\"include_usage\":true},"
                + "\"max_completion_tokens\":50,"
                + "\"messages\":[{\"role\":\"system\",\"content\":\"Be brief.\"},"
                + "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"Say it\"}]}]}";

        HttpResponse<Stream<String>> response = http.send(HttpRequest.newBuilder()
                .uri(URI.create(fake.baseUrl() + "/chat/completions"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofLines());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/event-stream");
        List<String> events = response.body().filter(line -> !line.isEmpty()).collect(Collectors.toList());
        assertThat(events).allSatisfy(line -> assertThat(line).startsWith("data: "));
        assertThat(events.get(events.size() - 1)).isEqualTo("data: [DONE]");
        assertThat(events.get(0)).contains("\"object\":\"chat.completion.chunk\"")
                .contains("\"delta\":{\"role\":\"assistant\",\"content\":\"\"}");
        assertThat(events.stream().filter(e -> e.contains("\"content\":\"")).count()).isGreaterThan(3);
        assertThat(events.get(events.size() - 3)).contains("\"finish_reason\":\"stop\"");
        assertThat(events.get(events.size() - 2)).contains("\"choices\":[]")
                .contains("\"usage\":{\"prompt_tokens\":4,\"completion_tokens\":5,\"total_tokens\":9}");
        ChatCall call = fake.lastCall();
        assertThat(call.systemMessage()).isEqualTo("Be brief.");
        assertThat(call.lastUserMessage()).isEqualTo("Say it");
        assertThat(call.maxTokens()).isEqualTo(50);
        assertThat(call.authorization()).isNull();

        // Without include_usage there is no usage chunk, and an outage is an OpenAI-style error body
        String noUsage = http.send(HttpRequest.newBuilder().uri(URI.create(fake.baseUrl() + "/chat/completions"))
                .POST(HttpRequest.BodyPublishers.ofString(body.replace("true}", "false}"))).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(noUsage).doesNotContain("\"usage\"").endsWith("data: [DONE]\n\n");
        fake.down(429);
        HttpResponse<String> limited = http.send(HttpRequest.newBuilder()
                .uri(URI.create(fake.baseUrl() + "/chat/completions"))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.body()).startsWith("{\"error\":{\"message\":")
                .contains("\"type\":\"requests\"", "\"code\":\"rate_limit_exceeded\"");
    }

    /** Streams a request and waits for the complete response; the partial texts are collected in order. */
    private static ChatResponse stream(ChatRequest request, List<String> partials) throws Exception {
        CompletableFuture<ChatResponse> done = new CompletableFuture<>();
        streaming.chat(request, new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(String partial) {
                partials.add(partial);
            }

            @Override
            public void onCompleteResponse(ChatResponse response) {
                done.complete(response);
            }

            @Override
            public void onError(Throwable error) {
                done.completeExceptionally(error);
            }
        });
        return done.get(10, TimeUnit.SECONDS);
    }
}
