package io.catalyst.core.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InputGuardTest {

    @Test
    void findsTheJsonEscapeOfNulButNotAnEscapedBackslashBeforeIt() {
        assertThat(InputGuard.escapedNul("{\"name\":\"a\\u0000b\"}")).isTrue();
        assertThat(InputGuard.escapedNul("{\"name\":\"a\\U0000b\"}")).isTrue();
        assertThat(InputGuard.escapedNul("{\"name\":\"a\\\\\\u0000b\"}")).as("\\\\ then \\u0000").isTrue();
        assertThat(InputGuard.escapedNul("{\"name\":\"a\\\\u0000b\"}")).as("a literal backslash, then u0000")
                .isFalse();
        assertThat(InputGuard.escapedNul("{\"name\":\"plain\"}")).isFalse();
    }

    @Test
    void namesTheFirstJsonStringOverTheLimit() {
        String big = "x".repeat(InputGuard.MAX_TEXT + 1);
        assertThat(InputGuard.longString("{\"name\":\"ok\",\"profile\":{\"about\":\"" + big + "\"}}"))
                .contains("profile.about");
        assertThat(InputGuard.longString("{\"roles\":[\"" + big + "\"]}")).contains("roles");
        assertThat(InputGuard.longString("{\"name\":\"" + "x".repeat(InputGuard.MAX_TEXT) + "\"}")).isEmpty();
        assertThat(InputGuard.longString("{\"name\": ")).as("malformed JSON is left to the resource").isEmpty();
    }

    @Test
    void namesTheFieldThatHoldsANul() {
        assertThat(InputGuard.nulString("{\"email\":\"a\\u0000b@example.org\",\"password\":\"x\"}"))
                .contains("email");
        assertThat(InputGuard.nulString("{\"roles\":[\"ok\",\"vie\\u0000wer\"]}")).contains("roles");
        assertThat(InputGuard.nulString("{\"name\":\"fine\"}")).isEmpty();
    }
}
