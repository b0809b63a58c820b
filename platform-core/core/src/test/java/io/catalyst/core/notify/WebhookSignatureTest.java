package io.catalyst.core.notify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a receiver checks: the secret, the body and the time are all bound into the signature. */
class WebhookSignatureTest {

    private static final String SECRET = "whsec_test";
    private static final String BODY = "{\"text\":\"CPA above target\"}";

    @Test
    void aSignatureIsHmacSha256OverTimeAndBody() {
        // the expected hex computed independently: printf '1700000000.{"text":"CPA above target"}' |
        //   openssl dgst -sha256 -hmac whsec_test
        assertThat(WebhookSignature.sign(SECRET, 1_700_000_000L, BODY))
                .isEqualTo("t=1700000000,v1=" + HMAC);
    }

    @Test
    void theReceiverAcceptsTheRightSignatureAndRefusesAnyChange() {
        String header = WebhookSignature.sign(SECRET, 1_000, BODY);
        assertThat(WebhookSignature.verify(SECRET, header, BODY, 1_100, 300)).isTrue();
        assertThat(WebhookSignature.verify("whsec_other", header, BODY, 1_100, 300)).as("another secret").isFalse();
        assertThat(WebhookSignature.verify(SECRET, header, BODY.replace("CPA", "CPC"), 1_100, 300))
                .as("a changed body").isFalse();
        assertThat(WebhookSignature.verify(SECRET, header.replace("t=1000", "t=1050"), BODY, 1_100, 300))
                .as("a changed time").isFalse();
        assertThat(WebhookSignature.verify(SECRET, header, BODY, 2_000, 300)).as("replayed too late").isFalse();
        assertThat(WebhookSignature.verify(SECRET, null, BODY, 1_100, 300)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, "t=x,v1=00", BODY, 1_100, 300)).isFalse();
    }

    private static final String HMAC = "4617ac7498a6c864e6b5ec19060b2ea1159b5b858688a67fd616aababc8ff2ff";
}
