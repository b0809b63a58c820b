package io.catalyst.plugins.metaads;

import io.catalyst.api.connect.ConnectorSession;
import io.catalyst.api.connect.Insight;
import io.catalyst.api.connect.ProviderException.Kind;
import io.catalyst.api.connect.ProviderException;
import io.catalyst.api.connect.RecordSink;
import io.catalyst.api.connect.StreamRead;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads daily insights at campaign and ad level, account by account, seven days at a time, oldest first, with a
 * checkpoint after each chunk. A run over more than seven days asks for each chunk as an asynchronous report run
 * (Meta's advice for large reads: developers.facebook.com/docs/marketing-api/insights/best-practices); a short one
 * reads {@code /insights} directly.
 */
final class InsightsReader {

    /** Days per chunk: the unit of progress, and the longest range read synchronously. */
    static final int CHUNK_DAYS = 7;
    /** Meta's levels read, in order; ad sets are left to the ad-level rows' {@code adset_id}. */
    static final List<String> LEVELS = List.of("campaign", "ad");
    static final String FIELDS = String.join(",", "account_id", "account_currency", "campaign_id", "adset_id",
            "ad_id", "spend", "impressions", "clicks", "actions", "action_values", "date_start", "date_stop");
    /** How many times a report run is polled before the run gives up on it. */
    static final int MAX_POLLS = 360;

    private final ConnectorSession session;
    private final MetaAdsApi graph;
    private final Duration pollInterval;
    private final Map<String, String> currencies = new HashMap<>();
    private final Set<String> conversions;

    InsightsReader(ConnectorSession session, Duration pollInterval) {
        this.session = session;
        this.graph = new MetaAdsApi(session);
        this.pollInterval = pollInterval;
        this.conversions = InsightRows.conversionTypes(session.settings().get(MetaAdsConnector.CONVERSIONS));
    }

    void read(StreamRead read, RecordSink sink) {
        LocalDate to = read.to() != null ? read.to() : session.today().minusDays(1);
        LocalDate from = read.from() != null ? read.from() : to;
        if (from.isAfter(to)) {
            return;
        }
        boolean async = ChronoUnit.DAYS.between(from, to) + 1 > CHUNK_DAYS;
        List<String> accounts = read.accounts().stream().map(MetaAdsConnector::accountId).toList();
        Optional<ChunkCursor> cursor = ChunkCursor.parse(read.cursor())
                .filter(c -> accounts.contains(c.account()));
        int firstAccount = cursor.map(c -> accounts.indexOf(c.account())).orElse(0);
        for (int i = firstAccount; i < accounts.size(); i++) {
            String account = accounts.get(i);
            LocalDate start = from;
            if (cursor.isPresent() && i == firstAccount && !cursor.get().lastDay().isBefore(start)) {
                start = cursor.get().lastDay().plusDays(1);
            }
            for (LocalDate chunkStart = start; !chunkStart.isAfter(to); chunkStart = chunkStart.plusDays(CHUNK_DAYS)) {
                LocalDate chunkEnd = chunkStart.plusDays(CHUNK_DAYS - 1);
                chunkEnd = chunkEnd.isAfter(to) ? to : chunkEnd;
                for (String level : LEVELS) {
                    Map<String, String> params = params(level, chunkStart, chunkEnd);
                    Consumer<JsonObject> toSink = row -> emit(row, level, account, sink);
                    if (async) {
                        readAsync(account, params, toSink);
                    } else {
                        graph.forEach(account + "/insights", params, account, toSink);
                    }
                }
                sink.checkpoint(new ChunkCursor(account, chunkEnd).format());
            }
        }
    }

    private Map<String, String> params(String level, LocalDate since, LocalDate until) {
        return MetaAdsApi.params(
                "level", level,
                "fields", FIELDS,
                "time_increment", "1",
                "time_range", "{\"since\":\"" + since + "\",\"until\":\"" + until + "\"}",
                "action_attribution_windows", "[\"7d_click\",\"1d_view\"]",
                "limit", "500");
    }

    /** POST the report run, poll it until Meta says "Job Completed", then page through its results. */
    private void readAsync(String account, Map<String, String> params, Consumer<JsonObject> toSink) {
        JsonObject started = graph.post(account + "/insights", params, account);
        String runId = InsightRows.text(started, "report_run_id");
        if (runId == null) {
            throw new ProviderException(Kind.PROVIDER_FAILED, "Meta started no report run for " + account, null);
        }
        for (int poll = 0; ; poll++) {
            JsonObject run = graph.get(runId, Map.of(), account);
            String status = run.getString("async_status", "");
            if (status.equals("Job Completed")) {
                break;
            }
            if (status.equals("Job Failed") || status.equals("Job Skipped")) {
                throw new ProviderException(Kind.PROVIDER_FAILED,
                        "Meta's report run " + runId + " for " + account + " ended with \"" + status + "\"", null);
            }
            if (poll >= MAX_POLLS) {
                throw new ProviderException(Kind.PROVIDER_FAILED, "Meta's report run " + runId + " for " + account
                        + " did not finish (" + run.getInt("async_percent_completion", 0) + "% done)", null);
            }
            pause();
        }
        graph.forEach(runId + "/insights", MetaAdsApi.params("limit", "500"), account, toSink);
    }

    private void pause() {
        if (pollInterval.isZero()) {
            return;
        }
        try {
            Thread.sleep(pollInterval.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderException(Kind.PROVIDER_FAILED, "Interrupted while waiting for a Meta report run", null);
        }
    }

    private void emit(JsonObject row, String level, String account, RecordSink sink) {
        String currency = InsightRows.text(row, "account_currency");
        try {
            Insight insight = InsightRows.map(row, level, account, currency != null ? currency : currency(account),
                    conversions);
            sink.insight(insight);
        } catch (InsightRows.Unmappable e) {
            sink.quarantine(row.toString(), e.getMessage());
        }
    }

    /** The account's own currency, asked once per run, for rows that leave {@code account_currency} out. */
    private String currency(String account) {
        return currencies.computeIfAbsent(account,
                a -> InsightRows.text(graph.get(a, MetaAdsApi.params("fields", "currency"), a), "currency"));
    }
}
