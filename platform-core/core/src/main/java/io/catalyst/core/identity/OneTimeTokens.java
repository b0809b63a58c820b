package io.catalyst.core.identity;

import java.security.SecureRandom;
import java.util.Base64;

/** Secrets for links (one-time, or shared until revoked): 256 random bits, URL-safe. Only their SHA-256 is stored. */
public final class OneTimeTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private OneTimeTokens() {
    }

    public static String next() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String hash(String token) {
        return Tokens.sha256(token == null ? "" : token);
    }
}
