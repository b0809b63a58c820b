package io.catalyst.plugins.alerts;

import io.catalyst.api.connect.Entity;
import io.catalyst.api.connect.Insight;
import io.catalyst.sdk.testkit.FakeMetrics;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * Hand-made figures: today is 2026-12-07 (a Monday), so live evaluation judges Sunday 2026-12-06. Two campaigns on
 * meta-ads (M1 "Summer Sale", M2 "Brand") in account MA, one on google-ads (G1 "Search") in account GA.
 */
final class Fixture {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 7);
    static final LocalDate YESTERDAY = TODAY.minusDays(1);

    private Fixture() {
    }

    static FakeMetrics entities(FakeMetrics m) {
        m.today(TODAY);
        m.add("meta-ads", new Entity("account", "MA", null, "Acme Meta", "ACTIVE", Map.of(), "{}"));
        m.add("meta-ads", new Entity("campaign", "M1", "MA", "Summer Sale", "ACTIVE", Map.of(), "{}"));
        m.add("meta-ads", new Entity("campaign", "M2", "MA", "Brand", "ACTIVE", Map.of(), "{}"));
        m.add("google-ads", new Entity("account", "GA", null, "Acme Google", "ACTIVE", Map.of(), "{}"));
        m.add("google-ads", new Entity("campaign", "G1", "GA", "Search", "ACTIVE", Map.of(), "{}"));
        return m;
    }

    /**
     * The plugin's jobs judge against the wall clock in the fake tenant's zone (Europe/Berlin): tests that run them
     * put their figures on days counted back from this.
     */
    static LocalDate liveToday() {
        return LocalDate.now(java.time.ZoneId.of("Europe/Berlin"));
    }

    /** Both channels' connections have just loaded: the plugin judges nothing before a company's first load. */
    static FakeMetrics loaded(FakeMetrics m) {
        for (String channel : new String[] {"meta-ads", "google-ads"}) {
            m.source(new io.catalyst.api.metrics.SourceStatus(java.util.UUID.nameUUIDFromBytes(channel.getBytes(
                    java.nio.charset.StandardCharsets.UTF_8)), channel, channel, "ACTIVE", java.time.Instant.now(),
                    java.util.Set.of(channel)));
        }
        return m;
    }

    /** A campaign's day, booked at campaign and account level as a sync does. */
    static void day(FakeMetrics m, String source, String campaign, LocalDate day, double spend, long clicks,
                    double conversions) {
        String account = source.equals("meta-ads") ? "MA" : "GA";
        for (String[] level : new String[][] {{"account", account}, {"campaign", campaign}}) {
            m.add(source, new Insight(level[0], level[1], account, day, null, BigDecimal.valueOf(spend), clicks * 20,
                    clicks, BigDecimal.valueOf(conversions), BigDecimal.valueOf(conversions * 50), 0, "EUR", "{}"));
        }
    }
}
