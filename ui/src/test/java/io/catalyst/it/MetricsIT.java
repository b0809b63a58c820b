package io.catalyst.it;

import static org.assertj.core.api.Assertions.assertThat;

import elemental.json.Json;
import elemental.json.JsonArray;
import elemental.json.JsonObject;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The metrics layer on the real server, checked against SQL over the same fixtures: totals per group, derived
 * metrics from summed bases, compare deltas, drill-down filters, currencies never summed unconverted, custom metrics
 * with hostile formulas, "changed since" record reads, and tenant isolation.
 */
class MetricsIT {

    private static final LocalDate FIRST = LocalDate.parse("2026-03-01");
    private static final int DAYS = 61;
    private static Fixture.Tenant acme;
    private static String analyst;

    @BeforeAll
    static void fixtures() throws Exception {
        acme = Fixture.tenant("analyst");
        analyst = Fixture.token(acme, List.of("dashboards:read", "metrics:manage")).bearer();
        Random random = new Random(42);
        try (Connection db = Server.superuser()) {
            for (LocalDate m = FIRST; m.isBefore(FIRST.plusDays(DAYS)); m = m.plusMonths(1)) {
                db.createStatement().execute("select wh_insight_partition('" + m + "')");
            }
            entity(db, "wh_campaign", "c1", "campaign_id", null, "Spring Sale", "ACTIVE");
            entity(db, "wh_campaign", "c2", "campaign_id", null, "Brand Search", "PAUSED");
            entity(db, "wh_ad_set", "s1", "campaign_id", "c1", "Lookalike", "ACTIVE");
            entity(db, "wh_ad_set", "s2", "campaign_id", "c1", "Interests", "ACTIVE");
            entity(db, "wh_ad_set", "s3", "campaign_id", "c2", "Exact", "ACTIVE");
            try (PreparedStatement insert = db.prepareStatement("insert into wh_insight_daily (tenant_id, source, level,"
                    + " entity_id, account_id, day, spend, impressions, clicks, conversions, conversion_value, leads,"
                    + " currency, reported_at) values (?::uuid, 'meta-ads', ?, ?, 'act1', ?, ?, ?, ?, ?, ?, ?, 'EUR',"
                    + " now())")) {
                Map<String, String> adSetCampaign = Map.of("s1", "c1", "s2", "c1", "s3", "c2");
                for (int d = 0; d < DAYS; d++) {
                    LocalDate day = FIRST.plusDays(d);
                    Map<String, long[]> campaign = new HashMap<>();
                    long[] account = new long[6];
                    for (String adSet : List.of("s1", "s2", "s3")) {
                        // money in cents, so the parents' sums are exact
                        long[] f = {random.nextInt(20000), 1000 + random.nextInt(9000), random.nextInt(200),
                                random.nextInt(900), random.nextInt(90000), random.nextInt(5)};
                        add(insert, "ad_set", adSet, day, f);
                        long[] c = campaign.computeIfAbsent(adSetCampaign.get(adSet), k -> new long[6]);
                        for (int i = 0; i < 6; i++) {
                            c[i] += f[i];
                            account[i] += f[i];
                        }
                    }
                    campaign.forEach((id, f) -> add(insert, "campaign", id, day, f));
                    add(insert, "account", "act1", day, account);
                }
                insert.executeBatch();
            }
        }
    }

    private static void entity(Connection db, String table, String id, String parentColumn, String parent,
                               String name, String status) throws Exception {
        try (PreparedStatement insert = db.prepareStatement("insert into " + table + " (tenant_id, source, external_id, "
                + ("wh_campaign".equals(table) ? "account_id" : parentColumn) + ", name, status) values (?::uuid,"
                + " 'meta-ads', ?, ?, ?, ?)")) {
            insert.setString(1, acme.id().toString());
            insert.setString(2, id);
            insert.setString(3, parent == null ? "act1" : parent);
            insert.setString(4, name);
            insert.setString(5, status);
            insert.executeUpdate();
        }
    }

