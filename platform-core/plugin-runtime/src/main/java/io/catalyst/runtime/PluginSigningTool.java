package io.catalyst.runtime;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.List;

/**
 * Command line for plugin signing keys and signatures, behind {@code ./catalyst plugins keygen|sign|verify}.
 *
 * <pre>
 * keygen &lt;dir&gt;                     writes dir/plugin-signing.key (PKCS#8 PEM, owner-only) and .pub (X.509 PEM)
 * sign &lt;jar&gt; &lt;privateKeyFile&gt;      writes jar.sig
 * verify &lt;jar&gt; &lt;publicKeyFile&gt;     checks jar against jar.sig
 * </pre>
 * Exit codes: 0 success; 1 the check failed or the operation could not be done; 2 wrong usage.
 */
public final class PluginSigningTool {

    static final String PRIVATE_KEY_FILE = "plugin-signing.key";
    static final String PUBLIC_KEY_FILE = "plugin-signing.pub";

    private static final String USAGE = """
            usage: plugins keygen <dir>
                   plugins sign <jar> <privateKeyFile>
                   plugins verify <jar> <publicKeyFile>""";

    private PluginSigningTool() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs one command; returns the exit code. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        List<String> a = List.of(args);
        try {
            if (a.size() == 2 && a.get(0).equals("keygen")) {
                return keygen(Path.of(a.get(1)), out, err);
            }
            if (a.size() == 3 && a.get(0).equals("sign")) {
                return sign(Path.of(a.get(1)), Path.of(a.get(2)), out, err);
            }
            if (a.size() == 3 && a.get(0).equals("verify")) {
                return verify(Path.of(a.get(1)), Path.of(a.get(2)), out, err);
            }
        } catch (IOException e) {
            err.println("error: " + e);
            return 1;
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
        err.println(USAGE);
        return 2;
    }

    private static int keygen(Path dir, PrintStream out, PrintStream err) throws IOException {
        Path privateFile = dir.resolve(PRIVATE_KEY_FILE);
        Path publicFile = dir.resolve(PUBLIC_KEY_FILE);
        if (Files.exists(privateFile) || Files.exists(publicFile)) {
            err.println("error: " + dir + " already holds a signing key; refusing to overwrite it");
            return 1;
        }
        Files.createDirectories(dir);
        KeyPair pair = PluginSignatures.generateKeyPair();
        writeOwnerOnly(privateFile, PluginSignatures.toPem(pair.getPrivate()));
        Files.writeString(publicFile, PluginSignatures.toPem(pair.getPublic()), StandardCharsets.US_ASCII);
        out.println("key " + PluginSignatures.keyId(pair.getPublic()) + " written:");
        out.println("  private (keep secret): " + privateFile);
        out.println("  public (give to hosts that should trust it): " + publicFile);
        return 0;
    }

    private static int sign(Path jar, Path privateKeyFile, PrintStream out, PrintStream err) throws IOException {
        if (!Files.isRegularFile(jar)) {
            err.println("error: no such file " + jar);
            return 1;
        }
        PrivateKey key = PluginSignatures.readPrivateKey(Files.readString(privateKeyFile, StandardCharsets.US_ASCII));
        Path signature = PluginSignatures.signFile(jar, key);
        out.println("signed " + jar + " with key " + PluginSignatures.keyId(PluginSignatures.publicKeyOf(key))
                + " -> " + signature);
        return 0;
    }

    private static int verify(Path jar, Path publicKeyFile, PrintStream out, PrintStream err) throws IOException {
        if (!Files.isRegularFile(jar)) {
            err.println("error: no such file " + jar);
            return 1;
        }
        PublicKey key = PluginSignatures.readPublicKey(Files.readString(publicKeyFile, StandardCharsets.US_ASCII));
        SignatureCheck check = new PluginSignatures(List.of(key)).verify(jar);
        if (check.isValid()) {
            out.println("OK " + jar + ": " + check.reason());
            return 0;
        }
        err.println(check.verdict() + " " + jar + ": " + check.reason());
        return 1;
    }

    private static void writeOwnerOnly(Path file, String text) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file); // not a POSIX file system
        } catch (FileAlreadyExistsException e) {
            throw new IOException(file + " already exists", e);
        }
        Files.writeString(file, text, StandardCharsets.US_ASCII);
    }
}
