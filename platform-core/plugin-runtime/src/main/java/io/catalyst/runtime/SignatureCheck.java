package io.catalyst.runtime;

import java.util.Objects;

/**
 * The outcome of checking a plugin file's detached signature.
 *
 * @param verdict what was found
 * @param keyId   the signing key's id when the signature names one, else null
 * @param reason  a sentence for operators
 */
public record SignatureCheck(Verdict verdict, String keyId, String reason) {

    /** What a signature check found. */
    public enum Verdict {
        /** Signed by a trusted key and unchanged since. */
        VALID,
        /** No {@code .sig} file beside it. */
        UNSIGNED,
        /** The file or its signature changed after signing, or the signature file is malformed. */
        TAMPERED,
        /** Signed, but by a key that is not trusted here. */
        UNTRUSTED_KEY
    }

    /** Requires a verdict and a reason. */
    public SignatureCheck {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(reason, "reason");
    }

    /** Whether the file may be trusted. */
    public boolean isValid() {
        return verdict == Verdict.VALID;
    }
}
