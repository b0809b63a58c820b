package io.catalyst.core.identity;

import io.catalyst.core.database.SchemaReady;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The first platform administrator, so a new installation can be signed into. Created once, from
 * {@code CATALYST_BOOTSTRAP_ADMIN_EMAIL} and {@code CATALYST_BOOTSTRAP_ADMIN_PASSWORD}, when no platform admin exists;
 * never changed afterwards. {@code ./catalyst run} sets both and prints them.
 */
@ApplicationScoped
public class BootstrapAdmin {

    private static final Logger LOG = Logger.getLogger(BootstrapAdmin.class.getName());

    @Inject
    Users users;

    @Inject
    @ConfigProperty(name = "catalyst.bootstrap.admin.email")
    Optional<String> email;

    @Inject
    @ConfigProperty(name = "catalyst.bootstrap.admin.password")
    Optional<String> password;

    void onSchemaReady(@Observes SchemaReady ready) {
        if (email.isEmpty() || password.isEmpty() || users.platformAdminExists()) {
            return;
        }
        users.create(null, "system", email.get(), "Platform admin", password.get(),
                List.of(BuiltInRole.PLATFORM_ADMIN.id()));
        LOG.info(() -> "Created the first platform admin, " + email.get());
    }
}
