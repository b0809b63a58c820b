package io.catalyst.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CompanyTimeTest {

    @Test
    void anInstantReadsInTheCompanysZoneToTheMinute() {
        Instant lateInUtc = Instant.parse("2026-12-07T23:30:59Z");

        assertThat(CompanyTime.minute(lateInUtc, ZoneId.of("Europe/Berlin"))).isEqualTo("2026-12-08 00:30");
        assertThat(CompanyTime.minute(lateInUtc, ZoneId.of("America/New_York"))).isEqualTo("2026-12-07 18:30");
        assertThat(CompanyTime.minute(null, ZoneId.of("UTC"))).isEmpty();
    }

    @Test
    void withoutTheCompanysSettingsTheZoneIsUtc() {
        assertThat(CompanyTime.zone(UUID.randomUUID())).isEqualTo(java.time.ZoneOffset.UTC);
    }
}
