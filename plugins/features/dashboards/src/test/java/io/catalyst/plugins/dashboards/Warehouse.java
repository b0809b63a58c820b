package io.catalyst.plugins.dashboards;

import io.catalyst.api.connect.Entity;
import io.catalyst.api.connect.Insight;
import io.catalyst.sdk.testkit.FakeMetrics;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * A small hand-made warehouse. Today is 2026-12-07, so "last 30 days" is 2026-11-07 to 2026-12-06 and the previous
 * period 2026-10-08 to 2026-11-06.
 *
 * <pre>
 * meta-ads   account A1  campaign C1 "Summer Sale" ACTIVE      ad set S1 "Lookalike"   ads D1, D2
 *                                                               ad set S2 "Retargeting" ad  D3
 *                        campaign C2 "Brand Awareness" PAUSED   ad set S3 "Broad"       ad  D4
 * google-ads account G1  campaign C3 "Search Brand" ACTIVE      ad set S4 "Exact"       ad  D5
 *
 * this period  ad  day    spend  impr  clicks conv revenue leads
 *              D1  11-10  100    10000 200    5    500     10
 *              D2  11-20   50     5000 100    2    150      4
 *              D3  12-01   30     2000  60    1     90      2
 *              D4  11-20   20     4000  20    0      0      1
 *              D5  12-01  100     1000 120    4    260      3      total 300 / 22000 / 500 / 12 / 1000 / 20
 * previous     D1  10-15  100     8000 150    4    300      8
 *              D5  10-20  100     1000  50    1    100      2      total 200 / 9000 / 200 / 5 / 400 / 10
 * </pre>
 * Every ad's day is also booked at its ad set, campaign and account, as a sync does.
 */
final class Warehouse {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

    private Warehouse() {
    }

    static void fill(FakeMetrics m) {
        m.today(TODAY);
        entity(m, "meta-ads", "account", "A1", null, "Acme Meta", "ACTIVE");
        entity(m, "meta-ads", "campaign", "C1", "A1", "Summer Sale", "ACTIVE");
        entity(m, "meta-ads", "campaign", "C2", "A1", "Brand Awareness", "PAUSED");
        entity(m, "meta-ads", "ad_set", "S1", "C1", "Lookalike", "ACTIVE");
        entity(m, "meta-ads", "ad_set", "S2", "C1", "Retargeting", "ACTIVE");
        entity(m, "meta-ads", "ad_set", "S3", "C2", "Broad", "PAUSED");
        entity(m, "meta-ads", "ad", "D1", "S1", "Video 15s", "ACTIVE");
        entity(m, "meta-ads", "ad", "D2", "S1", "Carousel", "ACTIVE");
        entity(m, "meta-ads", "ad", "D3", "S2", "Static", "ACTIVE");
        entity(m, "meta-ads", "ad", "D4", "S3", "Awareness video", "PAUSED");
        entity(m, "google-ads", "account", "G1", null, "Acme Google", "ACTIVE");
        entity(m, "google-ads", "campaign", "C3", "G1", "Search Brand", "ACTIVE");
        entity(m, "google-ads", "ad_set", "S4", "C3", "Exact", "ACTIVE");
        entity(m, "google-ads", "ad", "D5", "S4", "Text ad", "ACTIVE");

        day(m, "meta-ads", "A1", "C1", "S1", "D1", "2026-11-10", 100, 10000, 200, 5, 500, 10);
        day(m, "meta-ads", "A1", "C1", "S1", "D2", "2026-11-20", 50, 5000, 100, 2, 150, 4);
        day(m, "meta-ads", "A1", "C1", "S2", "D3", "2026-12-01", 30, 2000, 60, 1, 90, 2);
        day(m, "meta-ads", "A1", "C2", "S3", "D4", "2026-11-20", 20, 4000, 20, 0, 0, 1);
        day(m, "google-ads", "G1", "C3", "S4", "D5", "2026-12-01", 100, 1000, 120, 4, 260, 3);
        day(m, "meta-ads", "A1", "C1", "S1", "D1", "2026-10-15", 100, 8000, 150, 4, 300, 8);
        day(m, "google-ads", "G1", "C3", "S4", "D5", "2026-10-20", 100, 1000, 50, 1, 100, 2);
    }

    private static void entity(FakeMetrics m, String source, String level, String id, String parent, String name,
                               String status) {
        m.add(source, new Entity(level, id, parent, name, status, Map.of(), "{}"));
    }

    private static void day(FakeMetrics m, String source, String account, String campaign, String adSet, String ad,
                            String day, int spend, long impressions, long clicks, int conversions, int revenue,
                            long leads) {
        String[][] levels = {{"account", account}, {"campaign", campaign}, {"ad_set", adSet}, {"ad", ad}};
        for (String[] level : levels) {
            m.add(source, new Insight(level[0], level[1], account, LocalDate.parse(day), null,
                    BigDecimal.valueOf(spend), impressions, clicks, BigDecimal.valueOf(conversions),
                    BigDecimal.valueOf(revenue), leads, "EUR", "{}"));
        }
    }
}
