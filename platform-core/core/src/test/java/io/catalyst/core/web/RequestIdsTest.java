package io.catalyst.core.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RequestIdsTest {

    @Test
    void keepsAWellFormedCallerId() {
        assertThat(RequestIds.accept("lb-7f3a9c21:0042")).isEqualTo("lb-7f3a9c21:0042");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"short", "has space inside", "line\nbreak-forged-log", "quote\"injection-attempt",
            "0123456789012345678901234567890123456789012345678901234567890123456789"})
    void replacesAnIdThatIsMissingOrUnsafeToLog(String incoming) {
        String id = RequestIds.accept(incoming);

        assertThat(id).isNotEqualTo(incoming).matches("[0-9a-f-]{36}");
    }

    @Test
    void newIdsAreUnique() {
        assertThat(RequestIds.accept(null)).isNotEqualTo(RequestIds.accept(null));
    }
}