    private static void add(PreparedStatement insert, String level, String id, LocalDate day, long[] f) {
        try {
            insert.setString(1, acme.id().toString());
            insert.setString(2, level);
            insert.setString(3, id);
            insert.setObject(4, day);
            insert.setBigDecimal(5, BigDecimal.valueOf(f[0], 2));
            insert.setLong(6, f[1]);
            insert.setLong(7, f[2]);
            insert.setBigDecimal(8, BigDecimal.valueOf(f[3], 2));
            insert.setBigDecimal(9, BigDecimal.valueOf(f[4], 2));
            insert.setLong(10, f[5]);
            insert.addBatch();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonObject query(String token, String body) {
        HttpResponse<String> answer = Fixture.call("POST", "/api/tenant/metrics/query", token, body);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return Json.parse(answer.body());
    }

    /** SQL's sums of one level over the fixtures: spend, clicks, impressions, revenue per entity. */
    private static Map<String, BigDecimal[]> sql(String level, LocalDate from, LocalDate to) throws Exception {
        Map<String, BigDecimal[]> sums = new HashMap<>();
        try (Connection db = Server.superuser(); PreparedStatement q = db.prepareStatement("select entity_id,"
                + " sum(spend), sum(clicks), sum(impressions), sum(conversion_value) from wh_insight_daily"
                + " where tenant_id = ?::uuid and level = ? and day between ? and ? group by entity_id")) {
            q.setString(1, acme.id().toString());
            q.setString(2, level);
            q.setObject(3, from);
            q.setObject(4, to);
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    sums.put(r.getString(1), new BigDecimal[] {r.getBigDecimal(2), r.getBigDecimal(3),
                            r.getBigDecimal(4), r.getBigDecimal(5)});
                }
            }
        }
        return sums;
    }

    private static BigDecimal number(JsonObject values, String metric) {
        return BigDecimal.valueOf(values.getNumber(metric));
    }

    @Test
    void totalsPerCampaignEqualSqlAndRatiosComeFromTheSums() throws Exception {
        JsonObject answer = query(analyst, "{\"metrics\":[\"spend\",\"clicks\",\"ctr\",\"roas\"],"
                + "\"dimensions\":[\"campaign\"],\"from\":\"2026-03-01\",\"to\":\"2026-03-31\"}");
        Map<String, BigDecimal[]> expected = sql("campaign", FIRST, LocalDate.parse("2026-03-31"));
        JsonArray rows = answer.getArray("rows");
        assertThat(rows.length()).isEqualTo(2);
        BigDecimal totalSpend = BigDecimal.ZERO;
        for (int i = 0; i < rows.length(); i++) {
            JsonObject row = rows.getObject(i);
            String id = row.getArray("keys").getString(0).substring("meta-ads:".length());
            BigDecimal[] sql = expected.get(id);
            JsonObject values = row.getObject("values");
            assertThat(number(values, "spend")).isEqualByComparingTo(sql[0]);
            assertThat(number(values, "clicks")).isEqualByComparingTo(sql[1]);
            assertThat(number(values, "ctr")).isEqualByComparingTo(sql[1].divide(sql[2], 6, RoundingMode.HALF_UP));
            assertThat(number(values, "roas")).isEqualByComparingTo(sql[3].divide(sql[0], 6, RoundingMode.HALF_UP));
            totalSpend = totalSpend.add(sql[0]);
        }
        assertThat(rows.getObject(0).getArray("labels").getString(0)).isIn("Spring Sale", "Brand Search");
        JsonObject total = answer.getArray("totals").getObject(0);
        assertThat(total.getString("currency")).isEqualTo("EUR");
        assertThat(answer.getString("currency")).isEqualTo("EUR");
        assertThat(number(total.getObject("values"), "spend")).isEqualByComparingTo(totalSpend);
    }

