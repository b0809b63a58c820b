package io.catalyst.plugins.sandbox;

import io.catalyst.api.connect.AuthKind;
import io.catalyst.api.connect.AuthSpec;
import io.catalyst.api.connect.Connector;
import io.catalyst.api.connect.ConnectorSession;
import io.catalyst.api.connect.ProviderAccount;
import io.catalyst.api.connect.ProviderException;
import io.catalyst.api.connect.RecordSink;
import io.catalyst.api.connect.StreamRead;
import io.catalyst.api.connect.StreamSpec;
import io.catalyst.api.connect.WriteRecord;
import io.catalyst.api.connect.WriteResult;
import io.catalyst.api.connect.WriteSpec;
import io.catalyst.api.settings.SettingField;
import io.catalyst.api.settings.SettingType;
import io.catalyst.demodata.DemoData;
import io.catalyst.demodata.DemoScale;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.pf4j.Extension;

/**
 * Demo data for four ad channels, a CRM and a call tracker, generated locally by {@link DemoData}: one provider account
 * per channel ({@code sandbox-meta}, {@code sandbox-google}, {@code sandbox-tiktok}, {@code sandbox-linkedin}),
 * thirteen months of history ending today (UTC), with the generator's planted incidents, and the sales calls of the
 * CRM's contacts with diarised transcripts (plugin API 0.9.0). No credential, no requests.
 *
 * <p>The plugin API tells a connector nothing about the tenant, so what makes one connection's data differ from
 * another's is the {@value #SEED} setting: the same seed gives the same data on every server.
 */
@Extension
public final class SandboxConnector implements Connector {

    public static final String ENTITIES = "entities";
    public static final String INSIGHTS = "insights";
    public static final String CONTACTS = "contacts";
    public static final String DEALS = "deals";
    public static final String CALLS = "calls";

    /** Connection settings. */
    static final String SEED = "seed";
    static final String SCALE = "scale";
    static final String CURRENCY = "currency";

    static final String TIMEZONE = "America/New_York";
    /** Provider account ids by channel. */
    static final Map<String, String> ACCOUNTS = Map.of("meta-ads", "sandbox-meta", "google-ads", "sandbox-google",
            "tiktok-ads", "sandbox-tiktok", "linkedin-ads", "sandbox-linkedin");

    /** What a write may set on a contact: the same lead-score properties HubSpot takes. */
    static final WriteSpec CONTACT_WRITES = new WriteSpec(CONTACTS, Set.of("catalyst_score", "catalyst_score_band",
            "catalyst_score_reason"), 100, "Keeps the lead score of the sandbox's contacts in the server's memory, as a"
            + " CRM would keep it (until the server restarts)");

    private final Clock clock;
    // seed -> contact id -> field -> value: the stand-in CRM's copy of what was written
    private final Map<String, Map<String, Map<String, String>>> written = new ConcurrentHashMap<>();

    public SandboxConnector() {
        this(Clock.systemUTC());
    }

