package io.catalyst.runtime;

import io.catalyst.api.PluginApi;
import io.catalyst.runtime.PluginStatus.State;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.pf4j.PluginDependency;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;

/**
 * Installs, upgrades, removes and runs plugins, and is the one path through which the host calls plugin code.
 *
 * <p>Every file is checked before anything of it reaches the plugins folder or a class loader: signature, jar
 * structure, manifest, {@code Plugin-Requires} and dependencies. A bad plugin is refused with a reason and the others
 * keep working. Lifecycle operations are serialized by one lock (PF4J is not thread-safe); lookups and calls are not
 * blocked by it while no lifecycle operation runs.
 */
public final class PluginRuntime implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(PluginRuntime.class.getName());

    /**
     * Runtime settings.
     *
     * @param pluginsDir      folder holding the installed jars and their {@code .sig} files
     * @param systemVersion   what {@code Plugin-Requires} is checked against
     * @param trustedKeys     Ed25519 keys whose signatures are accepted
     * @param developmentMode accept unsigned plugins (with a warning); never in production
     * @param callTimeout     default time limit of a call into a plugin
     */
    public record Config(Path pluginsDir, String systemVersion, Collection<PublicKey> trustedKeys,
                         boolean developmentMode, Duration callTimeout, Preparation preparation) {

        /** Production defaults: the current API version, signatures required, 5 second calls, nothing to prepare. */
        public static Config of(Path pluginsDir, Collection<PublicKey> trustedKeys) {
            return new Config(pluginsDir, PluginApi.VERSION, trustedKeys, false, Duration.ofSeconds(5),
                    (id, loader) -> { });
        }

        /** The same settings with development mode on or off. */
        public Config withDevelopmentMode(boolean on) {
            return new Config(pluginsDir, systemVersion, trustedKeys, on, callTimeout, preparation);
        }

        /** The same settings with another default call timeout. */
        public Config withCallTimeout(Duration timeout) {
            return new Config(pluginsDir, systemVersion, trustedKeys, developmentMode, timeout, preparation);
        }

        /** The same settings with host work that must be done before each start (a plugin's migrations). */
        public Config withPreparation(Preparation work) {
            return new Config(pluginsDir, systemVersion, trustedKeys, developmentMode, callTimeout, work);
        }
    }

    /**
     * The host's own work for a plugin before it starts, such as migrating its tables, so that nobody can call a
     * plugin that reports STARTED while its tables are not there yet. A throw keeps the plugin from starting: it is
     * FAILED with the message.
     */
    @FunctionalInterface
    public interface Preparation {
        void prepare(String pluginId, ClassLoader pluginLoader) throws Exception;
    }

    /** Plugin code run by {@link #call}; may throw anything. */
    @FunctionalInterface
    public interface ExtensionCall<T, R> {
        R apply(T extension) throws Exception;
    }

    /** A plugin's runtime record: its status, installed file and cached extension instances. */
    private record Entry(PluginStatus status, Path file, List<Object> extensions) {
        Entry with(State state, String reason) {
            return new Entry(status.with(state, reason), file, List.of());
        }
    }

    private final Config config;
    private final HostPluginManager manager;
    private final PluginSignatures signatures;
    private final SafeInvoker invoker;
    private final SafeInvoker calls;
    private final CallBreaker breaker = new CallBreaker(java.time.Clock.systemUTC());
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    /**
     * @param executor runs every call into plugin code (in the server, a ManagedExecutorService); not shut down here
     */
    public PluginRuntime(Config config, ExecutorService executor) throws IOException {
        this.config = config;
        Files.createDirectories(config.pluginsDir());
        this.manager = new HostPluginManager(config.pluginsDir(), config.systemVersion());
        this.signatures = new PluginSignatures(config.trustedKeys());
        this.invoker = new SafeInvoker(executor, this::markFailed);
        this.calls = new SafeInvoker(executor, (id, loader, reason) -> { }); // the breaker decides, in call()
    }

    /**
     * Loads and starts every jar in the plugins folder, at host startup. Bad files are recorded as REFUSED with their
     * reason and skipped.
     */
    public List<PluginStatus> loadInstalled() throws IOException {
        lock.lock();
        try {
            List<Candidate> candidates = new ArrayList<>();
            Set<String> seen = new LinkedHashSet<>(entries.keySet());
            try (DirectoryStream<Path> jars = Files.newDirectoryStream(config.pluginsDir(), "*.jar")) {
                for (Path jar : sorted(jars)) {
                    Candidate candidate = inspect(jar);
                    if (candidate.refusal != null) {
                        String key = candidate.file == null ? jar.getFileName().toString() : candidate.file.id();
                        entries.put(key, new Entry(candidate.refusedStatus(jar), jar, List.of()));
                    } else if (!seen.add(candidate.file.id())) {
                        entries.put(jar.getFileName().toString(), new Entry(
                                candidate.refused("another installed file has the same Plugin-Id "
                                        + candidate.file.id()).refusedStatus(jar), jar, List.of()));
                    } else {
                        candidates.add(candidate.at(jar));
                    }
                }
            }
            activate(candidates);
            return list();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Installs a plugin jar (with {@code <jar>.sig} beside it) and starts it.
     *
     * @return its status: STARTED, FAILED if it would not start, or REFUSED (nothing installed) with the reason
     */
    public PluginStatus install(Path jar) throws IOException {
        lock.lock();
        try {
            Candidate candidate = inspect(jar);
            if (candidate.refusal == null && manager.getPlugin(candidate.file.id()) != null) {
                candidate = candidate.refused("plugin " + candidate.file.id() + " is already installed; upgrade it");
            }
            if (candidate.refusal == null) {
                candidate = checkDependencies(candidate, loadedVersions());
            }
            if (candidate.refusal != null) {
                return candidate.refusedStatus(jar);
            }
            String id = candidate.file.id();
            Entry stale = entries.get(id);
            Path target = write(candidate, jar);
            if (stale != null && stale.file() != null && !stale.file().equals(target)) {
                deleteFiles(stale.file()); // the copy refused at startup is replaced by this one
            }
            activate(List.of(candidate.at(target)));
            PluginStatus status = entries.get(id).status();
            if (status.state() == State.REFUSED) {
                entries.remove(id);
                deleteFiles(target);
            }
            return status;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Replaces an installed plugin by a new version of the same id without a restart. Plugins depending on it are
     * restarted on the new version. A refused file changes nothing.
     */
    public PluginStatus upgrade(Path jar) throws IOException {
        lock.lock();
        try {
            Candidate candidate = inspect(jar);
            if (candidate.refusal != null) {
                return candidate.refusedStatus(jar);
            }
            String id = candidate.file.id();
            Entry old = entries.get(id);
            if (old == null || manager.getPlugin(id) == null) {
                return candidate.refused("plugin " + id + " is not installed; install it").refusedStatus(jar);
            }
            String installed = old.status().version();
            String offered = candidate.file.descriptor.getVersion();
            int order = manager.getVersionManager().compareVersions(offered, installed);
            if (order < 0) {
                return candidate.refused("version " + offered + " is older than the installed " + installed
                        + "; a plugin is never downgraded in place: uninstall it first").refusedStatus(jar);
            }
            if (order == 0) {
                if (Arrays.equals(candidate.file.content, Files.readAllBytes(old.file()))) {
                    return old.status(); // the same file again: nothing to do
                }
                return candidate.refused("version " + offered + " is installed already with other contents; give"
                        + " the new build a higher Plugin-Version").refusedStatus(jar);
            }
            Map<String, String> available = loadedVersions();
            available.remove(id);
            candidate = checkDependencies(candidate, available);
            if (candidate.refusal != null) {
                return candidate.refusedStatus(jar);
            }
            List<String> dependents = dependentsOf(id);
            manager.unloadPlugin(id); // also stops and unloads the dependents
            deleteFiles(old.file());
            Path target = write(candidate, jar);
            List<Candidate> restart = new ArrayList<>(List.of(candidate.at(target)));
            for (String dependent : dependents) {
                Path file = entries.get(dependent).file();
                restart.add(inspect(file).at(file));
            }
            activate(restart);
            LOG.info(() -> "Plugin " + id + " upgraded from " + old.status().version() + " to "
                    + entries.get(id).status().version());
            return entries.get(id).status();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Stops and removes a plugin and its files.
     *
     * @throws IllegalArgumentException if nothing is known by that id
     * @throws IllegalStateException    if installed plugins depend on it
     */
    public void uninstall(String pluginId) throws IOException {
        lock.lock();
        try {
            Entry entry = entries.get(pluginId);
            if (entry == null) {
                throw new IllegalArgumentException("no plugin " + pluginId);
            }
            List<String> dependents = dependentsOf(pluginId);
            if (!dependents.isEmpty()) {
                throw new IllegalStateException("plugin " + pluginId + " is needed by " + dependents);
            }
            if (manager.getPlugin(pluginId) != null) {
                manager.unloadPlugin(pluginId);
            }
            entries.remove(pluginId);
            deleteFiles(entry.file());
            LOG.info(() -> "Plugin " + pluginId + " uninstalled");
        } finally {
            lock.unlock();
        }
    }

    /** Switches a plugin off for everyone, across restarts, until {@link #enable}. */
    public PluginStatus disable(String pluginId) {
        lock.lock();
        try {
            Entry entry = requireLoaded(pluginId);
            manager.disablePlugin(pluginId);
            entries.put(pluginId, entry.with(State.DISABLED, "disabled by an operator"));
            markStoppedDependents(pluginId);
            return entries.get(pluginId).status();
        } finally {
            lock.unlock();
        }
    }

    /** Starts a DISABLED or FAILED plugin again. */
    public PluginStatus enable(String pluginId) {
        lock.lock();
        try {
            Entry entry = requireLoaded(pluginId);
            if (entry.status().state() == State.STARTED) {
                return entry.status();
            }
            manager.enablePlugin(pluginId);
            if (manager.getPlugin(pluginId).getPluginState().isStarted()) {
                manager.stopPlugin(pluginId); // a FAILED plugin restarts from a clean start()
            }
            start(pluginId, entry);
            return entries.get(pluginId).status();
        } finally {
            lock.unlock();
        }
    }

    /** Every known plugin file and plugin, by id. */
    public List<PluginStatus> list() {
        return entries.values().stream().map(Entry::status)
                .sorted(Comparator.comparing(PluginStatus::pluginId)).toList();
    }

    /** One plugin's status. */
    /** The plugin id in a jar's manifest, or empty when the file is not a readable plugin jar. */
    public static Optional<String> pluginIdOf(Path jar) throws IOException {
        try {
            return Optional.of(PluginFile.read(jar).id());
        } catch (PluginFile.Unreadable e) {
            return Optional.empty();
        }
    }

    public Optional<PluginStatus> status(String pluginId) {
        return Optional.ofNullable(entries.get(pluginId)).map(Entry::status);
    }

    /** A STARTED plugin's extensions of one type (the same instances every time); empty otherwise. */
    public <T> List<T> extensions(String pluginId, Class<T> type) {
        Entry entry = entries.get(pluginId);
        if (entry == null || entry.status().state() != State.STARTED) {
            return List.of();
        }
        return entry.extensions().stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** Every STARTED plugin's extensions of one type, ordered by plugin id. */
    public <T> List<Contribution<T>> extensions(Class<T> type) {
        return entries.keySet().stream().sorted()
                .flatMap(id -> extensions(id, type).stream().map(e -> new Contribution<>(id, e)))
                .toList();
    }

    /** Calls plugin code with the default time limit. See {@link #call(Contribution, String, Duration, ExtensionCall)}. */
    public <T, R> R call(Contribution<T> target, String operation, ExtensionCall<T, R> body) {
        return call(target, operation, config.callTimeout(), body);
    }

    /**
     * Calls plugin code: UI, REST, jobs and listeners all come through here. On the caller's executor, with a time
     * limit and the plugin's class loader as context loader.
     *
     * @param operation what is being done, for the failure reason, e.g. {@code GET leads/{id}}
     * @throws PluginFailure                     if the plugin is not running, throws, or runs past the limit; it is
     *                                           then marked FAILED while all other plugins go on
     * @throws io.catalyst.api.PluginProblem     the plugin's deliberate error answer, passed through
     */
    public <T, R> R call(Contribution<T> target, String operation, Duration timeout, ExtensionCall<T, R> body) {
        return call(target, HOST_CALLER, operation, timeout, body);
    }

    /** Calls plugin code for a caller (a tenant's id): see {@link #call(Contribution, String, Duration, ExtensionCall)}. */
    public <T, R> R call(Contribution<T> target, String caller, String operation, ExtensionCall<T, R> body) {
        return call(target, caller, operation, config.callTimeout(), body);
    }

    /**
     * Calls plugin code for a caller. A failure fails this call; repeated failures pause the plugin for this caller
     * only, and failures for several callers fail the plugin (see {@link CallBreaker}).
     *
     * @param caller who the call is for, usually a tenant's id; {@link #HOST_CALLER} for the host's own questions
     */
    public <T, R> R call(Contribution<T> target, String caller, String operation, Duration timeout,
                         ExtensionCall<T, R> body) {
        String id = target.pluginId();
        Entry entry = entries.get(id);
        if (entry == null || entry.status().state() != State.STARTED) {
            String state = entry == null ? "not installed" : entry.status().state() + ": " + entry.status().reason();
            throw new PluginFailure(id, "is " + state, null);
        }
        if (breaker.paused(id, caller)) {
            throw new PluginFailure(id, "is paused for this caller after " + CallBreaker.PAUSE_AFTER
                    + " failures in a row; it is tried again within " + CallBreaker.WINDOW.toMinutes() + " minutes", null);
        }
        ClassLoader loader = target.extension().getClass().getClassLoader();
        try {
            return calls.invoke(id, loader, operation, timeout, () -> body.apply(target.extension()));
        } catch (PluginFailure failure) {
            LOG.log(Level.WARNING, failure.getCause(), () -> "Plugin " + id + ": " + failure.getMessage());
            if (breaker.failed(id, caller)) {
                markFailed(id, loader, failure.getMessage().replaceFirst("^plugin " + id + ": ", "")
                        + " (and failed for " + CallBreaker.FAIL_AFTER_CALLERS + " callers within "
                        + CallBreaker.WINDOW.toMinutes() + " minutes)");
            }
            throw failure;
        }
    }

    /** The caller of calls the host makes for nobody in particular (a plugin's name, path, permissions). */
    public static final String HOST_CALLER = "host";

    /** A STARTED plugin's class loader, for the host to read the plugin's own resources (its migrations). */
    public Optional<ClassLoader> classLoader(String pluginId) {
        Entry entry = entries.get(pluginId);
        PluginWrapper plugin = manager.getPlugin(pluginId);
        return entry == null || plugin == null || entry.status().state() != State.STARTED
                ? Optional.empty() : Optional.of(plugin.getPluginClassLoader());
    }

    /** Marks a STARTED plugin FAILED for a reason the host found (such as a migration that broke the rules). */
    public void fail(String pluginId, String reason) {
        classLoader(pluginId).ifPresent(loader -> markFailed(pluginId, loader, reason));
    }

    // loading runs once, often while the whole server starts and the JIT is cold: a slow start is not a hang
    private Duration loadTimeout() {
        Duration floor = Duration.ofSeconds(60);
        return config.callTimeout().compareTo(floor) > 0 ? config.callTimeout() : floor;
    }

    /** Stops and unloads everything, at host shutdown. */
    @Override
    public void close() {
        lock.lock();
        try {
            manager.stopPlugins();
            manager.unloadPlugins();
            entries.clear();
        } finally {
            lock.unlock();
        }
    }

    // ---- checks -------------------------------------------------------------------------------------------------

    /** A file on its way in, or the reason it may not come in. */
    private record Candidate(PluginFile file, SignatureCheck signature, String refusal, Path installed) {

        Candidate refused(String reason) {
            return new Candidate(file, signature, reason, installed);
        }

        Candidate at(Path path) {
            return new Candidate(file, signature, refusal, path);
        }

        PluginStatus refusedStatus(Path jar) {
            return file == null
                    ? new PluginStatus(jar.getFileName().toString(), null, null, null, Set.of(), State.REFUSED,
                            refusal, Instant.now(), signature)
                    : status(State.REFUSED, refusal);
        }

        PluginStatus status(State state, String reason) {
            PluginDescriptor d = file.descriptor;
            return new PluginStatus(d.getPluginId(), d.getVersion(), d.getProvider(), d.getPluginDescription(),
                    file.egressHosts, state, reason, Instant.now(), signature);
        }
    }

    /** Signature first, then structure, manifest and {@code Plugin-Requires}. */
    private Candidate inspect(Path jar) throws IOException {
        PluginFile file;
        try {
            file = PluginFile.read(jar);
        } catch (PluginFile.Unreadable e) {
            // a bad signature is the more useful reason: the file may be fine and the damage done in transit
            SignatureCheck signature = signatures.verify(Files.readAllBytes(jar), PluginSignatures.signatureFileOf(jar));
            return new Candidate(null, signature, signatureRefusal(signature).orElse(e.getMessage()), null);
        }
        SignatureCheck signature = signatures.verify(file.content, PluginSignatures.signatureFileOf(jar));
        Candidate candidate = new Candidate(file, signature, null, null);
        Optional<String> refusal = signatureRefusal(signature);
        if (refusal.isPresent()) {
            return candidate.refused(refusal.get());
        }
        if (!signature.isValid()) {
            LOG.warning(() -> "!!! Plugin " + file.id() + " is UNSIGNED and runs only because development mode is on."
                    + " Never use development mode in production. !!!");
        }
        String version = file.descriptor.getVersion();
        if (!isSemanticVersion(version)) {
            return candidate.refused("Plugin-Version '" + version + "' is not a semantic version like 1.2.0");
        }
        if (!manager.isCompatible(file.descriptor)) {
            return candidate.refused("incompatible: Plugin-Requires '" + file.descriptor.getRequires()
                    + "' does not accept plugin API " + config.systemVersion());
        }
        return candidate;
    }

    /** Why a signature check keeps a file out; empty when it may come in. */
    private Optional<String> signatureRefusal(SignatureCheck signature) {
        return switch (signature.verdict()) {
            case VALID -> Optional.empty();
            case UNSIGNED -> config.developmentMode() ? Optional.empty() : Optional.of("unsigned: "
                    + signature.reason() + " (only development mode accepts unsigned plugins)");
            case TAMPERED -> Optional.of(signature.verdict() + ": " + signature.reason());
            case UNTRUSTED_KEY -> Optional.of(signature.verdict() + ": " + signature.reason() + ". A platform operator"
                    + " who trusts this signer adds its public key to the host's trusted keys"
                    + " (CATALYST_PLUGINS_TRUSTED_KEYS) and restarts the server");
        };
    }

    private Candidate checkDependencies(Candidate candidate, Map<String, String> availableVersions) {
        for (PluginDependency dependency : candidate.file.descriptor.getDependencies()) {
            String found = availableVersions.get(dependency.getPluginId());
            String wanted = dependency.getPluginVersionSupport();
            if (found == null && !dependency.isOptional()) {
                return candidate.refused("missing dependency " + dependency.getPluginId()
                        + ("*".equals(wanted) ? "" : "@" + wanted));
            }
            if (found != null && !manager.getVersionManager().checkVersionConstraint(found, wanted)) {
                return candidate.refused("dependency " + dependency.getPluginId() + " is version " + found
                        + " but " + wanted + " is needed");
            }
        }
        return candidate;
    }

    private boolean isSemanticVersion(String version) {
        try {
            manager.getVersionManager().compareVersions(version, "0.0.0");
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    // ---- lifecycle ----------------------------------------------------------------------------------------------

    /**
     * Loads and starts candidates in dependency order. A candidate whose dependencies are missing, or only reachable
     * through a cycle, is refused; the others go on.
     */
    private void activate(List<Candidate> candidates) {
        List<Candidate> pending = new ArrayList<>();
        for (Candidate candidate : candidates) {
            if (candidate.refusal != null) {
                refuse(candidate); // e.g. a dependent whose file no longer passes after its dependency's upgrade
            } else {
                pending.add(candidate);
            }
        }
        boolean progress = true;
        while (!pending.isEmpty() && progress) {
            progress = false;
            Map<String, String> available = loadedVersions();
            pending.forEach(c -> available.putIfAbsent(c.file.id(), c.file.descriptor.getVersion()));
            for (Candidate candidate : List.copyOf(pending)) {
                Candidate checked = checkDependencies(candidate, available);
                if (checked.refusal != null) {
                    refuse(checked);
                    pending.remove(candidate);
                    progress = true;
                } else if (dependenciesLoaded(candidate, pending)) {
                    load(candidate);
                    pending.remove(candidate);
                    progress = true;
                }
            }
        }
        pending.forEach(c -> refuse(c.refused("dependency cycle among " + pending.stream()
                .map(p -> p.file.id()).toList())));
    }

    private boolean dependenciesLoaded(Candidate candidate, List<Candidate> pending) {
        return candidate.file.descriptor.getDependencies().stream()
                .map(PluginDependency::getPluginId)
                .noneMatch(dep -> pending.stream().anyMatch(p -> p.file.id().equals(dep)));
    }

    private void refuse(Candidate candidate) {
        String key = candidate.file == null ? candidate.installed.getFileName().toString() : candidate.file.id();
        LOG.warning(() -> "Plugin " + key + " refused: " + candidate.refusal);
        entries.put(key, new Entry(candidate.refusedStatus(candidate.installed), candidate.installed,
                List.of()));
    }

    private void load(Candidate candidate) {
        String id = candidate.file.id();
        Entry entry = new Entry(candidate.status(State.STARTED, null), candidate.installed, List.of());
        try {
            manager.loadPlugin(candidate.installed);
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.WARNING, e, () -> "Plugin " + id + " could not be loaded");
            entries.put(id, entry.with(State.REFUSED, "could not be loaded: " + e.getMessage()));
            return;
        }
        if (manager.getPlugin(id).getPluginState() == PluginState.DISABLED) {
            entries.put(id, entry.with(State.DISABLED, "disabled by an operator"));
            return;
        }
        start(id, entry);
    }

    /** Starts a loaded plugin and creates its extensions once, through the invoker (a constructor may hang). */
    private void start(String id, Entry entry) {
        PluginWrapper plugin = manager.getPlugin(id);
        try {
            config.preparation().prepare(id, plugin.getPluginClassLoader());
        } catch (Exception e) {
            LOG.log(Level.WARNING, e, () -> "Plugin " + id + " could not be prepared");
            entries.put(id, entry.with(State.FAILED, e.getMessage() != null ? e.getMessage() : e.toString()));
            return;
        }
        PluginState state = manager.startPlugin(id);
        if (state != PluginState.STARTED) {
            Throwable cause = plugin.getFailedException();
            entries.put(id, entry.with(State.FAILED, "did not start" + (cause == null ? "" : ": " + cause)));
            return;
        }
        entries.put(id, entry.with(State.STARTED, null)); // a restart leaves no earlier failure behind
        breaker.reset(id);
        try {
            @SuppressWarnings("unchecked")
            List<Object> extensions = invoker.invoke(id, plugin.getPluginClassLoader(), "creating extensions",
                    loadTimeout(), () -> List.copyOf(manager.getExtensions(id)));
            entries.computeIfPresent(id, (k, e) -> new Entry(e.status(), e.file(), extensions));
            LOG.info(() -> "Plugin " + id + "@" + plugin.getDescriptor().getVersion() + " started with "
                    + extensions.size() + " extensions");
        } catch (PluginFailure e) {
            // markFailed has recorded it
        }
    }

    /** Invoker callback: a call threw or hung. Ignored when it came from a version that has since been replaced. */
    private void markFailed(String pluginId, ClassLoader loader, String reason) {
        lock.lock();
        try {
            Entry entry = entries.get(pluginId);
            PluginWrapper plugin = manager.getPlugin(pluginId);
            if (entry == null || plugin == null || plugin.getPluginClassLoader() != loader
                    || entry.status().state() != State.STARTED) {
                return;
            }
            LOG.warning(() -> "Plugin " + pluginId + " marked FAILED: " + reason);
            entries.put(pluginId, entry.with(State.FAILED, reason));
            breaker.reset(pluginId);
        } finally {
            lock.unlock();
        }
    }

    /** PF4J stops dependents along with a plugin; reflect that in their status. */
    private void markStoppedDependents(String pluginId) {
        for (String dependent : dependentsOf(pluginId)) {
            Entry entry = entries.get(dependent);
            if (entry != null && entry.status().state() == State.STARTED
                    && !manager.getPlugin(dependent).getPluginState().isStarted()) {
                entries.put(dependent, entry.with(State.FAILED, "stopped because " + pluginId + " was disabled"));
            }
        }
    }

    private Entry requireLoaded(String pluginId) {
        Entry entry = entries.get(pluginId);
        if (entry == null || manager.getPlugin(pluginId) == null) {
            throw new IllegalArgumentException("no loaded plugin " + pluginId);
        }
        return entry;
    }

    /** Loaded plugins that depend on this one, directly or not, nearest first. */
    private List<String> dependentsOf(String pluginId) {
        List<String> result = new ArrayList<>();
        List<String> frontier = new ArrayList<>(List.of(pluginId));
        while (!frontier.isEmpty()) {
            String current = frontier.remove(0);
            for (PluginWrapper plugin : manager.getPlugins()) {
                boolean depends = plugin.getDescriptor().getDependencies().stream()
                        .anyMatch(d -> d.getPluginId().equals(current));
                if (depends && !result.contains(plugin.getPluginId())) {
                    result.add(plugin.getPluginId());
                    frontier.add(plugin.getPluginId());
                }
            }
        }
        return result;
    }

    private Map<String, String> loadedVersions() {
        Map<String, String> versions = new HashMap<>();
        manager.getPlugins().forEach(p -> versions.put(p.getPluginId(), p.getDescriptor().getVersion()));
        return versions;
    }

    // ---- files --------------------------------------------------------------------------------------------------

    /** Writes exactly the verified bytes (and the signature) into the plugins folder, atomically. */
    private Path write(Candidate candidate, Path source) throws IOException {
        PluginDescriptor d = candidate.file.descriptor;
        Path target = config.pluginsDir().resolve(d.getPluginId() + "-" + d.getVersion() + ".jar");
        Path temp = Files.createTempFile(config.pluginsDir(), ".incoming-", ".tmp");
        Files.write(temp, candidate.file.content);
        Path signature = PluginSignatures.signatureFileOf(source);
        if (Files.isRegularFile(signature)) {
            Files.copy(signature, PluginSignatures.signatureFileOf(target), StandardCopyOption.REPLACE_EXISTING);
        }
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return target;
    }

    private static void deleteFiles(Path jar) throws IOException {
        if (jar != null) {
            Files.deleteIfExists(jar);
            Files.deleteIfExists(PluginSignatures.signatureFileOf(jar));
        }
    }

    private static List<Path> sorted(DirectoryStream<Path> paths) {
        List<Path> list = new ArrayList<>();
        paths.forEach(list::add);
        list.sort(Comparator.naturalOrder());
        return list;
    }
}
