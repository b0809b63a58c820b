package io.catalyst.core.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class BrandingTest {

    @Test
    void aDarkColourIsThePrimaryColourItsTextColourAndCarriesWhiteText() {
        Map<String, String> theme = Branding.of("#1565C0");

        assertThat(theme).containsEntry("--lumo-primary-color", "#1565c0")
                .containsEntry("--lumo-primary-text-color", "#1565c0")
                .containsEntry("--lumo-primary-contrast-color", "#ffffff")
                .containsEntry("--lumo-primary-color-10pct", "rgba(21, 101, 192, 0.1)");
    }

    @Test
    void aLightColourGetsADarkerTextColourThatReadsOnWhiteAndBlackTextOnIt() {
        Map<String, String> theme = Branding.of("#ffeb3b");

        String text = theme.get("--lumo-primary-text-color");
        assertThat(text).isNotEqualTo("#ffeb3b");
        assertThat(Branding.contrast(Branding.rgb(text), new int[] {255, 255, 255}))
                .isGreaterThanOrEqualTo(Branding.READABLE);
        assertThat(theme).containsEntry("--lumo-primary-contrast-color", "#000000");
    }

    @Test
    void anythingButSixHexDigitsGivesNoThemeSoNothingReachesTheStyle() {
        assertThat(Branding.of(null)).isEmpty();
        assertThat(Branding.of("red")).isEmpty();
        assertThat(Branding.of("#fff")).isEmpty();
        assertThat(Branding.of("#123456; background: url(https://evil.example/x)")).isEmpty();
    }
}