    @Test
    void theComparePeriodAndItsDeltasAreThoseOfThePreviousDays() throws Exception {
        JsonObject answer = query(analyst, "{\"metrics\":[\"spend\",\"cpc\"],\"from\":\"2026-04-01\","
                + "\"to\":\"2026-04-30\",\"compare\":\"previous_period\"}");
        BigDecimal[] now = sql("account", LocalDate.parse("2026-04-01"), LocalDate.parse("2026-04-30")).get("act1");
        BigDecimal[] before = sql("account", LocalDate.parse("2026-03-02"), LocalDate.parse("2026-03-31"))
                .get("act1");
        assertThat(answer.getObject("comparePeriod").getString("from")).isEqualTo("2026-03-02");
        JsonObject total = answer.getArray("totals").getObject(0);
        assertThat(number(total.getObject("values"), "spend")).isEqualByComparingTo(now[0]);
        assertThat(number(total.getObject("compare"), "spend")).isEqualByComparingTo(before[0]);
        assertThat(number(total.getObject("change"), "spend")).isCloseTo(now[0].subtract(before[0])
                .divide(before[0], MathContext.DECIMAL64), org.assertj.core.data.Offset.offset(new BigDecimal("1e-9")));
        assertThat(number(total.getObject("compare"), "cpc"))
                .isEqualByComparingTo(before[0].divide(before[1], 6, RoundingMode.HALF_UP));

        JsonObject series = query(analyst, "{\"metrics\":[\"spend\"],\"dimensions\":[\"date\"],\"grain\":\"week\","
                + "\"from\":\"2026-04-06\",\"to\":\"2026-04-19\",\"compare\":\"previous_period\"}");
        JsonArray weeks = series.getArray("rows");
        assertThat(weeks.length()).isEqualTo(2);
        assertThat(weeks.getObject(0).getArray("keys").getString(0)).isEqualTo("2026-04-06");
        assertThat(number(weeks.getObject(0).getObject("compare"), "spend")).isEqualByComparingTo(
                sql("account", LocalDate.parse("2026-03-23"), LocalDate.parse("2026-03-29")).get("act1")[0]);
    }

    @Test
    void drillingIntoACampaignShowsItsAdSetsAndTheyAddUpToIt() throws Exception {
        JsonObject answer = query(analyst, "{\"metrics\":[\"spend\"],\"dimensions\":[\"ad_set\"],"
                + "\"from\":\"2026-03-01\",\"to\":\"2026-04-30\",\"filters\":[{\"dimension\":\"campaign\","
                + "\"op\":\"equals\",\"values\":[\"meta-ads:c1\"]}],\"sort\":\"spend\"}");
        Map<String, BigDecimal[]> adSets = sql("ad_set", FIRST, LocalDate.parse("2026-04-30"));
        Map<String, BigDecimal[]> campaigns = sql("campaign", FIRST, LocalDate.parse("2026-04-30"));
        JsonArray rows = answer.getArray("rows");
        assertThat(rows.length()).isEqualTo(2);
        assertThat(number(rows.getObject(0).getObject("values"), "spend"))
                .isGreaterThanOrEqualTo(number(rows.getObject(1).getObject("values"), "spend"));
        assertThat(number(answer.getArray("totals").getObject(0).getObject("values"), "spend"))
                .isEqualByComparingTo(adSets.get("s1")[0].add(adSets.get("s2")[0]))
                .isEqualByComparingTo(campaigns.get("c1")[0]);

        JsonObject paused = query(analyst, "{\"metrics\":[\"spend\"],\"dimensions\":[\"campaign\"],"
                + "\"from\":\"2026-03-01\",\"to\":\"2026-04-30\",\"filters\":[{\"dimension\":\"status\","
                + "\"op\":\"in\",\"values\":[\"paused\"]},{\"dimension\":\"campaign\",\"op\":\"contains\","
                + "\"values\":[\"BRAND\"]}]}");
        assertThat(paused.getArray("rows").length()).isEqualTo(1);
        assertThat(paused.getArray("rows").getObject(0).getArray("labels").getString(0)).isEqualTo("Brand Search");
    }

