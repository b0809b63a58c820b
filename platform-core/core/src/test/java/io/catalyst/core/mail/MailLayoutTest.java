package io.catalyst.core.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MailLayoutTest {

    @Test
    void theCompanysNameAndColourHeadTheMailAndTheButtonLeadsToTheLink() {
        String html = MailLayout.page(new MailLayout.Brand("Acme Outdoor", "#2e7d32", null), List.of("Hello,", "Dana invited you."),
                "Accept the invitation", "https://catalyst.example/invitation?token=abc-123", "The link works once.");

        assertThat(html).contains(">Acme Outdoor<").contains("background:#2e7d32")
                .contains("href=\"https://catalyst.example/invitation?token=abc-123\"")
                .contains(">Accept the invitation<").contains("<p style=\"margin:0 0 16px;\">Dana invited you.</p>");
    }

    @Test
    void namesAreTextNeverMarkupAndAColourThatIsNotOneFallsBack() {
        String html = MailLayout.page(new MailLayout.Brand("<script>alert(1)</script> & Co", "red;background:url(x)", null),
                List.of("\"><img src=x onerror=alert(1)>"), "Go", "https://x.example/?a=1&b=\"2\"", "small");

        assertThat(html).doesNotContain("<script>").doesNotContain("<img").doesNotContain("url(x)")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co")
                .contains("href=\"https://x.example/?a=1&amp;b=&quot;2&quot;\"")
                .contains("background:" + MailLayout.DEFAULT_COLOUR);
        assertThat(MailLayout.page(MailLayout.Brand.CATALYST, List.of(), "Go", "https://x.example", "small")).contains(">Catalyst<");
    }

    @Test
    void onALightColourTheTextIsBlack() {
        String html = MailLayout.page(new MailLayout.Brand("Sunny Co", "#FFEB3B", null), List.of("Hi"), "Go", "https://x.example", "small");

        assertThat(html).contains("background:#ffeb3b;color:#000000");
    }

    @Test
    void theLogoHeadsTheMailAndAListLinksEachLine() {
        String html = MailLayout.page(new MailLayout.Brand("Acme", "#2e7d32",
                        "https://catalyst.example/branding/logo/1?v=ab\"onerror=x"),
                List.of("What happened:"), List.of(new MailLayout.Item("Spend spike <b>", "https://c.example/a?x=1&y=2"),
                        new MailLayout.Item("No link", null)), "Open your inbox", "https://c.example/inbox", "small");

        assertThat(html).contains("<img src=\"https://catalyst.example/branding/logo/1?v=ab&quot;onerror=x\"")
                .contains("<li style=\"margin:0 0 8px;\"><a href=\"https://c.example/a?x=1&amp;y=2\"")
                .contains(">Spend spike &lt;b&gt;</a>").contains(">No link</li>");
        assertThat(MailLayout.page(new MailLayout.Brand("Acme", null, "javascript:alert(1)"), List.of(), "Go",
                "https://x.example", "small")).as("only a web address is a logo").doesNotContain("<img");
    }
}
