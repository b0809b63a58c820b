package io.catalyst.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginSigningToolTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        out.reset();
        err.reset();
        return PluginSigningTool.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void keygenSignVerifyRoundTripAndTamperDetection() throws IOException {
        Path keys = dir.resolve("keys");
        Path jar = TestPlugins.build(dir.resolve("build"),
                TestPlugins.Spec.of("signed", "1.0.0").endpoint("test.signed.Hello", "hello", "\"x\""));
        Path privateKey = keys.resolve(PluginSigningTool.PRIVATE_KEY_FILE);
        Path publicKey = keys.resolve(PluginSigningTool.PUBLIC_KEY_FILE);

        assertThat(run("keygen", keys.toString())).isZero();
        assertThat(Files.readString(privateKey)).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(Files.readString(publicKey)).startsWith("-----BEGIN PUBLIC KEY-----");
        assertThat(Files.getPosixFilePermissions(privateKey)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        String keyId = PluginSignatures.keyId(PluginSignatures.readPublicKey(Files.readString(publicKey)));
        assertThat(out.toString(StandardCharsets.UTF_8)).contains(keyId);

        assertThat(run("sign", jar.toString(), privateKey.toString())).isZero();
        assertThat(Files.readString(PluginSignatures.signatureFileOf(jar))).startsWith("ed25519:" + keyId + ":");

        assertThat(run("verify", jar.toString(), publicKey.toString())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("OK");

        byte[] bytes = Files.readAllBytes(jar);
        bytes[bytes.length - 10] ^= 0x20;
        Files.write(jar, bytes);
        assertThat(run("verify", jar.toString(), publicKey.toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("TAMPERED");
    }

    @Test
    void verifyNamesAnUntrustedKeyAndAMissingSignature() throws IOException {
        Path jar = dir.resolve("some.jar");
        Files.writeString(jar, "content");
        run("keygen", dir.resolve("a").toString());
        run("keygen", dir.resolve("b").toString());

        assertThat(run("verify", jar.toString(), dir.resolve("a/plugin-signing.pub").toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("UNSIGNED");

        run("sign", jar.toString(), dir.resolve("b/plugin-signing.key").toString());
        assertThat(run("verify", jar.toString(), dir.resolve("a/plugin-signing.pub").toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("UNTRUSTED_KEY");
    }

    @Test
    void refusesToOverwriteAKeyAndExplainsUsage() {
        assertThat(run("keygen", dir.toString())).isZero();
        assertThat(run("keygen", dir.toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("refusing to overwrite");

        for (List<String> wrong : List.of(List.<String>of(), List.of("sign", "only-one"), List.of("frobnicate", "x"))) {
            assertThat(run(wrong.toArray(String[]::new))).as("%s", wrong).isEqualTo(2);
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage:");
        }
    }

    @Test
    void signaturesAcceptPemOrBareBase64Keys() {
        var pair = PluginSignatures.generateKeyPair();
        String pem = PluginSignatures.toPem(pair.getPublic());
        String bare = pem.replaceAll("-----[A-Z ]+-----|\\s", "");

        assertThat(PluginSignatures.readPublicKey(bare)).isEqualTo(PluginSignatures.readPublicKey(pem));
        assertThat(PluginSignatures.publicKeyOf(pair.getPrivate())).isEqualTo(pair.getPublic());
        byte[] content = "x".getBytes(StandardCharsets.UTF_8);
        assertThat(new PluginSignatures(List.of(pair.getPublic()))
                .verify(content, PluginSignatures.sign(content, pair.getPrivate())).isValid()).isTrue();
        assertThat(new PluginSignatures(List.of(pair.getPublic())).verify(content, "garbage").verdict())
                .isEqualTo(SignatureCheck.Verdict.TAMPERED);
    }
}
