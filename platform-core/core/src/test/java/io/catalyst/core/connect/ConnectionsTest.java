package io.catalyst.core.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.catalyst.core.web.Problem;
import io.catalyst.core.web.ProblemException;
import io.catalyst.core.web.ProblemType;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a connection's settings may be, and the words for what they may not. */
class ConnectionsTest {

    private final Connections connections = new Connections();

    @Test
    void aScheduleIsBetweenAQuarterOfAnHourAndAWeek() {
        assertThat(Connections.schedule(null, 360)).isEqualTo(360);
        assertThat(Connections.schedule(15, 360)).isEqualTo(15);
        assertThat(Connections.schedule(7 * 24 * 60, 360)).isEqualTo(7 * 24 * 60);
        assertInvalid(() -> Connections.schedule(14, 360), "scheduleMinutes", "between 15 minutes and a week");
        assertInvalid(() -> Connections.schedule(7 * 24 * 60 + 1, 360), "scheduleMinutes",
                "between 15 minutes and a week");
    }

    @Test
    void aLookbackIsAtMostAYear() {
        assertThat(Connections.lookback(null, 28)).isEqualTo(28);
        assertThat(Connections.lookback(0, 28)).isZero();
        assertInvalid(() -> Connections.lookback(-1, 28), "lookbackDays", "between 0 and 365 days");
        assertInvalid(() -> Connections.lookback(366, 28), "lookbackDays", "between 0 and 365 days");
    }

    @Test
    void onlyThePlatformsLocalStandInsMayReplaceAProvider() {
        connections.localHosts = Optional.of(List.of("127.0.0.1"));

        assertThat(connections.baseUrl(null)).isNull();
        assertThat(connections.baseUrl(" ")).isNull();
        assertThat(connections.baseUrl(" http://127.0.0.1:8089/graph/v21.0 ")).isEqualTo("http://127.0.0.1:8089");
        assertInvalid(() -> connections.baseUrl("https://graph.facebook.com"), "baseUrl",
                "only the platform's local stand-in hosts [127.0.0.1] may replace a provider");
        assertInvalid(() -> connections.baseUrl("ftp://127.0.0.1/"), "baseUrl",
                "only the platform's local stand-in hosts [127.0.0.1] may replace a provider");
        assertInvalid(() -> connections.baseUrl("http://127.0.0.1:80 80"), "baseUrl", "not a URL");
    }

    @Test
    void inProductionNoHostMay() {
        connections.localHosts = Optional.empty();

        assertInvalid(() -> connections.baseUrl("http://127.0.0.1:8089"), "baseUrl",
                "only the platform's local stand-in hosts [] may replace a provider");
    }

    private static void assertInvalid(Runnable call, String field, String message) {
        ProblemException invalid = catchThrowableOfType(call::run, ProblemException.class);
        assertThat(invalid.type()).isEqualTo(ProblemType.VALIDATION_FAILED);
        assertThat(invalid).hasMessage(field + ": " + message);
        assertThat(invalid.errors()).containsExactly(new Problem.FieldError(field, message));
    }
}
