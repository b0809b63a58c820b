package io.catalyst.demodata;

import io.catalyst.api.connect.Call;
import io.catalyst.api.connect.Contact;
import io.catalyst.api.connect.Deal;
import io.catalyst.api.connect.Entity;
import io.catalyst.api.connect.Insight;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Demo data for one tenant: per ad channel an account, its campaigns, ad sets, ads and creatives, and daily insights
 * at every level (account, campaign, ad set, ad) that add up to the cent; a CRM of contacts and deals fed by the
 * ads' leads; the sales calls of those contacts, with transcripts; and planted {@link Incidents}. The same tenant key, today and options give the same records, byte for
 * byte, on any JVM, and any range of days reads the same as the whole.
 *
 * <p>Records are handed to a consumer as they are made: only the plans (a few hundred entities per channel) are
 * kept, never the history.
 *
 * <pre>
 * DemoData demo = DemoData.of("acme", LocalDate.of(2026, 12, 7));
 * demo.entities("meta-ads", entity -> ...);
 * demo.insights("meta-ads", demo.firstDay(), demo.today(), insight -> ...);
 * </pre>
 */
public final class DemoData {

    /** The channels there is demo data for; each is its warehouse source in a real connection. */
    public static final List<String> CHANNELS = ChannelProfile.ALL.stream().map(ChannelProfile::id).toList();

    private final String tenantKey;
    private final LocalDate today;
    private final DemoScale scale;
    private final String currency;
    private final String timezone;
    private final Map<String, String> accountIds;
    private final long seed;
    private final Season season;
    private final Map<String, Plan.Account> plans = new ConcurrentHashMap<>();
    private volatile Incidents incidents;

    private DemoData(String tenantKey, LocalDate today, DemoScale scale, String currency, String timezone,
                     Map<String, String> accountIds) {
        this.tenantKey = Objects.requireNonNull(tenantKey, "tenantKey");
        this.today = Objects.requireNonNull(today, "today");
        this.scale = Objects.requireNonNull(scale, "scale");
        this.currency = Objects.requireNonNull(currency, "currency");
        this.timezone = Objects.requireNonNull(timezone, "timezone");
        this.accountIds = Map.copyOf(accountIds);
        this.seed = Seeds.of("catalyst-demo-data", tenantKey);
        this.season = new Season(seed);
    }

    /** A tenant's demo data up to {@code today}: {@link DemoScale#DEMO}, US dollars, New York time. */
    public static DemoData of(String tenantKey, LocalDate today) {
        return new DemoData(tenantKey, today, DemoScale.DEMO, "USD", "America/New_York", Map.of());
    }

    public DemoData withScale(DemoScale scale) {
        return new DemoData(tenantKey, today, scale, currency, timezone, accountIds);
    }

    /** The accounts' currency (ISO 4217); figures are the same numbers whatever it is. */
    public DemoData withCurrency(String currency) {
        return new DemoData(tenantKey, today, scale, currency, timezone, accountIds);
    }

    /** The accounts' IANA time zone, as their {@code timezone} attribute says. */
    public DemoData withTimezone(String timezone) {
        return new DemoData(tenantKey, today, scale, currency, timezone, accountIds);
    }

    /** Account ids by channel in place of the generated ones, e.g. a connector's own ({@code sandbox-meta}). */
    public DemoData withAccountIds(Map<String, String> accountIds) {
        return new DemoData(tenantKey, today, scale, currency, timezone, accountIds);
    }

    public LocalDate today() {
        return today;
    }

    /** The first day with data: {@code scale.months()} months before today, exclusive. */
    public LocalDate firstDay() {
        return today.minusMonths(scale.months()).plusDays(1);
    }

    public DemoScale scale() {
        return scale;
    }

    public String currency() {
        return currency;
    }

    /** The channel's ad account id. */
    public String accountId(String channel) {
        return plan(channel).id();
    }

    /** The channel's account name, e.g. "Northwind (Meta Ads)". */
    public String accountName(String channel) {
        return plan(channel).name();
    }

    /** The account, then each campaign followed by its ad sets, and each ad preceded by its creative. */
    public void entities(String channel, Consumer<Entity> out) {
        records(channel).entities(plan(channel), out);
    }

