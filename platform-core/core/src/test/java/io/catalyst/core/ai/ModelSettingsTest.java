package io.catalyst.core.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.catalyst.core.web.ProblemException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Where a company's own model may be: the address its questions and figures are sent to. */
class ModelSettingsTest {

    private static ModelSettings allowing(String... hosts) {
        ModelSettings settings = new ModelSettings();
        settings.allowedHosts = List.of(hosts);
        return settings;
    }

    @Test
    void anAllowedHttpsHostIsTakenWithoutItsTrailingSlash() {
        ModelSettings settings = allowing("api.openai.com", "*.openai.azure.com");

        assertThat(settings.checkedUrl(" https://api.openai.com/v1/ ")).isEqualTo("https://api.openai.com/v1");
        assertThat(settings.checkedUrl("https://acme.openai.azure.com/openai")).isEqualTo(
                "https://acme.openai.azure.com/openai");
    }

    @Test
    void anyOtherAddressIsRefusedWithWhatIsAllowed() {
        ModelSettings settings = allowing("api.openai.com", "*.openai.azure.com", "127.0.0.1");

        for (String address : List.of("https://169.254.169.254/latest", "https://evil.example/v1",
                "https://openai.azure.com/v1", "https://api.openai.com.evil.example/v1", "http://api.openai.com/v1",
                "file:///etc/passwd", "https://user:pw@api.openai.com/v1", "https://api.openai.com/v1?x=1",
                "api.openai.com/v1", "")) {
            assertThatThrownBy(() -> settings.checkedUrl(address)).as(address).isInstanceOf(ProblemException.class);
        }
        assertThatThrownBy(() -> settings.checkedUrl("https://evil.example/v1"))
                .hasMessageContaining("not among the model providers this platform allows");
        assertThatThrownBy(() -> settings.checkedUrl(null)).isInstanceOf(ProblemException.class);
        // plain HTTP only on the machine itself, and only when the operator listed it
        assertThat(settings.checkedUrl("http://127.0.0.1:8000/v1")).isEqualTo("http://127.0.0.1:8000/v1");
        assertThatThrownBy(() -> allowing("api.openai.com").checkedUrl("http://127.0.0.1:8000/v1"))
                .isInstanceOf(ProblemException.class);
    }
}
