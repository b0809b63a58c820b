package io.catalyst.plugins.googleads;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.pf4j.Extension;

/**
 * Google Ads: the customers a login reaches, their campaigns ({@code campaigns}) and each campaign's daily
 * performance ({@code insights}), read with GAQL through {@code searchStream}.
 *
 * <p>Every request carries the platform's developer token ({@link #platformSettings()}) and, if set, the
 * manager account it logs in through (setting {@code login-customer-id}).
 *
 * <p>Cursors mark the accounts already read in a run, in the order the run lists them: {@code <customerId>:<to>} for
 * {@code insights} (the account and the last day of the range it was read to), {@code <customerId>} for
 * {@code campaigns}, which ends a complete run with {@value #COMPLETE} so the next run reads every account again.
 */
@Extension
public final class GoogleAdsConnector implements Connector {

    /** The API version, from Google's reference (v26 is the latest active version it shows). */
    static final String API_VERSION = "v26";
    static final URI BASE_URL = URI.create("https://googleads.googleapis.com/" + API_VERSION);
    static final String COMPLETE = "complete";
    /** The connection setting: which conversions count. */
    static final String CONVERSIONS = "conversions";
    /** The manager account (MCC) the connection signs in through, when its accounts are reached through one. */
    static final String LOGIN_CUSTOMER_ID = "login-customer-id";

    private static final String CAMPAIGNS = "campaigns";
    private static final String INSIGHTS = "insights";
    private static final String CAMPAIGN_QUERY = "SELECT customer.id, campaign.id, campaign.name, campaign.status, "
            + "campaign.advertising_channel_type FROM campaign";
    private static final String CUSTOMER_QUERY = "SELECT customer.id, customer.descriptive_name, "
            + "customer.currency_code, customer.time_zone FROM customer";

    private final ObjectMapper json = new ObjectMapper();

    @Override
    public String id() {
        return "google-ads";
    }

    @Override
    public String displayName() {
        return "Google Ads";
    }

    @Override
    public AuthSpec auth() {
        return AuthSpec.oauth2(URI.create("https://accounts.google.com/o/oauth2/v2/auth"),
                URI.create("https://oauth2.googleapis.com/token"), List.of("https://www.googleapis.com/auth/adwords"));
    }

    @Override
    public URI baseUrl() {
        return BASE_URL;
    }

    /**
     * What counts as a conversion: Google's {@code metrics.conversions} (the conversion actions the account includes
     * in "Conversions", its primary goals) unless a connection chooses {@code all_conversions}; their values are
     * the revenue.
     */
    @Override
    public List<SettingField> connectionSettings() {
        return List.of(new SettingField(CONVERSIONS, "Conversions", SettingType.CHOICE, false,
                AdsRows.Conversions.PRIMARY.setting, List.of(AdsRows.Conversions.PRIMARY.setting,
                AdsRows.Conversions.ALL.setting), "conversions: the actions the account includes in Conversions"
                + " (as Google Ads shows them); all_conversions: every conversion action. The values of the same"
                + " actions count as revenue."), new SettingField(LOGIN_CUSTOMER_ID, "Manager account", SettingType.STRING,
                false, null, List.of(), "The manager account's customer id (123-456-7890) when the accounts are reached"
                + " through one; leave empty for direct access."));
    }

    /**
     * Google's error body before the connector reads it: RESOURCE_EXHAUSTED with the longest delay Google names
     * (google.rpc.RetryInfo, QuotaErrorDetails.retry_delay; hours for a daily quota), so the host waits for the
     * quota instead of spending the next requests on it; UNAUTHENTICATED with Google's reason (NOT_ADS_USER, ...).
     */
    @Override
    public Optional<ProviderException> classify(HttpResult answer, ConnectorSession session) {
        if (answer.isSuccess()) {
            return Optional.empty();
        }
        // an answer that is not Google's error body (a proxy's page, say) is left to its HTTP status
        return GoogleAdsErrors.error(answer.body(), json).map(GoogleAdsErrors::of);
    }

    /** Google issues one developer token per API client, the platform: it is not a connection's setting. */
    @Override
    public List<String> platformSettings() {
        return List.of("developer_token");
    }

    @Override
    public List<StreamSpec> streams() {
        return List.of(new StreamSpec(CAMPAIGNS, StreamSpec.Sync.CURSOR),
                new StreamSpec(INSIGHTS, StreamSpec.Sync.DAILY));
    }

