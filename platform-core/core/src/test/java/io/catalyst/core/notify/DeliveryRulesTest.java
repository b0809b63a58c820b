package io.catalyst.core.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/** The rules of delivery that need no database: retries, digest time, webhook subscriptions, address checks. */
class DeliveryRulesTest {

    @Test
    void retriesWaitLongerEachTimeAndAtMostSixHours() {
        assertThat(Outbox.backoffSeconds(30, 1)).isEqualTo(30);
        assertThat(Outbox.backoffSeconds(30, 2)).isEqualTo(150);
        assertThat(Outbox.backoffSeconds(30, 3)).isEqualTo(750);
        assertThat(Outbox.backoffSeconds(30, 7)).isEqualTo(6 * 3600);
    }

    @Test
    void theDigestGoesAtEightInTheCompanysZone() {
        ZonedDateTime next = Inbox.nextDigest(ZoneId.of("America/New_York"));
        assertThat(next.getHour()).isEqualTo(8);
        assertThat(next.getMinute()).isZero();
        assertThat(next).isAfter(ZonedDateTime.now()).isBefore(ZonedDateTime.now().plusDays(1).plusMinutes(1));
    }

    @Test
    void aWebhookTakesWhatItsPatternsName() {
        assertThat(Webhooks.subscribed(new String[0], "alerts", "alert.firing")).as("no pattern: all").isTrue();
        assertThat(Webhooks.subscribed(new String[] {"alerts"}, "alerts", "alert.firing")).isTrue();
        assertThat(Webhooks.subscribed(new String[] {"alerts"}, "tasks", "task.assigned")).isFalse();
        assertThat(Webhooks.subscribed(new String[] {"tasks/task.*"}, "tasks", "task.assigned")).isTrue();
        assertThat(Webhooks.subscribed(new String[] {"alerts/alert.firing"}, "alerts", "alert.resolved")).isFalse();
        assertThat(Webhooks.subscribed(new String[] {"*"}, "core", "connection.needs-reauth")).isTrue();
    }

    @Test
    void onlyHttpsAddressesOnThePublicInternetTakeCalls() {
        Webhooks hooks = new Webhooks();
        assertThat(hooks.refusal("http://hooks.slack.com/x")).contains("https://");
        assertThat(hooks.refusal("https://user:pw@hooks.example/x")).contains("no user name");
        assertThat(hooks.refusal("https://127.0.0.1/x")).contains("private or local");
        assertThat(hooks.refusal("https://10.1.2.3/x")).contains("private or local");
        assertThat(hooks.refusal("https://169.254.169.254/latest/meta-data")).contains("private or local");
        assertThat(hooks.refusal("https://[::1]/x")).contains("private or local");
        assertThat(hooks.refusal("javascript:alert(1)")).isNotNull();
        assertThat(hooks.refusal("https://93.184.215.14/hook")).as("a public address").isNull();
        hooks.allowPrivate = true;
        assertThat(hooks.refusal("http://127.0.0.1:8089/hook")).as("allowed in development").isNull();
    }

    @Test
    void longTextIsShortenedNotRefused() {
        assertThat(Inbox.shorten("x".repeat(5000), Inbox.MESSAGE_MAX)).hasSize(Inbox.MESSAGE_MAX).endsWith("\u2026");
        assertThat(Inbox.shorten("short", 10)).isEqualTo("short");
    }
}