    @Test
    void figuresInAnotherCurrencyAreConvertedAtEachDaysRateOrComePerCurrency() throws Exception {
        Fixture.Tenant t = Fixture.tenant("analyst");
        String token = Fixture.token(t, List.of("dashboards:read")).bearer();
        try (Connection db = Server.superuser(); Statement sql = db.createStatement()) {
            sql.execute("select wh_insight_partition('2025-01-01')");
            sql.execute("insert into wh_insight_daily (tenant_id, source, level, entity_id, account_id, day, spend,"
                    + " currency, reported_at) values ('" + t.id() + "', 'meta-ads', 'account', 'a', 'a', '2025-01-06',"
                    + " 100, 'EUR', now()), ('" + t.id() + "', 'google-ads', 'account', 'g', 'g', '2025-01-06', 50,"
                    + " 'ZZX', now()), ('" + t.id() + "', 'google-ads', 'account', 'g', 'g', '2025-01-07', 30, 'ZZX',"
                    + " now())");
        }
        String body = "{\"metrics\":[\"spend\"],\"dimensions\":[\"channel\"],\"from\":\"2025-01-06\","
                + "\"to\":\"2025-01-07\"}";
        JsonObject perCurrency = query(token, body);
        assertThat(perCurrency.hasKey("currency") && perCurrency.get("currency").getType()
                != elemental.json.JsonType.NULL).as("no rate: no single currency").isFalse();
        assertThat(perCurrency.getArray("totals").length()).isEqualTo(2);
        assertThat(perCurrency.getArray("notes").getString(0)).contains("per currency");

        try (Connection db = Server.superuser(); Statement sql = db.createStatement()) {
            // 2 ZZX per euro on the 6th; none on the 7th, so the 6th's rate carries over
            sql.execute("insert into fx_rate (currency, day, per_eur) values ('ZZX', '2025-01-06', 2)");
        }
        JsonObject converted = query(token, body);
        assertThat(converted.getString("currency")).isEqualTo("EUR");
        assertThat(converted.getArray("totals").length()).isEqualTo(1);
        assertThat(number(converted.getArray("totals").getObject(0).getObject("values"), "spend"))
                .isEqualByComparingTo("140");
        assertThat(converted.getArray("notes").getString(0)).contains("ZZX").contains("latest earlier rate");
    }

    @Test
    void theChannelIsTheAccountsPlatformWhereOneSourceServesSeveral() throws Exception {
        Fixture.Tenant t = Fixture.tenant("analyst");
        try (Connection db = Server.superuser(); Statement sql = db.createStatement()) {
            sql.execute("select wh_insight_partition('2025-02-01')");
            sql.execute("insert into wh_ad_account (tenant_id, source, external_id, name, channel) values"
                    + " ('" + t.id() + "', 'sandbox', 'sb-tt', 'TikTok (sandbox)', 'tiktok-ads'),"
                    + " ('" + t.id() + "', 'sandbox', 'sb-li', 'LinkedIn (sandbox)', 'linkedin-ads')");
            sql.execute("insert into wh_insight_daily (tenant_id, source, level, entity_id, account_id, day, spend,"
                    + " currency, reported_at) values ('" + t.id() + "', 'sandbox', 'account', 'sb-tt', 'sb-tt',"
                    + " '2025-02-03', 7, 'EUR', now()), ('" + t.id() + "', 'sandbox', 'account', 'sb-li', 'sb-li',"
                    + " '2025-02-03', 5, 'EUR', now()), ('" + t.id() + "', 'meta-ads', 'account', 'm', 'm',"
                    + " '2025-02-03', 3, 'EUR', now())");
        }
        JsonObject answer = query(Fixture.token(t, List.of("dashboards:read")).bearer(), "{\"metrics\":[\"spend\"],"
                + "\"dimensions\":[\"channel\"],\"from\":\"2025-02-01\",\"to\":\"2025-02-28\","
                + "\"filters\":[{\"dimension\":\"channel\",\"op\":\"not_in\",\"values\":[\"linkedin-ads\"]}]}");
        JsonArray rows = answer.getArray("rows");
        assertThat(rows.length()).isEqualTo(2);
        assertThat(rows.getObject(0).getArray("keys").getString(0)).isEqualTo("meta-ads");
        assertThat(rows.getObject(1).getArray("keys").getString(0)).isEqualTo("tiktok-ads");
        assertThat(number(answer.getArray("totals").getObject(0).getObject("values"), "spend"))
                .isEqualByComparingTo("10");
    }

