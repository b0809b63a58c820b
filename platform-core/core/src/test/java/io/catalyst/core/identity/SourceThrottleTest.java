package io.catalyst.core.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SourceThrottleTest {

    private final MutableClock clock = new MutableClock();
    private final SourceThrottle throttle = new SourceThrottle(3, Duration.ofMinutes(15), clock);

    @Test
    void blocksAnAddressAtTheLimitAndOnlyThatAddress() {
        throttle.failed("10.0.0.1");
        throttle.failed("10.0.0.1");
        assertThat(throttle.blocked("10.0.0.1")).isFalse();

        throttle.failed("10.0.0.1");

        assertThat(throttle.blocked("10.0.0.1")).isTrue();
        assertThat(throttle.blocked("10.0.0.2")).isFalse();
    }

    @Test
    void failuresAgeOutOfTheWindow() {
        throttle.failed("10.0.0.1");
        clock.advance(Duration.ofMinutes(10));
        throttle.failed("10.0.0.1");
        throttle.failed("10.0.0.1");
        assertThat(throttle.blocked("10.0.0.1")).isTrue();

        clock.advance(Duration.ofMinutes(6)); // the first failure is now older than 15 minutes

        assertThat(throttle.blocked("10.0.0.1")).isFalse();
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-11-23T10:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
