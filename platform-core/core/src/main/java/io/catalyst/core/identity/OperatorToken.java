package io.catalyst.core.identity;

import io.catalyst.core.database.SchemaReady;
import io.catalyst.core.tenancy.Scopes;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The {@code catalyst} CLI's credential on the machine that runs the server: at each start, a fresh platform token
 * of the bootstrap admin is written to {@code catalyst.operator.token-file} (mode 600), and the previous one is
 * revoked. Like Jenkins' initial admin password, whoever can read the server's state folder can administer it.
 */
@ApplicationScoped
public class OperatorToken {

    static final String NAME = "catalyst CLI (operator)";
    private static final Logger LOG = Logger.getLogger(OperatorToken.class.getName());
    private static final Duration LIFETIME = Duration.ofDays(30);

    @Inject
    PlatformTokens platformTokens;

    @Inject
    Scopes scopes;

    @Inject
    @ConfigProperty(name = "catalyst.operator.token-file")
    Optional<String> file;

    @Inject
    @ConfigProperty(name = "catalyst.bootstrap.admin.email")
    Optional<String> adminEmail;

    // after the bootstrap admin exists
    void onSchemaReady(@Observes @Priority(Interceptor.Priority.APPLICATION + 600) SchemaReady ready) {
        if (file.isEmpty() || adminEmail.isEmpty()) {
            return;
        }
        String email = adminEmail.get().trim().toLowerCase();
        Optional<UUID> admin = scopes.platform(em -> em.createQuery(
                        "select u.id from User u where lower(u.email) = :email", UUID.class)
                .setParameter("email", email).getResultList().stream().findFirst());
        if (admin.isEmpty()) {
            LOG.warning(() -> "No operator token: there is no account " + email);
            return;
        }
        try {
            platformTokens.revokeNamed(null, "system", admin.get(), NAME);
            List<String> permissions = Permissions.registry().all().stream().filter(Permission::platformWide)
                    .map(Permission::name).toList();
            PlatformTokens.Issued issued = platformTokens.issue(null, "system", admin.get(), NAME, permissions,
                    LIFETIME);
            write(Path.of(file.get()), issued.secret());
            LOG.info(() -> "Wrote the catalyst CLI's operator token (platform, 30 days) to " + file.get());
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "Could not write the operator token to " + file.get(), e);
        }
    }

    private static void write(Path target, String secret) throws IOException {
        Path parent = target.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temporary = Files.createTempFile(parent, ".operator-token", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(temporary, secret + "\n", StandardCharsets.UTF_8);
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