    @Test
    void customMetricsAreValidatedAuditedAndComputedFromTheSums() throws Exception {
        HttpResponse<String> saved = Fixture.call("PUT", "/api/tenant/metrics/custom/spend_per_lead_x2", analyst,
                "{\"label\":\"Spend per lead ×2\",\"formula\":\"spend / leads * 2\",\"format\":\"money\","
                        + "\"higherIsBetter\":false}");
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
        JsonObject answer = query(analyst, "{\"metrics\":[\"spend\",\"leads\",\"spend_per_lead_x2\"],"
                + "\"from\":\"2026-03-01\",\"to\":\"2026-03-31\"}");
        JsonObject values = answer.getArray("totals").getObject(0).getObject("values");
        assertThat(number(values, "spend_per_lead_x2")).isEqualByComparingTo(number(values, "spend")
                .divide(number(values, "leads"), MathContext.DECIMAL64).multiply(BigDecimal.valueOf(2))
                .setScale(6, RoundingMode.HALF_UP));

        for (String hostile : List.of("spend / ", "spend; drop table tenant", "pg_sleep(10)",
                "spend_per_lead_x2 * 2", "(".repeat(40) + "spend" + ")".repeat(40))) {
            HttpResponse<String> refused = Fixture.call("PUT", "/api/tenant/metrics/custom/bad_one", analyst,
                    "{\"label\":\"Bad\",\"formula\":" + Json.create(hostile).toJson() + "}");
            assertThat(refused.statusCode()).as(hostile + ": " + refused.body()).isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(Json.parse(refused.body()).getString("detail")).as(hostile).isNotBlank();
        }
        assertThat(Fixture.call("PUT", "/api/tenant/metrics/custom/roas", analyst,
                "{\"label\":\"Mine\",\"formula\":\"spend\"}").statusCode()).as("a platform name").isEqualTo(400);
        assertThat(Fixture.call("PUT", "/api/tenant/metrics/custom/x_y", Fixture.token(acme,
                List.of("dashboards:read")).bearer(), "{\"label\":\"X\",\"formula\":\"spend\"}").statusCode())
                .as("without metrics:manage").isEqualTo(403);
        assertThat(Server.strings("select action from audit_event where tenant_id = '" + acme.id()
                + "' and target_id = 'spend_per_lead_x2'")).contains("metric.created");
        HttpResponse<String> unknown = Fixture.call("POST", "/api/tenant/metrics/query", analyst,
                "{\"metrics\":[\"profit\"],\"period\":\"last_30_days\"}");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("unknown metric 'profit'");
        for (String malformed : List.of("{\"metrics\":[null],\"period\":\"last_30_days\"}",
                "{\"metrics\":[\"spend\"],\"dimensions\":[null],\"period\":\"last_30_days\"}",
                "{\"metrics\":[\"spend\"],\"filters\":[null],\"period\":\"last_30_days\"}",
                "{\"metrics\":[\"spend\"],\"filters\":[{\"dimension\":\"campaign\",\"op\":\"in\","
                        + "\"values\":[null]}],\"period\":\"last_30_days\"}",
                "{\"metrics\":[\"spend\"],\"period\":\"forever\"}",
                "{\"metrics\":[\"spend\"],\"from\":\"2026-02-01\",\"to\":\"2026-01-01\"}",
                "{\"metrics\":[\"spend\"],\"period\":\"last_30_days\",\"compare\":\"custom\"}",
                "{\"metrics\":[\"spend\"],\"period\":\"last_30_days\",\"limit\":-1}", "{}", "[]")) {
            HttpResponse<String> refused = Fixture.call("POST", "/api/tenant/metrics/query", analyst, malformed);
            assertThat(refused.statusCode()).as(malformed + ": " + refused.body()).isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        }
    }

    @Test
    void anotherTenantSeesNoneOfItAndTodayIsTheTenantsOwn() throws Exception {
        Fixture.Tenant other = Fixture.tenant("tenant-admin");
        try (Connection db = Server.superuser(); Statement sql = db.createStatement()) {
            sql.execute("update tenant set timezone = 'Pacific/Kiritimati' where id = '" + other.id() + "'");
        }
        String token = Fixture.token(other, List.of("*")).bearer();
        JsonObject answer = query(token, "{\"metrics\":[\"spend\"],\"dimensions\":[\"campaign\"],"
                + "\"from\":\"2026-03-01\",\"to\":\"2026-04-30\",\"filters\":[{\"dimension\":\"campaign\","
                + "\"op\":\"equals\",\"values\":[\"meta-ads:c1\"]}]}");
        assertThat(answer.getArray("rows").length()).isZero();
        assertThat(number(answer.getArray("totals").getObject(0).getObject("values"), "spend")).isZero();
        assertThat(Fixture.call("GET", "/api/tenant/metrics/custom/spend_per_lead_x2", token, null).statusCode())
                .isEqualTo(404);
        assertThat(Fixture.call("DELETE", "/api/tenant/metrics/custom/spend_per_lead_x2", token, null).statusCode())
                .isEqualTo(404);
        HttpResponse<String> catalogue = Fixture.call("GET", "/api/tenant/metrics", token, null);
        assertThat(catalogue.body()).doesNotContain("spend_per_lead_x2");
        assertThat(Json.parse(catalogue.body()).getString("today"))
                .isEqualTo(LocalDate.now(ZoneId.of("Pacific/Kiritimati")).toString());
        assertThat(Fixture.call("GET", "/api/tenant/metrics", Fixture.token(other, List.of("tenant:read"))
                .bearer(), null).statusCode()).isEqualTo(403);
    }

