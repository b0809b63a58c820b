package io.catalyst.core.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SessionCookiesTest {

    @Test
    void cookiesAreSecureExactlyWhenThePublicUrlIsHttps() {
        assertThat(SessionCookies.secure("https://catalyst.agency.example")).isTrue();
        assertThat(SessionCookies.secure(" HTTPS://catalyst.agency.example/ ")).isTrue();
        assertThat(SessionCookies.secure("http://127.0.0.1:9080")).isFalse();
        assertThat(SessionCookies.secure("")).isFalse();
        assertThat(SessionCookies.secure(null)).isFalse();
    }
}
