package io.catalyst.core.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordsTest {

    @Test
    void hashesWithArgon2idAndASaltPerHash() {
        String first = Passwords.hash("a long enough passphrase");
        String second = Passwords.hash("a long enough passphrase");

        assertThat(first).startsWith("$shiro2$argon2id$").isNotEqualTo(second);
        assertThat(Passwords.matches("a long enough passphrase", first)).isTrue();
        assertThat(Passwords.matches("a long enough passphrasE", first)).isFalse();
        assertThat(Passwords.matches("anything", null)).isFalse();
    }

    @Test
    void refusesWeakPasswordsWithAReason() {
        assertThat(Passwords.weakness("short", "a@b.c")).get().asString().contains("12");
        assertThat(Passwords.weakness("aaaaaaaaaaaaaaaa", "a@b.c")).get().asString().contains("different");
        assertThat(Passwords.weakness("ada.lovelace-2026!", "ada.lovelace@acme.example")).isPresent();
        assertThat(Passwords.weakness("correct horse battery staple", "ada@acme.example")).isEmpty();
    }
}
