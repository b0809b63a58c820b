package io.catalyst.core.plugins;

import io.catalyst.api.security.PermissionDeclaration;
import io.catalyst.api.security.PluginPermissions;
import io.catalyst.core.audit.AuditEntry;
import io.catalyst.core.audit.AuditLog;
import io.catalyst.core.database.SchemaReady;
import io.catalyst.core.identity.BuiltInRole;
import io.catalyst.core.identity.Permission;
import io.catalyst.core.identity.Permissions;
import io.catalyst.core.tenancy.Scopes;
import io.catalyst.core.web.Problem;
import io.catalyst.core.web.ProblemException;
import io.catalyst.core.web.ProblemType;
import io.catalyst.runtime.CatalogIndex;
import io.catalyst.runtime.Contribution;
import io.catalyst.runtime.PluginFailure;
import io.catalyst.runtime.PluginRuntime;
import io.catalyst.runtime.PluginSignatures;
import io.catalyst.runtime.PluginStatus;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The server's plugins: the {@link PluginRuntime} inside Liberty. The database is the truth of what is installed;
 * this node mirrors it into its plugins folder at start and every {@link #RECONCILE_SECONDS}, so every node of a
 * cluster converges on the same set without a restart. Installing records the very bytes and signature that were
 * checked; each node checks them again before loading.
 */
@ApplicationScoped
public class PluginHost {

    static final long RECONCILE_SECONDS = 20;
    private static final Logger LOG = Logger.getLogger(PluginHost.class.getName());

    @Resource
    ManagedExecutorService executor;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    Scopes scopes;

    @Inject
    AuditLog audit;

    @Inject
    PluginSchemas schemas;

    @Inject
    PluginDatabases databases;

    @Inject
    @ConfigProperty(name = "catalyst.plugins.dir")
    Optional<String> folder;

    @Inject
    @ConfigProperty(name = "catalyst.plugins.trusted-keys")
    Optional<List<String>> trustedKeys;

    @Inject
    @ConfigProperty(name = "catalyst.plugins.dev-mode", defaultValue = "false")
    boolean developmentMode;

    @Inject
    @ConfigProperty(name = "catalyst.plugins.call-timeout-seconds", defaultValue = "5")
    int callTimeoutSeconds;

    private volatile PluginRuntime runtime;
    private final Map<String, String> loaded = new ConcurrentHashMap<>(); // plugin id -> sha256 this node runs
    private final List<Runnable> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private ScheduledFuture<?> reconciling;
    private final java.util.concurrent.atomic.AtomicBoolean firstLoadDone = new java.util.concurrent.atomic.AtomicBoolean();

    // after the core's own startup work (bootstrap admin, operator token, demo tenants)
    void start(@Observes @Priority(Interceptor.Priority.APPLICATION + 800) SchemaReady ready) {
        try {
            Path dir = Path.of(folder.orElse(System.getProperty("server.output.dir", ".") + "/plugins"));
            if (developmentMode) {
                LOG.warning("PLUGIN DEVELOPMENT MODE IS ON: unsigned plugins are accepted. Never use it in production.");
            }
            clear(dir); // the database says what is installed; files left from an earlier run are stale
            runtime = new PluginRuntime(PluginRuntime.Config.of(dir, keys()).withDevelopmentMode(developmentMode)
                    .withCallTimeout(java.time.Duration.ofSeconds(callTimeoutSeconds))
                    .withPreparation(this::migrate), executor);
            // the first load runs on the scheduler, not here: calls into plugins run on managed threads, which
            // wait for the application to finish starting, and this observer is part of starting it
            reconciling = scheduler.scheduleWithFixedDelay(this::reconcileQuietly, 0, RECONCILE_SECONDS,
                    TimeUnit.SECONDS);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.SEVERE, "The plugin runtime did not start; Catalyst runs without plugins", e);
        }
    }

    @PreDestroy
    void stop() {
        if (reconciling != null) {
            reconciling.cancel(false);
        }
        if (runtime != null) {
            runtime.close();
        }
    }

    /** The runtime, for the REST, UI, job and event paths into plugins. */
    public PluginRuntime runtime() {
        if (runtime == null) {
            throw new ProblemException(ProblemType.SERVICE_UNAVAILABLE, "Plugins are not available yet.");
        }
        return runtime;
    }

    public boolean ready() {
        return runtime != null;
    }

    /** Whether this node has loaded the installed plugins at least once since it started. */
    public boolean loaded() {
        return firstLoadDone.get();
    }

    /** Called after the set of running plugins changed (jobs re-schedule). */
    public void onChange(Runnable listener) {
        listeners.add(listener);
    }

    public List<PluginStatus> list() {
        return runtime().list();
    }

    /**
     * Installs a plugin, or upgrades it when one of the same id is installed. Nothing is recorded unless this node
     * accepted the file; a refusal answers 422 with the reason.
     */
    public PluginStatus install(UUID actorId, String actor, byte[] jar, String signature) {
        Path staging = null;
        try {
            staging = Files.createTempDirectory("catalyst-plugin-upload");
            Path file = staging.resolve("upload.jar");
            Files.write(file, jar);
            if (signature != null && !signature.isBlank()) {
                Files.writeString(PluginSignatures.signatureFileOf(file), signature.trim() + "\n");
            }
            Optional<String> read = PluginRuntime.pluginIdOf(file);
            if (read.isEmpty()) {
                // the runtime names the better reason (a broken signature before a broken archive)
                throw refused(runtime().install(file).reason());
            }
            String id = read.get();
            Optional<PluginStatus> before = runtime().status(id).filter(s -> s.state() != PluginStatus.State.REFUSED);
            PluginStatus status;
            synchronized (this) {
                status = before.isPresent() ? runtime().upgrade(file) : runtime().install(file);
                if (status.state() == PluginStatus.State.REFUSED) {
                    throw refused(status.reason());
                }
                String sha = CatalogIndex.sha256(jar);
                record(id, status.version(), jar, signature, sha, actorId);
                loaded.put(id, sha);
                afterLoad(id);
            }
            audit.record(new AuditEntry(null, actorId, actor, before.isPresent() ? "plugins.plugin.upgraded"
                    : "plugins.plugin.installed", "plugin", id,
                    before.map(b -> Map.<String, Object>of("version", String.valueOf(b.version()))).orElse(null),
                    Map.of("version", status.version(), "state", status.state().name(),
                            "signature", status.signature() == null ? "none" : status.signature().verdict().name())));
            listeners.forEach(Runnable::run);
            return runtime().status(id).orElse(status);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(staging);
        }
    }

    /** Removes a plugin everywhere; tenants' settings stay for a reinstall. */
    public void uninstall(UUID actorId, String actor, String pluginId) {
        PluginStatus status = runtime().status(pluginId).orElseThrow(() ->
                new ProblemException(ProblemType.NOT_FOUND, "There is no plugin " + pluginId + "."));
        synchronized (this) {
            try {
                runtime().uninstall(pluginId);
                databases.retire(pluginId);
            } catch (IllegalStateException e) {
                throw new ProblemException(ProblemType.CONFLICT, e.getMessage());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            scopes.platform(em -> Scopes.sql(em, "delete from plugin_install where plugin_id = ?1")
                    .setParameter(1, pluginId).executeUpdate());
            loaded.remove(pluginId);
        }
        audit.record(new AuditEntry(null, actorId, actor, "plugins.plugin.uninstalled", "plugin", pluginId,
                Map.of("version", String.valueOf(status.version())), null));
        listeners.forEach(Runnable::run);
    }

    /** Turns a plugin back on after it FAILED or was disabled, for every tenant. */
    public PluginStatus restart(UUID actorId, String actor, String pluginId) {
        PluginStatus before = runtime().status(pluginId).orElseThrow(() ->
                new ProblemException(ProblemType.NOT_FOUND, "There is no plugin " + pluginId + "."));
        PluginStatus after = runtime().enable(pluginId);
        audit.record(new AuditEntry(null, actorId, actor, "plugins.plugin.restarted", "plugin", pluginId,
                Map.of("state", before.state().name()), Map.of("state", after.state().name())));
        listeners.forEach(Runnable::run);
        return after;
    }

    /** The permissions each running plugin declares, by plugin. */
    public Map<String, List<PermissionDeclaration>> declaredPermissions() {
        Map<String, List<PermissionDeclaration>> declared = new HashMap<>();
        for (Contribution<PluginPermissions> c : runtime().extensions(PluginPermissions.class)) {
            try {
                declared.computeIfAbsent(c.pluginId(), id -> new ArrayList<>())
                        .addAll(runtime().call(c, "permissions", PluginPermissions::permissions));
            } catch (PluginFailure e) {
                LOG.warning(e.getMessage());
            }
        }
        return declared;
    }

    /** Makes this node run exactly what the database says is installed. */
    synchronized void reconcile() throws IOException {
        List<Object[]> rows = scopes.platform(em -> {
            @SuppressWarnings("unchecked")
            List<Object[]> found = Scopes.sql(em, "select plugin_id, sha256 from plugin_install").getResultList();
            return found;
        });
        Map<String, String> wanted = new HashMap<>();
        rows.forEach(row -> wanted.put((String) row[0], (String) row[1]));
        boolean changed = false;
        for (String id : List.copyOf(loaded.keySet())) {
            if (!wanted.containsKey(id)) {
                if (runtime.status(id).isPresent()) {
                    runtime.uninstall(id);
                }
                databases.close(id);
                loaded.remove(id);
                changed = true;
            }
        }
        for (Map.Entry<String, String> want : wanted.entrySet()) {
            if (!want.getValue().equals(loaded.get(want.getKey()))) {
                changed |= fetchAndLoad(want.getKey(), want.getValue());
            }
        }
        if (changed) {
            listeners.forEach(Runnable::run);
        }
    }

    private boolean fetchAndLoad(String id, String sha) throws IOException {
        Object[] row = scopes.platform(em -> (Object[]) Scopes.sql(em, "select jar, signature from plugin_install"
                + " where plugin_id = ?1").setParameter(1, id).getSingleResult());
        Path staging = Files.createTempDirectory("catalyst-plugin-sync");
        try {
            Path file = staging.resolve(id + ".jar");
            Files.write(file, (byte[]) row[0]);
            if (row[1] != null) {
                Files.writeString(PluginSignatures.signatureFileOf(file), (String) row[1]);
            }
            boolean running = runtime.status(id).filter(s -> s.state() != PluginStatus.State.REFUSED).isPresent();
            PluginStatus status = running ? runtime.upgrade(file) : runtime.install(file);
            loaded.put(id, sha); // even if refused here: retrying every round would not change the verdict
            if (status.state() != PluginStatus.State.REFUSED) {
                afterLoad(id);
            }
            LOG.info(() -> "Plugin " + id + " " + status.version() + " loaded from the database: " + status.state()
                    + (status.reason() == null ? "" : " (" + status.reason() + ")"));
            return true;
        } finally {
            deleteQuietly(staging);
        }
    }

    private void reconcileQuietly() {
        try {
            reconcile();
            firstLoadDone.set(true);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "Could not bring the plugins in line with the database", e);
        }
    }

    /** Before a plugin starts, so that it never runs without its tables: its schema is migrated. */
    private void migrate(String id, ClassLoader loader) {
        try {
            schemas.migrate(id, loader);
        } catch (RuntimeException e) {
            throw new IllegalStateException("its database migrations failed: " + rootMessage(e), e);
        }
    }

    /** A plugin just started: its permissions join the registry. */
    private void afterLoad(String id) {
        for (Contribution<PluginPermissions> c : runtime.extensions(PluginPermissions.class)) {
            if (!c.pluginId().equals(id)) {
                continue;
            }
            try {
                for (PermissionDeclaration p : runtime.call(c, "permissions", PluginPermissions::permissions)) {
                    if (!p.name().startsWith(id + ":")) {
                        LOG.warning(() -> "Plugin " + id + " declares " + p.name() + ", outside its own domain "
                                + id + ":, which is ignored");
                        continue;
                    }
                    Permissions.registry().declare(new Permission(p.name(), p.description(), id));
                    p.grantedTo().forEach(role -> BuiltInRole.of(role)
                            .ifPresent(r -> Permissions.registry().grant(r, p.name())));
                }
            } catch (PluginFailure e) {
                LOG.warning(e.getMessage());
            }
        }
    }

    private void record(String id, String version, byte[] jar, String signature, String sha, UUID actorId) {
        scopes.platform(em -> Scopes.sql(em, "insert into plugin_install (plugin_id, version, jar, signature, sha256,"
                        + " installed_by) values (?1, ?2, ?3, ?4, ?5, ?6) on conflict (plugin_id) do update set"
                        + " version = excluded.version, jar = excluded.jar, signature = excluded.signature,"
                        + " sha256 = excluded.sha256, installed_by = excluded.installed_by, installed_at = now()")
                .setParameter(1, id).setParameter(2, version).setParameter(3, jar)
                .setParameter(4, signature == null || signature.isBlank() ? null : signature.trim() + "\n")
                .setParameter(5, sha).setParameter(6, actorId).executeUpdate());
    }

    private List<PublicKey> keys() {
        List<PublicKey> keys = new ArrayList<>();
        for (String entry : trustedKeys.orElse(List.of())) {
            String value = entry.trim();
            if (value.isEmpty()) {
                continue;
            }
            try {
                Path file = Path.of(value);
                keys.add(PluginSignatures.readPublicKey(Files.isRegularFile(file) ? Files.readString(file) : value));
            } catch (IOException | RuntimeException e) {
                LOG.warning(() -> "Ignoring a trusted plugin key that cannot be read (" + value + "): " + e.getMessage());
            }
        }
        LOG.info(() -> "Plugin signatures: " + keys.size() + " trusted key(s)"
                + (developmentMode ? "; development mode accepts unsigned plugins" : ""));
        return keys;
    }

    /** A plugin file refused, with the reason for operators; uploads and the marketplace answer alike. */
    static ProblemException refused(String reason) {
        return new ProblemException(ProblemType.PLUGIN_REFUSED, "The plugin was refused: " + reason,
                List.of(new Problem.FieldError("plugin", reason)), null);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    private static void clear(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.fine(() -> "Could not remove " + dir + ": " + e.getMessage());
        }
    }
}
