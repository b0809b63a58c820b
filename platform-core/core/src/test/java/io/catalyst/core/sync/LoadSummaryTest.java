package io.catalyst.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.catalyst.api.connect.Call;
import io.catalyst.api.connect.Contact;
import io.catalyst.core.warehouse.InsightRow;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LoadSummaryTest {

    private static InsightRow row(String level, String day) {
        return new InsightRow(level, "e", "a", LocalDate.parse(day), null, BigDecimal.ONE, 1, 1, BigDecimal.ZERO,
                BigDecimal.ZERO, 0, "EUR", OffsetDateTime.now(), null);
    }

    @Test
    void theEventSaysWhatTheRunStoredAcrossItsBatches() {
        LoadSummary loaded = new LoadSummary();
        assertThat(loaded.empty()).isTrue();
        loaded.add(new WarehouseSink.Batch(List.of(row("campaign", "2026-11-03"), row("ad", "2026-11-01")),
                List.of(), List.of(), List.of(), List.of(), List.of(), "c1"));
        loaded.add(new WarehouseSink.Batch(List.of(row("campaign", "2026-11-05")), List.of(),
                List.of(new Contact("1", null, null, null, null, null, null, null)), List.of(),
                List.of(new Call("c-1", null, null, null, 60, "inbound", true, null, null, null, null, null, null,
                        null, null, null, null)), List.of(), "c2"));
        UUID connection = UUID.randomUUID();

        Map<String, Object> payload = loaded.payload("meta-ads", connection, "succeeded");

        assertThat(loaded.empty()).isFalse();
        assertThat(payload).containsEntry("source", "meta-ads").containsEntry("connection", connection.toString())
                .containsEntry("levels", List.of("ad", "campaign")).containsEntry("from", "2026-11-01")
                .containsEntry("to", "2026-11-05").containsEntry("rows", 3L).containsEntry("contacts", 1L).containsEntry("calls", 1L)
                .containsEntry("outcome", "succeeded");
    }

    @Test
    void aRunThatStoredOnlyContactsHasNoDays() {
        LoadSummary loaded = new LoadSummary();
        loaded.add(new WarehouseSink.Batch(List.of(), List.of(), List.of(new Contact("1", null, null, null, null,
                null, null, null)), List.of(), List.of(), List.of(), null));
        assertThat(loaded.payload("hubspot", UUID.randomUUID(), "succeeded")).containsEntry("from", null)
                .containsEntry("levels", List.of());
    }
}
