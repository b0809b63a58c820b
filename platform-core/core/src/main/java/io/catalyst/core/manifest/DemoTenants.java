package io.catalyst.core.manifest;

import io.catalyst.core.database.SchemaReady;
import io.catalyst.core.identity.Users;
import io.catalyst.core.tenancy.Logos;
import io.catalyst.core.tenancy.Tenant;
import io.catalyst.core.tenancy.Tenants;
import io.catalyst.core.web.ProblemException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The demo companies of a new installation: on the first start (no tenant exists yet), each manifest in
 * {@code catalyst.demo.manifests} is applied, and its people get accounts with {@code catalyst.demo.password} so they
 * can sign in at once instead of waiting for an invitation; a {@code <slug>.png} beside a manifest becomes that
 * company's logo. {@code ./catalyst run} points both at {@code tenants/}
 * and {@code .catalyst/demo-password}; production leaves them unset.
 */
@ApplicationScoped
public class DemoTenants {

    private static final Logger LOG = Logger.getLogger(DemoTenants.class.getName());

    @Inject
    Tenants tenants;

    @Inject
    Users users;

    @Inject
    TenantManifests manifests;

    @Inject
    DemoSources sources;

    @Inject
    Logos logos;

    @Inject
    @ConfigProperty(name = "catalyst.demo.manifests")
    Optional<String> folder;

    @Inject
    @ConfigProperty(name = "catalyst.demo.password")
    Optional<String> password;

    // after the bootstrap admin and the operator token
    void onSchemaReady(@Observes @Priority(Interceptor.Priority.APPLICATION + 700) SchemaReady ready) {
        if (folder.isEmpty() || password.isEmpty() || !tenants.all().isEmpty()) {
            return;
        }
        List<Path> files;
        try (Stream<Path> listed = Files.list(Path.of(folder.get()))) {
            files = listed.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).sorted()
                    .toList();
        } catch (IOException e) {
            LOG.warning(() -> "No demo tenants: cannot read " + folder.get() + ": " + e.getMessage());
            return;
        }
        List<Tenant> applied = new java.util.ArrayList<>();
        for (Path file : files) {
            try {
                TenantManifest manifest = Manifests.read(Files.readString(file));
                for (TenantManifest.User user : manifest.users()) {
                    if (users.accountId(user.email()).isEmpty()) {
                        users.create(null, "system (demo)", user.email(),
                                user.name() == null ? user.email() : user.name(), password.get(), List.of());
                    }
                }
                TenantManifests.Applied done = manifests.apply(null, "system (demo)", manifest);
                Path logo = file.resolveSibling(done.slug() + ".png"); // an image is not manifest material
                if (Files.isRegularFile(logo)) {
                    logos.save(null, "system (demo)", done.tenantId(), Files.readAllBytes(logo));
                }
                tenants.bySlug(done.slug()).ifPresent(applied::add);
                LOG.info(() -> "Demo tenant " + done.slug() + " from " + file.getFileName() + ": "
                        + String.join(", ", done.changes()));
            } catch (IOException | ProblemException e) {
                String detail = e instanceof ProblemException problem ? problem.getMessage() + " " + problem.errors()
                        : e.getMessage();
                LOG.warning(() -> "Demo manifest " + file + " was not applied: " + detail);
            }
        }
        sources.prepare(applied);
    }
}
