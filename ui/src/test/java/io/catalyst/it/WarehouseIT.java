package io.catalyst.it;

import static org.assertj.core.api.Assertions.assertThat;

import elemental.json.JsonArray;
import elemental.json.JsonObject;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The warehouse's query API on the real server: sums, ratios, grouping, validation, and tenant isolation. */
class WarehouseIT {

    @Test
    void insightsAreSummedPerGroupAndCurrencyForTheCallersCompanyOnly() throws Exception {
        Fixture.Tenant a = Fixture.tenant("analyst");
        Fixture.Tenant b = Fixture.tenant("tenant-admin");
        try (Connection db = Server.superuser(); Statement sql = db.createStatement()) {
            sql.execute("select wh_insight_partition('2026-05-01')");
            sql.execute("insert into wh_insight_daily (tenant_id, source, level, entity_id, account_id, day, spend,"
                    + " impressions, clicks, conversions, conversion_value, leads, currency, reported_at) values"
                    + " ('" + a.id() + "', 'meta', 'campaign', 'c1', 'act', '2026-05-01', 100, 10000, 200, 4, 500, 2,"
                    + " 'EUR', now()),"
                    + " ('" + a.id() + "', 'meta', 'campaign', 'c1', 'act', '2026-05-02', 50, 5000, 100, 1, 100, 0,"
                    + " 'EUR', now()),"
                    + " ('" + a.id() + "', 'google', 'campaign', 'g1', 'cust', '2026-05-02', 30, 3000, 30, 0, 0, 0,"
                    + " 'USD', now())");
        }
        String aToken = Fixture.token(a, List.of("dashboards:read")).bearer();

        JsonArray bySource = array(Fixture.call("GET",
                "/api/warehouse/insights?from=2026-05-01&to=2026-05-31&groupBy=source", aToken, null));
        JsonArray meta = array(Fixture.call("GET",
                "/api/warehouse/insights?from=2026-05-01&to=2026-05-31&source=meta", aToken, null));

        assertThat(bySource.length()).isEqualTo(2);
        JsonObject total = meta.getObject(0);
        assertThat(total.getNumber("spend")).isEqualTo(150.0);
        assertThat(total.getNumber("clicks")).isEqualTo(300.0);
        assertThat(total.getNumber("roas")).isEqualTo(4.0);
        assertThat(total.getNumber("cpa")).isEqualTo(30.0);
        assertThat(total.getString("currency")).isEqualTo("EUR");

        assertThat(Fixture.call("GET", "/api/warehouse/insights?from=2026-05-01&to=2026-05-31",
                Fixture.token(b, List.of("*")).bearer(), null).body()).as("B sees nothing of A").isEqualTo("[]");
        HttpResponse<String> invalid = Fixture.call("GET", "/api/warehouse/insights?from=2026-05-31&to=2026-05-01"
                + "&groupBy=week", aToken, null);
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.body()).contains("groupBy");
        assertThat(Fixture.call("GET", "/api/warehouse/insights?from=2026-05-01&to=2026-05-31",
                Fixture.token(a, List.of("tenant:read")).bearer(), null).statusCode()).isEqualTo(403);
    }

    private static JsonArray array(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return elemental.json.Json.instance().parse(response.body());
    }
}
