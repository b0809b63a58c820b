package io.catalyst.plugins.assistant;

import io.catalyst.api.PluginContext;
import io.catalyst.api.TenantInfo;
import io.catalyst.api.UserInfo;
import io.catalyst.api.ai.ChatRequest;
import io.catalyst.api.ai.Credits;
import io.catalyst.api.ai.LanguageModel;
import io.catalyst.api.ai.ModelUnavailable;
import io.catalyst.api.ai.Reply;
import io.catalyst.api.ai.ReplyHandler;
import io.catalyst.api.host.AuditTrail;
import io.catalyst.api.host.EventPublisher;
import io.catalyst.api.host.Members;
import io.catalyst.api.host.Notifications;
import io.catalyst.api.host.PluginCache;
import io.catalyst.api.host.PluginData;
import io.catalyst.api.host.PluginHttp;
import io.catalyst.api.host.PluginScheduler;
import io.catalyst.api.host.Secrets;
import io.catalyst.api.metrics.Dimension;
import io.catalyst.api.metrics.Metrics;
import io.catalyst.api.metrics.MetricsQuery;
import io.catalyst.api.metrics.Period;
import io.catalyst.api.ui.kit.ScreenState;
import io.catalyst.core.ai.ModelEndpoint;
import io.catalyst.core.ai.ModelProvider;
import io.catalyst.core.metrics.BenchData;
import io.catalyst.core.metrics.BenchMetrics;
import io.catalyst.sdk.testkit.ai.FakeAssistantTools;
import io.catalyst.sdk.testkit.ai.FakeOpenAi;
import io.catalyst.sdk.testkit.ai.Turn;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * {@code ./catalyst bench assistant}: what the assistant adds to answering a question that needs three metric queries.
 * One turn (prompt, a streamed model call over HTTP through the host's LangChain4j provider to a local fake OpenAI
 * with no delay, three tool calls checked and run through the metrics tools, a second model call with their answers,
 * the answer's figures checked) against the same three queries asked of the metrics layer directly, one after the
 * other, on the same data, alternating which goes first. As in the host, the turn's three reads run at the same time,
 * each on a connection of its own. The time spent waiting for the model's replies is measured
 * apart: the last line compares the rest, the assistant's own work, with the direct queries. Lives in the plugin's
 * package for its package-private turn.
 */
public final class AssistantBenchmark {

    private static final String Q1 = "{\"metrics\":[\"spend\",\"revenue\",\"roas\",\"conversions\",\"cpa\"],"
            + "\"period\":\"last_90_days\",\"compare\":\"previous_period\"}";
    private static final String Q2 = "{\"metrics\":[\"spend\",\"revenue\",\"roas\"],\"period\":\"last_90_days\","
            + "\"dimensions\":[\"date\"],\"limit\":50}";
    private static final String Q3 = "{\"metrics\":[\"spend\",\"revenue\",\"roas\",\"cpa\"],\"period\":"
            + "\"last_90_days\",\"dimensions\":[\"campaign\"],\"sort\":\"spend\",\"limit\":50}";

    /** Time spent waiting for model replies (HTTP to the fake and LangChain4j), summed over a turn. */
    private static final long[] MODEL_NANOS = new long[1];
    /** Time spent in the metrics tool (its three queries and its answers), summed over a turn. */
    private static final java.util.concurrent.atomic.AtomicLong TOOL_NANOS = new java.util.concurrent.atomic.AtomicLong();
    /** Time the metrics tool's queries took inside the turn, summed. */
    private static final java.util.concurrent.atomic.AtomicLong QUERY_NANOS = new java.util.concurrent.atomic.AtomicLong();

    private static final int WARM_UP = 30;

    private AssistantBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int tenants = Integer.parseInt(args[0]);
        int months = Integer.parseInt(args[1]);
        int rounds = Integer.parseInt(args[2]);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        List<UUID> ids = BenchData.prepare(tenants, months, today);
        long rows = BenchData.load(ids, today, months, 0);
        BenchData.analyze();
        System.out.printf(Locale.ROOT, "loaded %,d ad rows for %d companies%n", rows, tenants);

        Period period = Period.preset("last_90_days", today);
        // what the tools ask, as the tools build it (a previous period of whole days is the same days either way)
        List<MetricsQuery> direct = List.of(
                MetricsQuery.of(period, "spend", "revenue", "roas", "conversions", "cpa").compareWith(period.previous())
                        .limit(20).build(),
                MetricsQuery.of(period, "spend", "revenue", "roas").by(Dimension.DATE).limit(50).build(),
                MetricsQuery.of(period, "spend", "revenue", "roas", "cpa").by(Dimension.CAMPAIGN).sortBy("spend")
                        .limit(50).build());

        try (FakeOpenAi fake = FakeOpenAi.start()) {
            fake.respond(call -> call.afterToolResult() ? Turn.text("Spend, revenue and ROAS over the last 90 days are"
                    + " above, by day and by campaign.")
                    : Turn.tools(Turn.call("assistant_query_metrics", Q1), Turn.call("assistant_query_metrics", Q2),
                            Turn.call("assistant_query_metrics", Q3)));
            ModelProvider provider = new ModelProvider(30, 1024, 3, 30);
            ModelEndpoint endpoint = new ModelEndpoint(fake.baseUrl(), "fake-gpt", "sk-bench", false);
            BenchMetrics metrics = new BenchMetrics(ids.get(0), today);
            PluginContext ctx = context(timed(metrics), model(provider, endpoint));
            // the metrics tool as the host runs it, timed: the queries it asks and the answer it writes for the model
            ((FakeAssistantTools) ctx.assistantTools()).offer("assistant", new MetricsToolExtensions.QueryMetrics() {
                @Override
                public io.catalyst.api.ai.ToolResult call(PluginContext c, Map<String, Object> arguments) {
                    long start = System.nanoTime();
                    try {
                        return super.call(c, arguments);
                    } finally {
                        TOOL_NANOS.addAndGet(System.nanoTime() - start);
                    }
                }
            }, ctx);

            double[] assistant = new double[rounds];
            double[] baseline = new double[rounds];
            double[] model = new double[rounds];
            double[] own = new double[rounds];
            double[] tools = new double[rounds];
            double[] queried = new double[rounds];
            for (int i = -WARM_UP; i < rounds; i++) {
                boolean assistantFirst = (i & 1) == 0;
                double a = 0;
                double b = 0;
                if (assistantFirst) {
                    a = turn(ctx, today);
                    b = direct(metrics, direct);
                } else {
                    b = direct(metrics, direct);
                    a = turn(ctx, today);
                }
                if (i >= 0) {
                    assistant[i] = a;
                    baseline[i] = b;
                    model[i] = MODEL_NANOS[0] / 1e6;
                    own[i] = a - model[i];
                    tools[i] = TOOL_NANOS.get() / 1e6;
                    queried[i] = QUERY_NANOS.get() / 1e6;
                }
                QUERY_NANOS.set(0);
                MODEL_NANOS[0] = 0;
                TOOL_NANOS.set(0);
            }
            int calls = fake.calls().size();
            double value = median(assistant);
            double base = median(baseline);
            System.out.printf(Locale.ROOT, "assistant turn: p50 %.2f ms, p95 %.2f ms (%d model calls in all)%n", value,
                    p95(assistant), calls);
            System.out.printf(Locale.ROOT, "  waiting for the two model replies (HTTP to the fake, LangChain4j): p50 %.2f"
                    + " ms%n", median(model));
            System.out.printf(Locale.ROOT, "  in the metrics tool, summed over its three calls (which run at the same"
                    + " time): p50 %.2f ms, of which the queries %.2f ms%n", median(tools), median(queried));
            System.out.printf(Locale.ROOT, "  the assistant's own (the turn without the model's replies): p50 %.2f ms,"
                    + " p95 %.2f ms%n", median(own), p95(own));
            System.out.printf(Locale.ROOT, "three queries directly: p50 %.2f ms, p95 %.2f ms%n", base, p95(baseline));
            System.out.printf(Locale.ROOT, "whole turn against the three queries: ratio %.2f%n", value / base);
            // the goal's measure: what the assistant adds around the queries, the model's own time left out
            System.out.printf(Locale.ROOT, "assistant value=%.2f baseline=%.2f ratio=%.2f unit=ms%n", median(own),
                    base, median(own) / base);
        }
    }

    private static double turn(PluginContext ctx, LocalDate today) throws Exception {
        long start = System.nanoTime();
        CompletableFuture<io.catalyst.plugins.assistant.Turn.Answer> done = new CompletableFuture<>();
        String system = Prompt.system(ctx, today, new ScreenState.Current("plugins/dashboards/overview", Map.of()),
                "Overview");
        new io.catalyst.plugins.assistant.Turn(ctx, system, List.of(), "How did spend, revenue and ROAS go over the"
                + " last 90 days, by day and by campaign?", new io.catalyst.plugins.assistant.Turn.Listener() {
                    @Override
                    public void text(String token) {
                    }

                    @Override
                    public void step(String description) {
                    }

                    @Override
                    public void confirm(String question, java.util.function.Consumer<Boolean> answer) {
                        done.completeExceptionally(new IllegalStateException("no tool here changes data"));
                    }

                    @Override
                    public void answered(io.catalyst.plugins.assistant.Turn.Answer answer) {
                        done.complete(answer);
                    }

                    @Override
                    public void failed(String message) {
                        done.completeExceptionally(new IllegalStateException(message));
                    }
                }).start();
        io.catalyst.plugins.assistant.Turn.Answer answer = done.get(60, TimeUnit.SECONDS);
        if (answer.figures().isEmpty() || answer.tools().size() != 3) {
            throw new IllegalStateException("the turn did not run its three tools: " + answer.tools());
        }
        return (System.nanoTime() - start) / 1e6;
    }

    private static double direct(Metrics metrics, List<MetricsQuery> queries) {
        long start = System.nanoTime();
        for (MetricsQuery q : queries) {
            if (metrics.query(q).totals().isEmpty()) {
                throw new IllegalStateException("no totals");
            }
        }
        return (System.nanoTime() - start) / 1e6;
    }

    // the same metrics layer, its answers timed inside the turn
    private static Metrics timed(Metrics metrics) {
        return new Metrics() {
            @Override
            public List<io.catalyst.api.metrics.MetricDefinition> catalogue() {
                return metrics.catalogue();
            }

            @Override
            public io.catalyst.api.metrics.MetricsResult query(MetricsQuery query) {
                long start = System.nanoTime();
                try {
                    return metrics.query(query);
                } finally {
                    QUERY_NANOS.addAndGet(System.nanoTime() - start);
                }
            }

            @Override
            public LocalDate today() {
                return metrics.today();
            }

            @Override
            public io.catalyst.api.metrics.RecordPage records(io.catalyst.api.metrics.RecordQuery query) {
                return metrics.records(query);
            }

            @Override
            public List<io.catalyst.api.metrics.SourceStatus> sources() {
                return metrics.sources();
            }
        };
    }

    // the host's model service without the credits ledger: the provider's stream, its handler called directly
    private static LanguageModel model(ModelProvider provider, ModelEndpoint endpoint) {
        return new LanguageModel() {
            @Override
            public boolean available() {
                return provider.closed(endpoint);
            }

            @Override
            public void stream(ChatRequest request, ReplyHandler handler) {
                long asked = System.nanoTime();
                provider.stream(endpoint, request, new ModelProvider.Outcome() {
                    @Override
                    public void token(String text) {
                        handler.token(text);
                    }

                    @Override
                    public void complete(Reply reply) {
                        MODEL_NANOS[0] += System.nanoTime() - asked;
                        handler.complete(reply);
                    }

                    @Override
                    public void failed(ModelUnavailable error, boolean reachedProvider) {
                        handler.failed(error);
                    }
                });
            }

            @Override
            public Reply chat(ChatRequest request) {
                return provider.chat(endpoint, request);
            }

            @Override
            public Credits credits() {
                return new Credits(YearMonth.now(), 0, 1_000_000);
            }
        };
    }

    private static PluginContext context(Metrics metrics, LanguageModel model) {
        TenantInfo tenant = new TenantInfo(UUID.randomUUID(), "bench", "Bench Company", ZoneId.of("UTC"), "EUR");
        UserInfo user = new UserInfo(UUID.randomUUID(), "bench@example.com", "Bench");
        FakeAssistantTools tools = new FakeAssistantTools(p -> true);
        return new PluginContext() {
            public String pluginId() { return "assistant"; }
            public TenantInfo tenant() { return tenant; }
            public Optional<UserInfo> user() { return Optional.of(user); }
            public boolean isPermitted(String permission) { return true; }
            public PluginData data() { throw new UnsupportedOperationException(); }
            public Map<String, String> settings() { return Map.of(); }
            public Secrets secrets() { throw new UnsupportedOperationException(); }
            public PluginHttp http() { throw new UnsupportedOperationException(); }
            public EventPublisher events() { throw new UnsupportedOperationException(); }
            public PluginScheduler scheduler() { throw new UnsupportedOperationException(); }
            public Notifications notifications() { throw new UnsupportedOperationException(); }
            public Members members() { return List::of; }
            public AuditTrail audit() { throw new UnsupportedOperationException(); }
            public PluginCache cache() { throw new UnsupportedOperationException(); }
            public Metrics metrics() { return metrics; }
            public LanguageModel model() { return model; }
            public io.catalyst.api.ai.AssistantTools assistantTools() { return tools; }
            public Logger log() { return Logger.getLogger("plugin.assistant"); }
        };
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v[v.length / 2];
    }

    private static double p95(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v[(int) Math.ceil(v.length * 0.95) - 1];
    }
}
