package io.catalyst.core.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.catalyst.api.ai.ChatMessage;
import io.catalyst.api.ai.ChatRequest;
import io.catalyst.api.ai.ModelUnavailable;
import io.catalyst.api.ai.Reply;
import io.catalyst.api.ai.ToolCall;
import io.catalyst.api.ai.ToolParameter;
import io.catalyst.api.ai.ToolSpec;
import io.catalyst.sdk.testkit.ai.ChatCall;
import io.catalyst.sdk.testkit.ai.FakeOpenAi;
import io.catalyst.sdk.testkit.ai.Turn;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The provider against a local OpenAI-compatible fake: what is sent, what comes back, and how failures are held. */
class ModelProviderTest {

    private FakeOpenAi fake;
    private ModelProvider provider;
    private ModelEndpoint endpoint;

    @BeforeEach
    void start() {
        fake = FakeOpenAi.start();
        provider = new ModelProvider();
        provider.timeoutSeconds = 5;
        provider.defaultMaxTokens = 256;
        provider.breakerFailures = 3;
        provider.breakerSeconds = 60;
        endpoint = new ModelEndpoint(fake.baseUrl(), "fake-gpt", "sk-secret", false);
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private record Heard(List<String> tokens, CompletableFuture<Reply> reply, CompletableFuture<ModelUnavailable> error,
                         CompletableFuture<Boolean> reached) {
    }

    private Heard stream(ChatRequest request) {
        Heard heard = new Heard(new CopyOnWriteArrayList<>(), new CompletableFuture<>(), new CompletableFuture<>(),
                new CompletableFuture<>());
        provider.stream(endpoint, request, new ModelProvider.Outcome() {
            @Override
            public void token(String text) {
                heard.tokens().add(text);
            }

            @Override
            public void complete(Reply reply) {
                heard.reply().complete(reply);
            }

            @Override
            public void failed(ModelUnavailable error, boolean reachedProvider) {
                heard.reached().complete(reachedProvider);
                heard.error().complete(error);
            }
        });
        return heard;
    }

    private static final ToolSpec QUERY = new ToolSpec("assistant_query_metrics", "Answers figures", List.of(
            ToolParameter.required("metrics", ToolParameter.Type.STRING_ARRAY, "names"),
            ToolParameter.oneOf("period", false, "when", List.of("last_month", "last_7_days")),
            ToolParameter.optional("limit", ToolParameter.Type.INTEGER, "rows")));

    @Test
    void streamsTextAndToolCallsWithTheProvidersUsage() throws Exception {
        fake.respond(call -> call.afterToolResult() ? Turn.text("ROAS was 4.21× last month.").usage(120, 9)
                : Turn.tools(Turn.call("assistant_query_metrics", "{\"metrics\":[\"roas\"]}")).usage(100, 7));

        Heard first = stream(new ChatRequest(List.of(ChatMessage.system("rules"), ChatMessage.user("ROAS?")),
                List.of(QUERY), 0));
        Reply tools = first.reply().get(10, TimeUnit.SECONDS);
        assertThat(tools.toolCalls()).singleElement().satisfies(c -> {
            assertThat(c.name()).isEqualTo("assistant_query_metrics");
            assertThat(c.arguments()).contains("\"roas\"");
        });
        assertThat(tools.usage().inputTokens()).isEqualTo(100);

        ChatCall sent = fake.calls().get(0);
        assertThat(sent.authorization()).isEqualTo("Bearer sk-secret");
        assertThat(sent.model()).isEqualTo("fake-gpt");
        assertThat(sent.stream()).isTrue();
        assertThat(sent.includeUsage()).isTrue();
        assertThat(sent.toolNames()).containsExactly("assistant_query_metrics");
        // the declaration's types, enum and required list reach the provider as JSON schema
        assertThat(sent.json().replaceAll("\\s", "")).contains("\"required\":[\"metrics\"]", "\"enum\":[\"last_month\",\"last_7_days\"]",
                "\"type\":\"array\"", "\"type\":\"integer\"");

        ToolCall call = tools.toolCalls().get(0);
        Heard second = stream(new ChatRequest(List.of(ChatMessage.user("ROAS?"), ChatMessage.assistant("",
                List.of(call)), ChatMessage.toolResult(call, "roas 4.21")), List.of(QUERY), 0));
        Reply answer = second.reply().get(10, TimeUnit.SECONDS);
        assertThat(answer.text()).isEqualTo("ROAS was 4.21× last month.");
        assertThat(second.tokens()).hasSizeGreaterThan(1);
        assertThat(String.join("", second.tokens())).isEqualTo(answer.text());
        assertThat(answer.usage().total()).isEqualTo(129);
        assertThat(fake.calls().get(1).toolResult(call.id())).isEqualTo("roas 4.21");
    }

    @Test
    void aFailureBeforeAnyTextIsTriedOnceMoreThenSaidPlainly() throws Exception {
        fake.down(503);

        Heard heard = stream(ChatRequest.of(List.of(ChatMessage.user("hi"))));

        ModelUnavailable error = heard.error().get(10, TimeUnit.SECONDS);
        assertThat(error.getMessage()).contains("could not be reached").doesNotContain("503", "127.0.0.1",
                "sk-secret");
        assertThat(heard.reached().get()).isTrue();
        assertThat(fake.calls()).hasSize(2);
    }

    @Test
    void anOutageOpensTheBreakerAndLaterCallsDoNotReachTheProvider() throws Exception {
        fake.down(500);
        for (int i = 0; i < 3; i++) { // the breaker's threshold
            assertThatThrownBy(() -> provider.chat(endpoint, ChatRequest.of(List.of(ChatMessage.user("hi")))))
                    .isInstanceOf(ModelUnavailable.class);
        }
        assertThat(provider.closed(endpoint)).isFalse();
        int reached = fake.calls().size();
        fake.up();

        assertThatThrownBy(() -> provider.chat(endpoint, ChatRequest.of(List.of(ChatMessage.user("hi")))))
                .isInstanceOf(ModelUnavailable.class).hasMessageContaining("paused");
        Heard streamed = stream(ChatRequest.of(List.of(ChatMessage.user("hi"))));
        assertThat(streamed.error().get(5, TimeUnit.SECONDS).getMessage()).contains("paused");
        assertThat(streamed.reached().get()).isFalse();
        assertThat(fake.calls()).hasSize(reached);
    }

    @Test
    void aBreakerWhosePauseIsOverLetsTheNextCallTry() throws Exception {
        provider.breakerSeconds = 1;
        provider.breakerFailures = 1;
        fake.down(500);
        assertThatThrownBy(() -> provider.chat(endpoint, ChatRequest.of(List.of(ChatMessage.user("hi")))))
                .isInstanceOf(ModelUnavailable.class);
        assertThat(provider.closed(endpoint)).isFalse();
        fake.up();
        Thread.sleep(1_200); // the breaker's own pause, not a timing assertion

        assertThat(provider.closed(endpoint)).isTrue();
        assertThat(provider.chat(endpoint, ChatRequest.of(List.of(ChatMessage.user("hi")))).text()).isEqualTo("ok");
    }
}
