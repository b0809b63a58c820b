package io.catalyst.core.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The key that signs API tokens (ES256). It comes from {@code CATALYST_JWT_SIGNING_KEY} (an EC P-256 key as PEM,
 * or as a JWK), shared by every node. Without one, a key is made at startup: tokens then die with the process,
 * which is only acceptable on a developer's machine, so it says so loudly.
 */
@ApplicationScoped
public class TokenKeys {

    static final JWSAlgorithm ALGORITHM = JWSAlgorithm.ES256;

    private static final Logger LOG = Logger.getLogger(TokenKeys.class.getName());

    @Inject
    @ConfigProperty(name = "catalyst.jwt.signing-key")
    Optional<String> configured;

    private ECKey key;

    @PostConstruct
    void load() {
        key = configured.filter(s -> !s.isBlank()).map(TokenKeys::parse).orElseGet(() -> {
            LOG.warning("CATALYST_JWT_SIGNING_KEY is not set: API tokens are signed with a key made for this process"
                    + " only, and stop working when it restarts. Set it on any shared installation.");
            return generate();
        });
    }

    JWSSigner signer() {
        try {
            return new ECDSASigner(key);
        } catch (JOSEException e) {
            throw new IllegalStateException("The token signing key cannot sign", e);
        }
    }

    JWSVerifier verifier() {
        try {
            return new ECDSAVerifier(key.toPublicJWK());
        } catch (JOSEException e) {
            throw new IllegalStateException("The token signing key cannot verify", e);
        }
    }

    String keyId() {
        return key.getKeyID();
    }

    /** The public key as a JWK set, for anyone who verifies Catalyst's tokens. */
    public String publicJwkSet() {
        return "{\"keys\":[" + key.toPublicJWK().toJSONString() + "]}";
    }

    /** An EC JWK, or PEM text holding a PKCS#8 "PRIVATE KEY" and its "PUBLIC KEY" (see docs/configuration.md). */
    static ECKey parse(String text) {
        try {
            ECKey ec;
            if (text.trim().startsWith("{")) {
                ec = JWK.parse(text).toECKey();
            } else {
                KeyFactory factory = KeyFactory.getInstance("EC");
                ECPrivateKey privateKey = (ECPrivateKey) factory.generatePrivate(
                        new PKCS8EncodedKeySpec(pem(text, "PRIVATE KEY")));
                ECPublicKey publicKey = (ECPublicKey) factory.generatePublic(
                        new X509EncodedKeySpec(pem(text, "PUBLIC KEY")));
                ec = new ECKey.Builder(Curve.P_256, publicKey).privateKey(privateKey).build();
            }
            if (!Curve.P_256.equals(ec.getCurve()) || !ec.isPrivate()) {
                throw new IllegalStateException("CATALYST_JWT_SIGNING_KEY must be an EC P-256 private key");
            }
            return ec.getKeyID() != null ? ec : new ECKey.Builder(ec).keyIDFromThumbprint().build();
        } catch (java.text.ParseException | JOSEException | GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("CATALYST_JWT_SIGNING_KEY is neither an EC JWK nor PEM with a PKCS#8"
                    + " PRIVATE KEY and its PUBLIC KEY", e);
        }
    }

    private static byte[] pem(String text, String label) {
        Matcher block = Pattern.compile("-----BEGIN " + label + "-----([A-Za-z0-9+/=\\s]+)-----END " + label + "-----")
                .matcher(text);
        if (!block.find()) {
            throw new IllegalArgumentException("no " + label + " block");
        }
        return Base64.getMimeDecoder().decode(block.group(1));
    }

    static ECKey generate() {
        try {
            return new ECKeyGenerator(Curve.P_256).keyIDFromThumbprint(true).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