    /**
     * Daily insights at every level from {@code from} to {@code to} (inclusive, clamped to the history), day by day:
     * per day the account, its campaigns, ad sets and ads.
     */
    public void insights(String channel, LocalDate from, LocalDate to, Consumer<Insight> out) {
        Plan.Account plan = plan(channel);
        Records records = records(channel);
        DayModel model = model();
        LocalDate first = from.isBefore(firstDay()) ? firstDay() : from;
        LocalDate last = to.isAfter(today) ? today : to;
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            records.insights(plan, model.day(plan, day), out);
        }
    }

    /** Contacts in the order they were created, one per lead the ads reported, as they stand today. */
    public void contacts(Consumer<Contact> out) {
        crm().contacts(out);
    }

    /** Deals of the contacts that became opportunities, in the order the contacts were created. */
    public void deals(Consumer<Deal> out) {
        crm().deals(out);
    }

    /**
     * Sales calls of the CRM's contacts in the order they started, as a call-tracking provider reports them: leads
     * calling an ad's tracking number and reps' follow-ups, some missed or left on voicemail, about seven in ten
     * with an AssemblyAI-shaped diarised transcript ({@link CallTranscripts}). A call joins its contact by the
     * caller's phone or the email, and carries the contact's id about half the time. Calls on deals that were won
     * show better sales practice, on average, than those on deals that were lost.
     */
    public void calls(Consumer<Call> out) {
        calls().calls(out);
    }

    /** The sales team's email addresses, as calls name them in {@code agent}. */
    public List<String> salesReps() {
        return calls().reps().stream().map(Rep::email).toList();
    }

    /** The planted incidents: a tracking outage and a spend spike. */
    public List<Incident> incidents() {
        return incidentsPlan().all();
    }

    /** The promotions that fall in the history, oldest first. */
    public List<Promotion> promotions() {
        List<Promotion> list = new ArrayList<>();
        for (int year = firstDay().getYear(); year <= today.getYear(); year++) {
            season.promotions(year).stream()
                    .filter(p -> !p.to().isBefore(firstDay()) && !p.from().isAfter(today)).forEach(list::add);
        }
        return list;
    }

    private Crm crm() {
        DayModel model = model();
        return new Crm(seed, firstDay(), today, currency, CHANNELS,
                (channel, day) -> model.day(plan(channel), day).totals().leads);
    }

    private Calls calls() {
        return new Calls(seed, crm(), Planner.brand(seed), (channel, day) -> plan(channel).campaigns().stream()
                .filter(c -> c.runsOn(day)).map(Plan.Campaign::id).toList());
    }

    private DayModel model() {
        return new DayModel(seed, season, incidentsPlan());
    }

    private Incidents incidentsPlan() {
        if (incidents == null) {
            // the first campaign slot's campaign that runs through the spike (another if one ends mid-spike)
            LocalDate from = today.minusDays(Incidents.SPEND_SPIKE_DAYS_AGO);
            LocalDate to = from.plusDays(Incidents.SPEND_SPIKE_DAYS - 1);
            List<Plan.Campaign> campaigns = plan(Incidents.SPEND_SPIKE_CHANNEL).campaigns();
            String spikeCampaign = campaigns.stream().filter(c -> c.runsOn(from) && c.runsOn(to)).findFirst()
                    .or(() -> campaigns.stream().filter(c -> c.runsOn(to)).findFirst())
                    .orElseThrow().id();
            incidents = new Incidents(today, spikeCampaign);
        }
        return incidents;
    }

    private Records records(String channel) {
        return new Records(channel, currency, timezone);
    }

    private Plan.Account plan(String channel) {
        return plans.computeIfAbsent(channel, c -> {
            ChannelProfile profile = ChannelProfile.of(c);
            String accountId = accountIds.getOrDefault(c, defaultAccountId(profile));
            return Planner.plan(seed, profile, accountId, firstDay(), today, scale);
        });
    }

    private String defaultAccountId(ChannelProfile profile) {
        String number = Planner.Ids.account(profile.code(), seed);
        return profile.id().equals("meta-ads") ? "act_" + number : number;
    }
}
