package io.catalyst.core.identity;

import java.util.Optional;
import org.apache.shiro.authc.credential.DefaultPasswordService;
import org.apache.shiro.authc.credential.PasswordService;

/**
 * Password hashing: Argon2id through Shiro's password service, with the parameters stored in each hash
 * ({@code $shiro2$argon2id$v=19$t=…,m=…,p=…$salt$hash}), so the cost can rise without invalidating old hashes.
 */
public final class Passwords {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 256;

    private static final PasswordService SERVICE = new DefaultPasswordService();
    // Compared against when no account matches, so an unknown email costs as much time as a wrong password.
    private static final String DECOY = SERVICE.encryptPassword("decoy-password-for-unknown-accounts");

    private Passwords() {
    }

    public static PasswordService service() {
        return SERVICE;
    }

    public static String hash(String password) {
        return SERVICE.encryptPassword(password);
    }

    public static boolean matches(String password, String storedHash) {
        return SERVICE.passwordsMatch(password, storedHash != null ? storedHash : DECOY) && storedHash != null;
    }

    /** Why a new password is refused, or empty when it is acceptable. */
    public static Optional<String> weakness(String password, String email) {
        if (password == null || password.length() < MIN_LENGTH) {
            return Optional.of("Use at least " + MIN_LENGTH + " characters.");
        }
        if (password.length() > MAX_LENGTH) {
            return Optional.of("Use at most " + MAX_LENGTH + " characters.");
        }
        if (password.isBlank() || password.chars().distinct().count() < 4) {
            return Optional.of("Use more different characters.");
        }
        if (email != null && password.toLowerCase().contains(email.toLowerCase().split("@")[0])) {
            return Optional.of("Do not use your email address in your password.");
        }
        return Optional.empty();
    }
}
