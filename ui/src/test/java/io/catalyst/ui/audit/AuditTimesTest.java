package io.catalyst.ui.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The audit log's times as the company reads them: in its own time zone, without ISO's T and Z. */
class AuditTimesTest {

    @Test
    void anInstantReadsInTheCompanysTimeZone() {
        assertThat(AuditView.when("2026-12-07T05:15:02.123Z", ZoneId.of("Europe/Berlin")))
                .isEqualTo("2026-12-07 06:15:02");
        assertThat(AuditView.when("2026-07-01T23:30:00.000Z", ZoneId.of("America/New_York")))
                .isEqualTo("2026-07-01 19:30:00");
    }
}