    @Test
    void thePortfolioIsForPlatformAdminsOnlyAddsUpCompaniesAndIsAudited() throws Exception {
        HttpResponse<String> refused = Fixture.call("GET", "/api/platform/portfolio", analyst, null);
        assertThat(refused.statusCode()).as("a tenant token").isEqualTo(403);
        String platform = java.nio.file.Files.readString(java.nio.file.Path.of(
                Server.env("CATALYST_OPERATOR_TOKEN_FILE"))).trim();
        HttpResponse<String> answer = Fixture.call("GET", "/api/platform/portfolio?period=last_12_months", platform,
                null);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonObject portfolio = Json.parse(answer.body());
        JsonArray companies = portfolio.getArray("companies");
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < companies.length(); i++) {
            JsonObject values = companies.getObject(i).getObject("values");
            if (values.hasKey("spend")) {
                sum = sum.add(number(values, "spend"));
            }
        }
        assertThat(companies.length()).isGreaterThan(0);
        assertThat(number(portfolio.getObject("total"), "spend")).isEqualByComparingTo(sum);
        assertThat(Server.strings("select action from audit_event where action = 'platform.portfolio.viewed'"))
                .isNotEmpty();
        assertThat(Fixture.call("GET", "/api/platform/portfolio?period=forever", platform, null).statusCode())
                .isEqualTo(400);
    }

    @Test
    void recordsAreReadInTheOrderTheyChangedAndAgainOnlyWhenTheyChange() throws Exception {
        Fixture.Tenant t = Fixture.tenant("analyst");
        String token = Fixture.token(t, List.of("dashboards:read")).bearer();
        try (Connection db = Server.superuser(); Statement sql = db.createStatement()) {
            sql.execute("insert into wh_contact (tenant_id, source, external_id, email, lifecycle_stage) values"
                    + " ('" + t.id() + "', 'hubspot', '1', 'a@example.com', 'lead'),"
                    + " ('" + t.id() + "', 'hubspot', '2', 'b@example.com', 'lead'),"
                    + " ('" + t.id() + "', 'hubspot', '3', 'c@example.com', 'customer')");
        }
        JsonObject first = awaitRecords(token, "", 3);
        String cursor = first.getString("next");
        assertThat(first.getBoolean("more")).isTrue();
        JsonObject rest = Json.parse(Fixture.call("GET", "/api/tenant/metrics/records/contacts?limit=5&since="
                + cursor, token, null).body());
        assertThat(rest.getArray("records").length()).isEqualTo(1);
        String end = rest.getString("next");

        try (Connection db = Server.superuser(); Statement sql = db.createStatement()) {
            sql.execute("update wh_contact set lifecycle_stage = lifecycle_stage where tenant_id = '" + t.id() + "'");
            sql.execute("update wh_contact set lifecycle_stage = 'opportunity' where tenant_id = '" + t.id()
                    + "' and external_id = '2'");
        }
        JsonObject changed = awaitRecords(token, "&since=" + end, 1);
        assertThat(changed.getArray("records").length()).as("only the record that really changed").isEqualTo(1);
        assertThat(changed.getArray("records").getObject(0).getObject("fields").getString("lifecycle_stage"))
                .isEqualTo("opportunity");
        HttpResponse<String> forged = Fixture.call("GET", "/api/tenant/metrics/records/contacts?since=%27or1",
                token, null);
        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(Fixture.call("GET", "/api/tenant/metrics/records/secrets", token, null).statusCode())
                .isEqualTo(400);
    }

    // a change is served once it has settled for a few seconds
    private static JsonObject awaitRecords(String token, String since, int atLeast) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (true) {
            HttpResponse<String> page = Fixture.call("GET", "/api/tenant/metrics/records/contacts?limit=2" + since,
                    token, null);
            assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
            JsonObject json = Json.parse(page.body());
            if (json.getArray("records").length() >= Math.min(atLeast, 2) || Instant.now().isAfter(deadline)) {
                return json;
            }
            Thread.sleep(500);
        }
    }
}
