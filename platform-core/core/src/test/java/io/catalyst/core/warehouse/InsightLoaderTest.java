package io.catalyst.core.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The insight loader against real PostgreSQL: idempotent merges, restatements, partitions, and RLS. */
class InsightLoaderTest {

    private static final OffsetDateTime REPORTED = OffsetDateTime.of(2026, 3, 2, 6, 0, 0, 0, ZoneOffset.UTC);
    private static TestDatabase db;

    @BeforeAll
    static void database() throws SQLException {
        db = new TestDatabase();
    }

    @AfterAll
    static void drop() throws SQLException {
        db.close();
    }

    @Test
    void loadingTheSameBatchTwiceChangesNothingAndARestatementReplaces() throws SQLException {
        UUID tenant = db.tenant();
        List<InsightRow> batch = List.of(
                row("c1", LocalDate.of(2026, 1, 31), "10.50", 1000, 30),
                row("c1", LocalDate.of(2026, 2, 1), "12.00", 1100, 31),
                row("c2", LocalDate.of(2026, 2, 1), "3.25", 200, 4));

        InsightLoader.Result first = load(tenant, batch);
        InsightLoader.Result again = load(tenant, batch);
        List<InsightRow> restated = new ArrayList<>(batch);
        restated.set(1, row("c1", LocalDate.of(2026, 2, 1), "12.40", 1100, 33));
        InsightLoader.Result third = load(tenant, restated);

        assertThat(first).isEqualTo(new InsightLoader.Result(3, 3, 0));
        assertThat(again).isEqualTo(new InsightLoader.Result(3, 0, 0));
        assertThat(third).isEqualTo(new InsightLoader.Result(3, 0, 1));
        assertThat(query(tenant, "select count(*) from wh_insight_daily")).isEqualTo("3");
        assertThat(query(tenant, "select spend || '/' || clicks from wh_insight_daily where entity_id = 'c1'"
                + " and day = '2026-02-01'")).isEqualTo("12.4000/33");
    }

    @Test
    void eachMonthGetsAPartitionOwnedByTheOwnerWithForcedRls() throws SQLException {
        UUID tenant = db.tenant();
        load(tenant, List.of(row("c9", LocalDate.of(2025, 11, 15), "1", 1, 1)));

        try (Connection admin = db.superuser(); Statement sql = admin.createStatement();
             ResultSet row = sql.executeQuery("select pg_get_userbyid(relowner), relrowsecurity,"
                     + " relforcerowsecurity from pg_class where relname = 'wh_insight_daily_202511'")) {
            assertThat(row.next()).isTrue();
            assertThat(row.getString(1)).isEqualTo(TestDatabase.env("CATALYST_DB_OWNER_USER"));
            assertThat(row.getBoolean(2)).isTrue();
            assertThat(row.getBoolean(3)).isTrue();
        }
    }

    @Test
    void theNewestReportOfAKeyInOneBatchWins() throws SQLException {
        UUID tenant = db.tenant();
        InsightRow older = row("c5", LocalDate.of(2026, 3, 1), "5", 50, 5);
        InsightRow newer = new InsightRow("campaign", "c5", "act_1", LocalDate.of(2026, 3, 1), null,
                new BigDecimal("6"), 60, 6, BigDecimal.ZERO, BigDecimal.ZERO, 0, "EUR", REPORTED.plusHours(1), "{}");

        assertThat(load(tenant, List.of(newer, older))).isEqualTo(new InsightLoader.Result(2, 1, 0));
        assertThat(query(tenant, "select clicks from wh_insight_daily where entity_id = 'c5'")).isEqualTo("6");
    }

    @Test
    void anotherTenantSeesNoneOfTheRowsAndNoTenantSeesNothingAtAll() throws SQLException {
        UUID a = db.tenant();
        UUID b = db.tenant();
        load(a, List.of(row("secret-campaign", LocalDate.of(2026, 2, 3), "99", 9, 9)));

        assertThat(query(b, "select count(*) from wh_insight_daily")).isEqualTo("0");
        assertThat(query(b, "select count(*) from wh_insight_daily_202602")).isEqualTo("0");
        assertThatThrownBy(() -> query(null, "select count(*) from wh_insight_daily"))
                .isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> load(b, List.of(new InsightRow("campaign", "x", "act", LocalDate.of(2026, 2, 3),
                null, BigDecimal.ONE, 1, 1, null, null, 0, "EUR", REPORTED, "{}")), a))
                .as("rows for another tenant are refused by RLS").isInstanceOf(SQLException.class);
    }

    private static InsightRow row(String campaign, LocalDate day, String spend, long impressions, long clicks) {
        return new InsightRow("campaign", campaign, "act_1", day, null, new BigDecimal(spend), impressions, clicks,
                BigDecimal.ONE, new BigDecimal("20"), 0, "EUR", REPORTED, "{\"campaign_id\":\"" + campaign + "\"}");
    }

    private static InsightLoader.Result load(UUID tenant, List<InsightRow> rows) throws SQLException {
        return load(tenant, rows, tenant);
    }

    // bound to one tenant, loading rows that claim another: RLS must refuse them
    private static InsightLoader.Result load(UUID bound, List<InsightRow> rows, UUID claimed) throws SQLException {
        try (Connection app = db.appFor(bound)) {
            InsightLoader.Result result = InsightLoader.load(app, claimed, "meta", 1, rows);
            app.commit();
            return result;
        }
    }

    private static String query(UUID tenant, String sql) throws SQLException {
        try (Connection app = db.appFor(tenant); Statement statement = app.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getString(1);
        }
    }
}
