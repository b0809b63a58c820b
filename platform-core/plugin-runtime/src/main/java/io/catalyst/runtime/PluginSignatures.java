package io.catalyst.runtime;

import io.catalyst.runtime.SignatureCheck.Verdict;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Detached Ed25519 signatures of plugin files, using only the JDK.
 *
 * <p>The signature of {@code x.jar} lives in {@code x.jar.sig}: one ASCII line {@code ed25519:<keyId>:<base64>},
 * where the base64 part is the raw 64-byte Ed25519 signature over the file's exact bytes and {@code keyId} is
 * {@link #keyId(PublicKey)} of the signing key. Naming the key lets a check tell an untrusted signer from a tampered
 * file.
 *
 * <p>Keys are exchanged as PEM (or the bare base64 inside it): public keys as X.509 SubjectPublicKeyInfo
 * ({@code BEGIN PUBLIC KEY}), private keys as PKCS#8 ({@code BEGIN PRIVATE KEY}).
 */
public final class PluginSignatures {

    /** Appended to a plugin file's name to name its signature file. */
    public static final String SUFFIX = ".sig";

    private static final String ALGORITHM = "Ed25519";
    private static final String SCHEME = "ed25519";

    private final Map<String, PublicKey> trusted = new LinkedHashMap<>();

    /** @param trustedKeys the Ed25519 public keys whose signatures are accepted */
    public PluginSignatures(Collection<PublicKey> trustedKeys) {
        for (PublicKey key : trustedKeys) {
            trusted.put(keyId(key), key);
        }
    }

    /** The signature file that belongs to a plugin file. */
    public static Path signatureFileOf(Path file) {
        return file.resolveSibling(file.getFileName() + SUFFIX);
    }

    /** Checks a file against the signature file beside it. */
    public SignatureCheck verify(Path file) throws IOException {
        return verify(Files.readAllBytes(file), signatureFileOf(file));
    }

    /**
     * Checks content already read into memory, so that exactly the checked bytes can then be installed.
     *
     * @param signatureFile the detached signature; missing means unsigned
     */
    public SignatureCheck verify(byte[] content, Path signatureFile) throws IOException {
        if (!Files.isRegularFile(signatureFile)) {
            return new SignatureCheck(Verdict.UNSIGNED, null, "no signature file " + signatureFile.getFileName());
        }
        return verify(content, Files.readString(signatureFile, StandardCharsets.US_ASCII));
    }

    /** Checks content against the text of a signature file. */
    public SignatureCheck verify(byte[] content, String signatureLine) {
        String[] parts = signatureLine.strip().split(":");
        if (parts.length != 3 || !parts[0].equals(SCHEME)) {
            return new SignatureCheck(Verdict.TAMPERED, null, "the signature file is malformed");
        }
        String keyId = parts[1];
        PublicKey key = trusted.get(keyId);
        if (key == null) {
            return new SignatureCheck(Verdict.UNTRUSTED_KEY, keyId, "signed by key " + keyId + ", which is not trusted");
        }
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(key);
            verifier.update(content);
            if (verifier.verify(Base64.getDecoder().decode(parts[2]))) {
                return new SignatureCheck(Verdict.VALID, keyId, "signed by trusted key " + keyId);
            }
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            // an unreadable signature value is as bad as a wrong one
        }
        return new SignatureCheck(Verdict.TAMPERED, keyId,
                "the file does not match its signature by key " + keyId + ": changed after signing");
    }

    /** A fresh Ed25519 key pair. */
    public static KeyPair generateKeyPair() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks Ed25519", e);
        }
    }

    /** Signs content; the result is the text of a signature file. */
    public static String sign(byte[] content, PrivateKey privateKey) {
        try {
            Signature signer = Signature.getInstance(ALGORITHM);
            signer.initSign(privateKey);
            signer.update(content);
            return SCHEME + ":" + keyId(publicKeyOf(privateKey)) + ":" + Base64.getEncoder().encodeToString(signer.sign()) + "\n";
        } catch (InvalidKeyException e) {
            throw new IllegalArgumentException("not an Ed25519 private key", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("signing failed", e);
        }
    }

    /** Signs a file and writes its signature file beside it. */
    public static Path signFile(Path file, PrivateKey privateKey) throws IOException {
        Path signatureFile = signatureFileOf(file);
        Files.writeString(signatureFile, sign(Files.readAllBytes(file), privateKey), StandardCharsets.US_ASCII);
        return signatureFile;
    }

    /** A short stable id of a public key: the first 8 bytes of the SHA-256 of its X.509 encoding, in hex. */
    public static String keyId(PublicKey key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads an Ed25519 public key from PEM or bare base64 X.509 SubjectPublicKeyInfo. */
    public static PublicKey readPublicKey(String pemOrBase64) {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(der(pemOrBase64)));
        } catch (InvalidKeySpecException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not an Ed25519 public key (X.509 PEM or base64 expected)", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads an Ed25519 private key from PEM or bare base64 PKCS#8. */
    public static PrivateKey readPrivateKey(String pemOrBase64) {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(der(pemOrBase64)));
        } catch (InvalidKeySpecException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not an Ed25519 private key (PKCS#8 PEM or base64 expected)", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The public half of a private key, so that signing needs only the private key file. The JDK's PKCS#8 encoding of
     * an Ed25519 key holds just the 32-byte seed, and its key-pair generator derives the pair from 32 random bytes, so
     * feeding it the seed as its "randomness" reproduces the pair.
     */
    public static PublicKey publicKeyOf(PrivateKey privateKey) {
        if (!(privateKey instanceof EdECPrivateKey edKey) || edKey.getBytes().isEmpty()) {
            throw new IllegalArgumentException("not an Ed25519 private key");
        }
        byte[] seed = edKey.getBytes().get();
        SecureRandom replay = new SecureRandom() {
            @Override
            public void nextBytes(byte[] bytes) {
                System.arraycopy(seed, 0, bytes, 0, bytes.length);
            }
        };
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(ALGORITHM);
            generator.initialize(NamedParameterSpec.ED25519, replay);
            return generator.generateKeyPair().getPublic();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** X.509 PEM of a public key. */
    static String toPem(PublicKey key) {
        return pem("PUBLIC KEY", key.getEncoded());
    }

    /** PKCS#8 PEM of a private key. */
    static String toPem(PrivateKey key) {
        return pem("PRIVATE KEY", key.getEncoded());
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static byte[] der(String pemOrBase64) {
        String base64 = pemOrBase64.replaceAll("-----(BEGIN|END) [A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(base64);
    }
}
