package io.catalyst.core.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class TokenKeysTest {

    @Test
    void readsAPemKeyPairAndSignsWhatItVerifies() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = generator.generateKeyPair();
        String pem = block("PRIVATE KEY", pair.getPrivate().getEncoded()) + block("PUBLIC KEY",
                pair.getPublic().getEncoded());

        TokenKeys keys = new TokenKeys();
        keys.configured = java.util.Optional.of(pem);
        keys.load();
        JWSObject signed = new JWSObject(new JWSHeader(TokenKeys.ALGORITHM), new Payload("hello"));
        signed.sign(keys.signer());

        assertThat(JWSObject.parse(signed.serialize()).verify(keys.verifier())).isTrue();
        assertThat(keys.publicJwkSet()).contains("\"crv\":\"P-256\"").doesNotContain("\"d\"");
    }

    @Test
    void refusesAKeyItCannotUseWithAClearMessage() {
        assertThatThrownBy(() -> TokenKeys.parse("-----BEGIN EC PRIVATE KEY-----\nAAAA\n-----END EC PRIVATE KEY-----"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("PKCS#8");
    }

    @Test
    void withoutAConfiguredKeyItMakesOneForThisProcess() {
        TokenKeys keys = new TokenKeys();
        keys.configured = java.util.Optional.empty();
        keys.load();

        assertThat(keys.keyId()).isNotBlank();
    }

    private static String block(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder().encodeToString(der) + "\n-----END "
                + label + "-----\n";
    }
}