    /**
     * The customers the login reaches directly, named from their {@code customer} row where the login may read it;
     * a customer it may not read (a manager-only link, a cancelled account) is listed by id alone.
     */
    @Override
    public List<ProviderAccount> accounts(ConnectorSession session) {
        GoogleAdsApi api = GoogleAdsApi.of(session, json);
        List<ProviderAccount> accounts = new ArrayList<>();
        for (String id : api.accessibleCustomers()) {
            accounts.add(describe(api, id, session));
        }
        return accounts;
    }

    private ProviderAccount describe(GoogleAdsApi api, String id, ConnectorSession session) {
        List<JsonNode> rows = new ArrayList<>();
        try {
            api.searchStream(id, CUSTOMER_QUERY, rows::add);
        } catch (ProviderException e) {
            if (e.kind() != ProviderException.Kind.PROVIDER_FAILED) {
                throw e;
            }
            session.log().info("Google Ads customer " + id + " is listed without details: " + e.getMessage());
        }
        if (rows.isEmpty()) {
            return new ProviderAccount(id, null, null, null);
        }
        JsonNode customer = rows.get(0).path("customer");
        return new ProviderAccount(id, blankToNull(customer.path("descriptiveName").asText()),
                blankToNull(customer.path("currencyCode").asText()), blankToNull(customer.path("timeZone").asText()));
    }

    @Override
    public void read(ConnectorSession session, StreamRead read, RecordSink sink) {
        GoogleAdsApi api = GoogleAdsApi.of(session, json);
        if (CAMPAIGNS.equals(read.stream())) {
            readCampaigns(api, read, sink);
        } else if (INSIGHTS.equals(read.stream())) {
            readInsights(api, read, sink);
        } else {
            throw new IllegalArgumentException("Google Ads has no stream " + read.stream());
        }
    }

    private void readCampaigns(GoogleAdsApi api, StreamRead read, RecordSink sink) {
        Optional<String> done = read.cursor().filter(cursor -> !COMPLETE.equals(cursor));
        for (String customerId : remaining(read.accounts(), done)) {
            api.searchStream(customerId, CAMPAIGN_QUERY, row -> {
                try {
                    sink.entity(AdsRows.campaign(row));
                } catch (AdsRows.Unmappable e) {
                    sink.quarantine(row.toString(), e.getMessage());
                }
            });
            sink.checkpoint(customerId);
        }
        sink.checkpoint(COMPLETE);
    }

    private void readInsights(GoogleAdsApi api, StreamRead read, RecordSink sink) {
        LocalDate from = Objects.requireNonNull(read.from(), "insights need a from day");
        LocalDate to = Objects.requireNonNull(read.to(), "insights need a to day");
        // A cursor of another range comes from another job: it says nothing about this one
        Optional<String> done = read.cursor().filter(cursor -> cursor.endsWith(":" + to))
                .map(cursor -> cursor.substring(0, cursor.lastIndexOf(':')));
        AdsRows.Conversions conversions = AdsRows.Conversions.of(api.settings().get(CONVERSIONS));
        String query = "SELECT campaign.id, segments.date, metrics.cost_micros, metrics.impressions, metrics.clicks, "
                + conversions.select() + ", customer.currency_code FROM campaign "
                + "WHERE segments.date BETWEEN '" + from + "' AND '" + to + "'";
        Map<String, Optional<String>> currencies = new HashMap<>();
        for (String customerId : remaining(read.accounts(), done)) {
            // the customer's own currency, asked once and only for rows that leave currency_code out
            Supplier<String> accountCurrency = () -> currencies.computeIfAbsent(customerId,
                    id -> Optional.ofNullable(customerCurrency(api, id))).orElse(null);
            api.searchStream(customerId, query, row -> {
                try {
                    sink.insight(AdsRows.insight(row, customerId, conversions, accountCurrency));
                } catch (AdsRows.Unmappable e) {
                    sink.quarantine(row.toString(), e.getMessage());
                }
            });
            sink.checkpoint(customerId + ":" + to);
        }
    }

    private static String customerCurrency(GoogleAdsApi api, String customerId) {
        List<JsonNode> rows = new ArrayList<>();
        api.searchStream(customerId, CUSTOMER_QUERY, rows::add);
        return rows.isEmpty() ? null : blankToNull(rows.get(0).path("customer").path("currencyCode").asText());
    }

    /** The run's accounts, as API ids, after the one a cursor says was done last; all of them without one. */
    private static List<String> remaining(List<String> accounts, Optional<String> done) {
        List<String> ids = accounts.stream().map(GoogleAdsApi::customerId).toList();
        int last = done.map(GoogleAdsApi::customerId).map(ids::indexOf).orElse(-1);
        return ids.subList(last + 1, ids.size());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
