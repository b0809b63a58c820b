package io.catalyst.plugins.metaads;

import io.catalyst.api.connect.AuthSpec;
import io.catalyst.api.connect.Connector;
import io.catalyst.api.connect.ConnectorSession;
import io.catalyst.api.connect.ProviderAccount;
import io.catalyst.api.connect.ProviderException;
import io.catalyst.api.connect.RecordSink;
import io.catalyst.api.connect.StreamRead;
import io.catalyst.api.connect.StreamSpec;
import io.catalyst.api.host.HttpResult;
import io.catalyst.api.settings.SettingField;
import io.catalyst.api.settings.SettingType;
import jakarta.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.pf4j.Extension;

/**
 * Meta Ads (Facebook and Instagram) through the Marketing API: the ad accounts a login reaches, the
 * campaign / ad set / ad hierarchy ({@value #CAMPAIGNS}), and daily insights at campaign and ad level
 * ({@value #INSIGHTS}). The host holds the OAuth token and sends it as {@code Authorization: Bearer}, which Graph
 * API accepts in place of the {@code access_token} parameter.
 */
@Extension
public final class MetaAdsConnector implements Connector {

    /** The Graph API version, in one place: the one Meta's current Marketing API pages use in their examples. */
    static final String API_VERSION = "v25.0";
    /** The stream of accounts, campaigns, ad sets and ads. */
    public static final String CAMPAIGNS = "campaigns";
    /** The stream of daily insights. */
    public static final String INSIGHTS = "insights";
    /** The connection setting naming the action types that count as conversions. */
    static final String CONVERSIONS = "conversions";

    private final Duration pollInterval;

    /** The connector as the host creates it: report runs polled every two seconds. */
    public MetaAdsConnector() {
        this(Duration.ofSeconds(2));
    }

    /** For tests: how long to wait between polls of an asynchronous report run (zero for none). */
    MetaAdsConnector(Duration pollInterval) {
        this.pollInterval = Objects.requireNonNull(pollInterval, "pollInterval");
    }

    @Override
    public String id() {
        return "meta-ads";
    }

    @Override
    public String displayName() {
        return "Meta Ads";
    }

    @Override
    public String category() {
        return "ads";
    }

    @Override
    public AuthSpec auth() {
        return AuthSpec.oauth2(URI.create("https://www.facebook.com/" + API_VERSION + "/dialog/oauth"),
                URI.create("https://graph.facebook.com/" + API_VERSION + "/oauth/access_token"), List.of("ads_read"));
    }

    @Override
    public URI baseUrl() {
        return URI.create("https://graph.facebook.com/" + API_VERSION);
    }

    @Override
    public List<StreamSpec> streams() {
        return List.of(new StreamSpec(CAMPAIGNS, StreamSpec.Sync.CURSOR), new StreamSpec(INSIGHTS, StreamSpec.Sync.DAILY));
    }

    /**
     * Which action types count as conversions, and their action values as revenue: Meta's deduplicated purchases
     * unless a company chooses others (as Supermetrics and Funnel let it).
     */
    @Override
    public List<SettingField> connectionSettings() {
        return List.of(new SettingField(CONVERSIONS, "Conversions", SettingType.STRING, false,
                InsightRows.DEFAULT_CONVERSIONS, List.of(), "Meta action types counted as conversions, separated by"
                + " commas; their action values count as revenue. omni_purchase is Meta's purchases deduplicated"
                + " across website, app and offline: do not add offsite_conversion.fb_pixel_purchase, a part of it."
                + " Days already synced keep the old definition until they are read again (backfill)."));
    }

    /**
     * Graph API errors before the connector reads them: throttling (codes 4, 17, 32, 613, 80000-80014) with the wait
     * Meta's usage headers give, and an expired token (190), which the host refreshes once.
     */
    @Override
    public Optional<ProviderException> classify(HttpResult answer, ConnectorSession session) {
        if (answer.isSuccess()) {
            return Optional.empty();
        }
        JsonObject body = MetaAdsApi.parse(answer.body());
        return body == null || !body.containsKey("error") ? Optional.empty()
                : Optional.of(MetaAdsErrors.classify(answer, body));
    }

    /** {@code GET /me/adaccounts}, all pages. */
    @Override
    public List<ProviderAccount> accounts(ConnectorSession session) {
        return new MetaAdsApi(session).all("me/adaccounts",
                        MetaAdsApi.params("fields", "account_id,name,currency,timezone_name", "limit", "100"), null)
                .stream()
                // an entry without either id cannot be picked or read: leave it out rather than fail the listing
                .filter(row -> firstNonNull(InsightRows.text(row, "id"), InsightRows.text(row, "account_id")) != null)
                .map(row -> new ProviderAccount(accountId(firstNonNull(InsightRows.text(row, "id"),
                        InsightRows.text(row, "account_id"))), InsightRows.text(row, "name"),
                        InsightRows.text(row, "currency"), InsightRows.text(row, "timezone_name")))
                .toList();
    }

    @Override
    public void read(ConnectorSession session, StreamRead read, RecordSink sink) {
        switch (read.stream()) {
            case CAMPAIGNS -> new EntitiesReader(session).read(read, sink);
            case INSIGHTS -> new InsightsReader(session, pollInterval).read(read, sink);
            default -> throw new IllegalArgumentException("Meta Ads has no stream " + read.stream());
        }
    }

    /** An ad account id as Graph API paths take it: {@code act_<id>} (the {@code id} field already is). */
    static String accountId(String id) {
        Objects.requireNonNull(id, "ad account id");
        return id.startsWith("act_") ? id : "act_" + id;
    }

    private static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }
}
