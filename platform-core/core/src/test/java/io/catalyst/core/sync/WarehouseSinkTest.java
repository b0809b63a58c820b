package io.catalyst.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.catalyst.api.connect.Call;
import io.catalyst.api.connect.Entity;
import io.catalyst.api.connect.Insight;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WarehouseSinkTest {

    private final List<WarehouseSink.Batch> written = new ArrayList<>();
    private final WarehouseSink sink = new WarehouseSink(written::add,
            Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC));

    @Test
    void aCheckpointWritesTheRecordsBeforeItTogetherWithItsCursor() {
        sink.insight(insight("c1", "EUR", "10.50"));
        sink.entity(new Entity("campaign", "c1", "act_1", "Spring", "ACTIVE", Map.of(), "{}"));
        sink.checkpoint("act_1:2026-11-07");
        sink.insight(insight("c2", "EUR", "1"));
        sink.drain();

        assertThat(written).hasSize(2);
        assertThat(written.get(0).cursor()).isEqualTo("act_1:2026-11-07");
        assertThat(written.get(0).records()).isEqualTo(2);
        assertThat(written.get(0).insights().get(0).spend()).isEqualByComparingTo("10.50");
        assertThat(written.get(0).insights().get(0).reportedAt().toInstant())
                .isEqualTo(Instant.parse("2026-11-24T10:00:00Z"));
        assertThat(written.get(1).cursor()).as("what follows the last checkpoint carries no cursor").isNull();
        assertThat(written.get(1).insights()).extracting(r -> r.entityId()).containsExactly("c2");
        assertThat(sink.lastCursor()).isEqualTo("act_1:2026-11-07");
    }

    @Test
    void rowsTheWarehouseWouldRefuseAreQuarantinedWithAReasonAndTheRestGoOn() {
        sink.insight(insight("c1", "euro", "1"));
        sink.insight(insight("c2", "EUR", "-3"));
        sink.insight(new Insight("adgroup", "c3", "act_1", LocalDate.of(2026, 11, 1), null, BigDecimal.ONE, 1, 1,
                BigDecimal.ZERO, BigDecimal.ZERO, 0, "EUR", "{\"id\":\"c3\"}"));
        sink.insight(insight("c4", "EUR", "2"));
        sink.drain();

        WarehouseSink.Batch batch = written.get(0);
        assertThat(batch.insights()).extracting(r -> r.entityId()).containsExactly("c4");
        assertThat(batch.quarantined()).extracting(WarehouseSink.Quarantined::reason).containsExactly(
                "currency 'euro' is not an ISO 4217 code", "negative spend -3", "unknown level 'adgroup'");
        assertThat(batch.quarantined().get(2).raw()).isEqualTo("{\"id\":\"c3\"}");
    }

    @Test
    void callsAreWrittenAndOnesTheWarehouseCouldNotReadAreQuarantined() {
        sink.call(call("1", "inbound", 95));
        sink.call(call("2", "sideways", 10));
        sink.call(call("3", "outbound", -4));
        sink.drain();

        WarehouseSink.Batch batch = written.get(0);
        assertThat(batch.calls()).extracting(c -> c.id()).containsExactly("1");
        assertThat(batch.records()).isEqualTo(1);
        assertThat(batch.quarantined()).extracting(WarehouseSink.Quarantined::reason).containsExactly(
                "direction 'sideways' is neither inbound nor outbound", "the duration -4 s is negative");
    }

    private static Call call(String id, String direction, int seconds) {
        return new Call(id, null, null, null, seconds, direction, true, "+15550100", null, null, null, null, null,
                null, null, null, "{\"id\":\"" + id + "\"}");
    }

    @Test
    void anAccountWithACurrencyTheWarehouseWouldRefuseIsQuarantined() {
        sink.entity(new Entity("account", "act_1", null, "EU", "ACTIVE", Map.of("currency", "Euro"), "{\"id\":1}"));
        sink.entity(new Entity("account", "act_2", null, "US", "ACTIVE", Map.of("currency", "USD"), "{\"id\":2}"));
        sink.drain();

        assertThat(written.get(0).entities()).extracting(Entity::id).containsExactly("act_2");
        assertThat(written.get(0).quarantined()).extracting(WarehouseSink.Quarantined::reason)
                .containsExactly("currency 'Euro' is not an ISO 4217 code");
    }

    @Test
    void aLargeReadIsWrittenInBatchesWithoutACursor() {
        for (int i = 0; i < WarehouseSink.FLUSH_AT + 10; i++) {
            sink.insight(insight("c" + i, "USD", "1"));
        }
        sink.drain();

        assertThat(written).extracting(b -> b.insights().size()).containsExactly(WarehouseSink.FLUSH_AT, 10);
        assertThat(written).allMatch(b -> b.cursor() == null);
    }

    @Test
    void drainingNothingWritesNothing() {
        sink.drain();

        assertThat(written).isEmpty();
    }

    private static Insight insight(String id, String currency, String spend) {
        return new Insight("campaign", id, "act_1", LocalDate.of(2026, 11, 1), "7d_click_1d_view",
                new BigDecimal(spend), 100, 5, BigDecimal.ONE, BigDecimal.TEN, 0, currency, "{\"id\":\"" + id + "\"}");
    }
}
