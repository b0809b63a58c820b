package io.catalyst.core.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MailLayoutTest {

    @Test
    void theCompanysNameAndColourHeadTheMailAndTheButtonLeadsToTheLink() {
        String html = MailLayout.page("Acme Outdoor", "#2e7d32", List.of("Hello,", "Dana invited you."),
                "Accept the invitation", "https://catalyst.example/invitation?token=abc-123", "The link works once.");

        assertThat(html).contains(">Acme Outdoor<").contains("background:#2e7d32")
                .contains("href=\"https://catalyst.example/invitation?token=abc-123\"")
                .contains(">Accept the invitation<").contains("<p style=\"margin:0 0 16px;\">Dana invited you.</p>");
    }

    @Test
    void namesAreTextNeverMarkupAndAColourThatIsNotOneFallsBack() {
        String html = MailLayout.page("<script>alert(1)</script> & Co", "red;background:url(x)",
                List.of("\"><img src=x onerror=alert(1)>"), "Go", "https://x.example/?a=1&b=\"2\"", "small");

        assertThat(html).doesNotContain("<script>").doesNotContain("<img").doesNotContain("url(x)")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co")
                .contains("href=\"https://x.example/?a=1&amp;b=&quot;2&quot;\"")
                .contains("background:" + MailLayout.DEFAULT_COLOUR);
        assertThat(MailLayout.page(null, null, List.of(), "Go", "https://x.example", "small")).contains(">Catalyst<");
    }

    @Test
    void onALightColourTheTextIsBlack() {
        String html = MailLayout.page("Sunny Co", "#FFEB3B", List.of("Hi"), "Go", "https://x.example", "small");

        assertThat(html).contains("background:#ffeb3b;color:#000000");
    }
}