    /** For tests: a fixed "today". */
    SandboxConnector(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public String id() {
        return "sandbox";
    }

    @Override
    public String displayName() {
        return "Sandbox (demo data)";
    }

    @Override
    public String category() {
        return "ads";
    }

    @Override
    public AuthSpec auth() {
        return new AuthSpec(AuthKind.NONE, null, null, List.of(), AuthSpec.Placement.HEADER, "", "");
    }

    /** Never called: the data is made here. {@code .invalid} can never resolve. */
    @Override
    public URI baseUrl() {
        return URI.create("https://sandbox.invalid");
    }

    @Override
    public List<StreamSpec> streams() {
        return List.of(new StreamSpec(ENTITIES, StreamSpec.Sync.CURSOR), new StreamSpec(INSIGHTS, StreamSpec.Sync.DAILY),
                new StreamSpec(CONTACTS, StreamSpec.Sync.CURSOR), new StreamSpec(DEALS, StreamSpec.Sync.CURSOR),
                new StreamSpec(CALLS, StreamSpec.Sync.CURSOR));
    }

    @Override
    public List<SettingField> connectionSettings() {
        return List.of(
                new SettingField(SEED, "Seed", SettingType.STRING, false, "demo", List.of(),
                        "Any text: connections with the same seed get the same demo data, another seed other data."),
                new SettingField(SCALE, "Size", SettingType.CHOICE, false, "demo", List.of("small", "demo", "large"),
                        "small: two months; demo: thirteen months; large: thirteen months, three times the campaigns."),
                new SettingField(CURRENCY, "Currency", SettingType.STRING, false, "USD", List.of(),
                        "The ISO 4217 code the accounts report in."));
    }

    /** One account per channel. */
    @Override
    public List<ProviderAccount> accounts(ConnectorSession session) {
        String currency = session.settings().getOrDefault(CURRENCY, "USD");
        return DemoData.CHANNELS.stream().map(channel -> new ProviderAccount(ACCOUNTS.get(channel),
                label(channel) + " (sandbox)", currency, TIMEZONE)).toList();
    }

    @Override
    public void read(ConnectorSession session, StreamRead read, RecordSink sink) {
        DemoData demo = demoData(session);
        SandboxReads reads = new SandboxReads(demo, channels(read.accounts()), sink);
        switch (read.stream()) {
            case ENTITIES -> reads.entities(read.cursor());
            case INSIGHTS -> reads.insights(read.from(), read.to(), read.cursor());
            case CONTACTS -> reads.contacts(read.cursor());
            case DEALS -> reads.deals(read.cursor());
            case CALLS -> reads.calls(read.cursor());
            default -> throw new IllegalArgumentException("The sandbox has no stream " + read.stream());
        }
    }

    @Override
    public List<WriteSpec> writes() {
        return List.of(CONTACT_WRITES);
    }

    /** Takes the values of the sandbox's own contacts; an id it never made is refused, as a CRM refuses it. */
    @Override
    public WriteResult write(ConnectorSession session, String object, List<WriteRecord> records) {
        if (!CONTACTS.equals(object)) {
            throw new IllegalArgumentException("The sandbox writes contacts only, not " + object);
        }
        DemoData demo = demoData(session);
        Set<String> ids = new HashSet<>();
        demo.contacts(c -> ids.add(c.id()));
        Map<String, Map<String, String>> store = written.computeIfAbsent(session.settings()
                .getOrDefault(SEED, "demo"), k -> new ConcurrentHashMap<>());
        List<String> took = new ArrayList<>();
        Map<String, String> refused = new LinkedHashMap<>();
        for (WriteRecord r : records) {
            if (ids.contains(r.id())) {
                store.computeIfAbsent(r.id(), k -> new ConcurrentHashMap<>()).putAll(r.values());
                took.add(r.id());
            } else {
                refused.put(r.id(), "The sandbox has no contact " + r.id());
            }
        }
        return new WriteResult(took, refused);
    }

    /** What was written to a contact of a seed's data, for tests. */
    Map<String, String> written(String seed, String contactId) {
        return written.getOrDefault(seed, Map.of()).getOrDefault(contactId, Map.of());
    }

    /** The generator for this connection; "today" is read here, at the boundary, and nowhere in the generator. */
    DemoData demoData(ConnectorSession session) {
        Map<String, String> settings = session.settings();
        String seed = settings.getOrDefault(SEED, "demo");
        DemoScale scale = switch (settings.getOrDefault(SCALE, "demo")) {
            case "small" -> DemoScale.SMALL;
            case "large" -> DemoScale.LARGE;
            default -> DemoScale.DEMO;
        };
        String currency = settings.getOrDefault(CURRENCY, "USD").trim().toUpperCase(java.util.Locale.ROOT);
        if (!currency.matches("[A-Z]{3}")) {
            // the connection's mistake, not the plugin's: the sync stops and says what to change
            throw new ProviderException(ProviderException.Kind.REFUSED, "The sandbox's currency must be a"
                    + " three-letter ISO 4217 code such as EUR, not \"" + currency + "\"", null);
        }
        return DemoData.of("sandbox:" + seed, LocalDate.now(clock)).withScale(scale)
                .withCurrency(currency).withTimezone(TIMEZONE).withAccountIds(ACCOUNTS);
    }

    /** The channels of the picked accounts, in the order {@link DemoData#CHANNELS} has them. */
    static List<String> channels(List<String> accounts) {
        for (String account : accounts) {
            if (!ACCOUNTS.containsValue(account)) {
                throw new ProviderException(ProviderException.Kind.REFUSED, "The sandbox has no account " + account
                        + "; it has " + ACCOUNTS.values(), null);
            }
        }
        return DemoData.CHANNELS.stream().filter(c -> accounts.contains(ACCOUNTS.get(c))).toList();
    }

    private static String label(String channel) {
        return switch (channel) {
            case "meta-ads" -> "Meta Ads";
            case "google-ads" -> "Google Ads";
            case "tiktok-ads" -> "TikTok Ads";
            default -> "LinkedIn Ads";
        };
    }
}
