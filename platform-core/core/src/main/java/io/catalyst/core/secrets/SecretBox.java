package io.catalyst.core.secrets;

import io.catalyst.core.web.ProblemException;
import io.catalyst.core.web.ProblemType;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Encrypts secrets at rest (plugin secret settings, later provider credentials) with AES-256-GCM. The key comes from
 * {@code catalyst.secrets.key} (base64 of 32 bytes); keys named in {@code catalyst.secrets.previous-keys} still
 * decrypt, so a key can be rotated: set the new key, move the old one to the previous keys, re-save. Each sealed
 * value names its key by a short id, and binds a context (such as tenant and plugin) so it cannot be moved.
 */
@ApplicationScoped
public class SecretBox {

    private static final String VERSION = "v1";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    @ConfigProperty(name = "catalyst.secrets.key")
    Optional<String> key;

    @Inject
    @ConfigProperty(name = "catalyst.secrets.previous-keys")
    Optional<List<String>> previousKeys;

    private SecretKey current;
    private String currentId;
    private final Map<String, SecretKey> byId = new LinkedHashMap<>();

    @PostConstruct
    void init() {
        key.ifPresent(encoded -> {
            current = decode(encoded, "catalyst.secrets.key");
            currentId = idOf(current);
            byId.put(currentId, current);
        });
        previousKeys.orElse(List.of()).forEach(encoded -> {
            SecretKey previous = decode(encoded, "catalyst.secrets.previous-keys");
            byId.putIfAbsent(idOf(previous), previous);
        });
    }

    /** Whether secrets can be stored at all: without a key they are refused, never kept in clear. */
    public boolean available() {
        return current != null;
    }

    /** Seals a secret for one context, e.g. {@code tenant/<id>/plugin/<id>/<key>}. */
    public String seal(String plaintext, String context) {
        if (current == null) {
            throw new ProblemException(ProblemType.SERVICE_UNAVAILABLE, "Secrets cannot be stored: the server has no"
                    + " encryption key (set CATALYST_SECRETS_KEY).");
        }
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, current, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[iv.length + sealed.length];
            System.arraycopy(iv, 0, out, 0, iv.length);
            System.arraycopy(sealed, 0, out, iv.length, sealed.length);
            return VERSION + ":" + currentId + ":" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** Opens a sealed secret of this context; fails if the key is unknown or the value was altered or moved. */
    public String open(String sealed, String context) {
        String[] parts = sealed.split(":", 3);
        if (parts.length != 3 || !VERSION.equals(parts[0]) || !byId.containsKey(parts[1])) {
            throw new IllegalStateException("A secret was sealed with a key this server does not have");
        }
        try {
            byte[] in = Base64.getDecoder().decode(parts[2]);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, byId.get(parts[1]), new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("A secret could not be opened: altered, moved, or the wrong key", e);
        }
    }

    private static SecretKey decode(String encoded, String setting) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(encoded.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(setting + " is not base64");
        }
        if (raw.length != 32) {
            throw new IllegalStateException(setting + " must be 32 bytes (base64), was " + raw.length);
        }
        return new SecretKeySpec(raw, "AES");
    }

    private static String idOf(SecretKey key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
