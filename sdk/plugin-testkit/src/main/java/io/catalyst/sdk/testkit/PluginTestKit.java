package io.catalyst.sdk.testkit;

import com.vaadin.flow.component.Component;
import io.catalyst.api.PluginContext;
import io.catalyst.api.PluginManifest;
import io.catalyst.api.PluginProblem;
import io.catalyst.api.events.PlatformEvent;
import io.catalyst.api.events.PlatformEventListener;
import io.catalyst.api.health.HealthCheck;
import io.catalyst.api.health.HealthResult;
import io.catalyst.api.jobs.PluginJob;
import io.catalyst.api.rest.HttpMethod;
import io.catalyst.api.rest.PluginRequest;
import io.catalyst.api.rest.PluginResponse;
import io.catalyst.api.rest.RestEndpoint;
import io.catalyst.api.security.PermissionDeclaration;
import io.catalyst.api.security.PluginPermissions;
import io.catalyst.api.settings.SettingType;
import io.catalyst.api.settings.SettingsSchema;
import io.catalyst.api.ui.UiScreen;
import io.catalyst.runtime.Contribution;
import io.catalyst.runtime.PluginRuntime;
import io.catalyst.runtime.PluginStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Runs the plugin under test in the real Catalyst plugin runtime, in-process, with fake host services.
 *
 * <p>{@link #boot()} packs the plugin's compiled classes (and its own libraries) into a jar with the Plugin-*
 * manifest that {@code plugin-parent} hands over as system properties, installs it into a fresh
 * {@link PluginRuntime} in a temporary folder (development mode: unsigned is fine), and fails right away if the
 * runtime refuses it, e.g. for a {@code Plugin-Requires} this API version does not meet. Every call then goes through
 * the runtime as in the server: time limit, the plugin's class loader, and a plugin that throws is marked FAILED.
 *
 * <pre>
 * try (PluginTestKit kit = PluginTestKit.boot()) {
 *     kit.context().setting("greeting", "Hi");
 *     PluginResponse response = kit.rest(HttpMethod.GET, "/hello");
 *     assertThat(response.body()).contains("Hi");
 * }
 * </pre>
 * or let {@link PluginTestKitExtension} boot and close one per test. Like the host, the testkit checks the
 * {@code requiredPermission()} of screens and endpoints; the user starts with every permission the plugin declares
 * through {@link PluginPermissions}, so a permission the plugin forgot to declare shows up as a 403.
 */
public final class PluginTestKit implements AutoCloseable {

    /** System property prefix plugin-parent uses to hand over the manifest ({@code catalyst.plugin.id} ...). */
    public static final String PROPERTY_PREFIX = "catalyst.plugin.";

    private static final Map<String, String> MANIFEST_PROPERTIES = manifestProperties();

    private final Path workDir;
    private final ExecutorService executor;
    private final PluginRuntime runtime;
    private final String pluginId;
    private final FakePluginContext context;

    private PluginTestKit(Builder builder) throws IOException {
        String id = builder.manifest.get(PluginManifest.PLUGIN_ID);
        if (id == null || id.isBlank()) {
            throw new IllegalStateException("no plugin id: set the plugin.id property in the pom (run the tests with "
                    + "Maven and plugin-parent), or use PluginTestKit.builder().manifest(\"Plugin-Id\", ...)");
        }
        if (!Files.isDirectory(builder.classes)) {
            throw new IllegalStateException("no compiled plugin classes at " + builder.classes.toAbsolutePath());
        }
        this.pluginId = id;
        this.workDir = Files.createTempDirectory("catalyst-plugin-test-");
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "plugin-call-" + id);
            t.setDaemon(true); // a plugin call that hangs past its time limit must not keep the test JVM alive
            return t;
        });
        this.runtime = new PluginRuntime(PluginRuntime.Config.of(workDir.resolve("plugins"), List.of())
                .withDevelopmentMode(true).withCallTimeout(builder.callTimeout), executor);
        try {
            for (Path other : builder.otherPlugins) {
                requireStarted(runtime.install(other));
            }
            String version = builder.manifest.getOrDefault(PluginManifest.PLUGIN_VERSION, "0.0.0");
            Path jar = PluginJar.write(workDir.resolve(id + "-" + version + ".jar"), builder.classes,
                    builder.libraries, builder.manifest);
            PluginStatus status = requireStarted(runtime.install(jar));
            this.context = new FakePluginContext(id, status.egressHosts(), () -> jobs().stream()
                    .map(PluginJob::name).collect(Collectors.toSet()));
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
        extensions(PluginPermissions.class).forEach(p -> p.permissions().stream()
                .map(PermissionDeclaration::name).forEach(context::permit));
        settingsSchema().ifPresent(schema -> schema.fields().stream()
                .filter(f -> f.defaultValue() != null && f.type() != SettingType.SECRET)
                .forEach(f -> context.setting(f.key(), f.defaultValue())));
    }

    /** Boots the plugin of the current Maven project, configured by plugin-parent. */
    public static PluginTestKit boot() {
        return builder().boot();
    }

    /** For tests that need another classes folder, manifest values, time limit or further plugins. */
    public static Builder builder() {
        return new Builder();
    }

    // ---- what the plugin offers ---------------------------------------------------------------------------------

    /** The plugin's id. */
    public String pluginId() {
        return pluginId;
    }

    /** The runtime's view of the plugin: STARTED after boot; FAILED after a call threw or ran too long. */
    public PluginStatus status() {
        return runtime.status(pluginId).orElseThrow();
    }

    /**
     * The plugin's state by name ({@code STARTED}, or {@code FAILED} after a call threw or ran too long), for plugin
     * tests, which may not use the runtime's types.
     */
    public String state() {
        return status().state().name();
    }

    /** The fake host services every call gets: arrange them before a call, inspect them after. */
    public FakePluginContext context() {
        return context;
    }

    /** The plugin's extensions of one extension point, e.g. {@code Connector.class}; empty unless STARTED. */
    public <T> List<T> extensions(Class<T> type) {
        return runtime.extensions(pluginId, type);
    }

    /** The plugin's screens. */
    public List<UiScreen> screens() {
        return extensions(UiScreen.class);
    }

    /** The plugin's REST endpoints. */
    public List<RestEndpoint> endpoints() {
        return extensions(RestEndpoint.class);
    }

    /** The plugin's jobs. */
    public List<PluginJob> jobs() {
        return extensions(PluginJob.class);
    }

    /** The plugin's settings schema, if it has one. */
    public Optional<SettingsSchema> settingsSchema() {
        return extensions(SettingsSchema.class).stream().findFirst();
    }

    /** Every permission the plugin declares. */
    public Set<String> declaredPermissions() {
        return extensions(PluginPermissions.class).stream().flatMap(p -> p.permissions().stream())
                .map(PermissionDeclaration::name).collect(Collectors.toCollection(TreeSet::new));
    }

    // ---- calling it ---------------------------------------------------------------------------------------------

    /**
     * Builds a screen's content as the UI would, after the same permission check; the route may carry a query
     * string, e.g. {@code task?id=...}, handed to the screen as its parameters.
     *
     * @throws SecurityException        if the user lacks the screen's permission
     * @throws IllegalArgumentException if the plugin has no screen with that route
     */
    public Component render(String routeAndQuery) {
        int q = routeAndQuery.indexOf('?');
        String route = q < 0 ? routeAndQuery : routeAndQuery.substring(0, q);
        Map<String, List<String>> parameters = q < 0 ? Map.of() : parseQuery(routeAndQuery.substring(q + 1));
        UiScreen screen = screens().stream().filter(s -> s.route().equals(route)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no screen with route " + route + "; routes: "
                        + screens().stream().map(UiScreen::route).toList()));
        if (!context.isPermitted(screen.requiredPermission())) {
            throw new SecurityException("the user lacks " + screen.requiredPermission() + " for screen " + route);
        }
        return call(screen, "render " + route, s -> s.create(context, parameters));
    }

    /** The text of a component and all its descendants, for assertions on rendered screens. */
    public static String textOf(Component component) {
        return component.getElement().getTextRecursively();
    }

    /** A request without a body; the path may carry a query string, e.g. {@code /leads?page=2}. */
    public PluginResponse rest(HttpMethod method, String pathAndQuery) {
        return rest(method, pathAndQuery, null);
    }

    /** A request with a JSON body; the path may carry a query string. */
    public PluginResponse rest(HttpMethod method, String pathAndQuery, String body) {
        int q = pathAndQuery.indexOf('?');
        String path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
        Map<String, List<String>> query = q < 0 ? Map.of() : parseQuery(pathAndQuery.substring(q + 1));
        Map<String, String> headers = body == null ? Map.of() : Map.of("content-type", "application/json");
        return call(new PluginRequest(method, path, Map.of(), query, headers, body));
    }

    /**
     * Routes a request the way the host does: finds the endpoint whose method and path template match, checks its
     * permission (403 without it), binds the {@code {name}} segments and maps a {@link PluginProblem} to an
     * {@code application/problem+json} response. No match answers 404.
     *
     * @throws io.catalyst.runtime.PluginFailure if the endpoint throws anything else or runs too long
     */
    public PluginResponse call(PluginRequest request) {
        String[] segments = segments(request.path());
        for (RestEndpoint endpoint : endpoints()) {
            Map<String, String> params = match(segments(endpoint.path()), segments);
            if (params == null || endpoint.method() != request.method()) {
                continue;
            }
            if (!context.isPermitted(endpoint.requiredPermission())) {
                return problem(403, "Forbidden", "the user lacks " + endpoint.requiredPermission());
            }
            PluginRequest bound = new PluginRequest(request.method(), String.join("/", segments), params,
                    request.queryParams(), request.headers(), request.body());
            try {
                return call(endpoint, request.method() + " " + endpoint.path(), e -> e.handle(bound, context));
            } catch (PluginProblem p) {
                return problem(p.status(), p.title(), p.detail());
            }
        }
        return problem(404, "Not found", "no endpoint " + request.method() + " " + request.path());
    }

    /**
     * Runs one of the plugin's jobs once, as the scheduler would: no user.
     *
     * @throws IllegalArgumentException if there is no job of that name
     */
    public void runJob(String name) {
        PluginJob job = jobs().stream().filter(j -> j.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no job " + name + "; jobs: "
                        + jobs().stream().map(PluginJob::name).toList()));
        call(job, "job " + name, j -> {
            j.run(context.background());
            return null;
        });
    }

    /** Delivers an event of the test tenant to every listener subscribed to its topic; returns how many got it. */
    public int deliver(String topic, Map<String, Object> payload) {
        PlatformEvent event = new PlatformEvent(topic, FakePluginContext.TENANT.id(), payload, Instant.now());
        List<PlatformEventListener> listeners = extensions(PlatformEventListener.class).stream()
                .filter(l -> l.topics().contains(topic)).toList();
        for (PlatformEventListener listener : listeners) {
            call(listener, "event " + topic, l -> {
                l.on(event, context.background());
                return null;
            });
        }
        return listeners.size();
    }

    /** Runs every health check, by name. */
    public Map<String, HealthResult> health() {
        Map<String, HealthResult> results = new LinkedHashMap<>();
        for (HealthCheck check : extensions(HealthCheck.class)) {
            results.put(check.name(), call(check, "health " + check.name(), c -> c.check(context.background())));
        }
        return results;
    }

    /** Calls any extension through the runtime (time limit, class loader, failure handling). */
    public <T, R> R call(T extension, String operation, PluginRuntime.ExtensionCall<T, R> body) {
        return runtime.call(new Contribution<>(pluginId, extension), operation, body);
    }

    /** Stops the runtime and deletes the temporary folder. */
    @Override
    public void close() {
        if (runtime != null) {
            runtime.close();
        }
        executor.shutdownNow();
        try (Stream<Path> tree = Files.walk(workDir)) {
            for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a leftover temp folder is no reason to fail a test
        }
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private static PluginStatus requireStarted(PluginStatus status) {
        if (status.state() != PluginStatus.State.STARTED) {
            throw new IllegalStateException("plugin " + status.pluginId() + " is " + status.state() + ": "
                    + status.reason());
        }
        return status;
    }

    private static String[] segments(String path) {
        return Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toArray(String[]::new);
    }

    /** The bound {@code {name}} values, or null if the template does not match. */
    private static Map<String, String> match(String[] template, String[] path) {
        if (template.length != path.length) {
            return null;
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < template.length; i++) {
            String t = template[i];
            if (t.startsWith("{") && t.endsWith("}")) {
                params.put(t.substring(1, t.length() - 1), URLDecoder.decode(path[i], StandardCharsets.UTF_8));
            } else if (!t.equals(path[i])) {
                return null;
            }
        }
        return params;
    }

    private static Map<String, List<String>> parseQuery(String query) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (!pair.isEmpty()) {
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                params.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            }
        }
        return params;
    }

    private static PluginResponse problem(int status, String title, String detail) {
        return new PluginResponse(status, "application/problem+json", "{\"type\":\"about:blank\",\"title\":"
                + json(title) + ",\"status\":" + status + ",\"detail\":" + json(detail) + "}");
    }

    private static String json(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out.append('"').toString();
    }

    /** System property suffix to manifest entry. */
    private static Map<String, String> manifestProperties() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("id", PluginManifest.PLUGIN_ID);
        m.put("version", PluginManifest.PLUGIN_VERSION);
        m.put("class", PluginManifest.PLUGIN_CLASS);
        m.put("provider", PluginManifest.PLUGIN_PROVIDER);
        m.put("dependencies", PluginManifest.PLUGIN_DEPENDENCIES);
        m.put("requires", PluginManifest.PLUGIN_REQUIRES);
        m.put("description", PluginManifest.PLUGIN_DESCRIPTION);
        m.put("egressHosts", PluginManifest.EGRESS_HOSTS);
        return m;
    }

    /**
     * Options for {@link PluginTestKit}; every default comes from the {@code catalyst.plugin.*} system properties
     * that plugin-parent sets for Surefire.
     */
    public static final class Builder {

        private final Map<String, String> manifest = new LinkedHashMap<>();
        private Path classes;
        private final List<Path> libraries = new ArrayList<>();
        private final List<Path> otherPlugins = new ArrayList<>();
        private Duration callTimeout = Duration.ofSeconds(5);

        private Builder() {
            MANIFEST_PROPERTIES.forEach((suffix, entry) -> {
                String value = System.getProperty(PROPERTY_PREFIX + suffix);
                if (value != null && !value.isBlank()) {
                    manifest.put(entry, value.strip());
                }
            });
            classes = Path.of(System.getProperty(PROPERTY_PREFIX + "classes", "target/classes"));
            String librariesFile = System.getProperty(PROPERTY_PREFIX + "libraries");
            if (librariesFile != null && Files.isRegularFile(Path.of(librariesFile))) {
                try {
                    String list = Files.readString(Path.of(librariesFile)).strip();
                    if (!list.isEmpty()) {
                        Arrays.stream(list.split(java.io.File.pathSeparator)).map(Path::of).forEach(libraries::add);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }

        /** Sets or overrides a manifest entry, e.g. {@code manifest(PluginManifest.PLUGIN_REQUIRES, ">=9.0.0")}. */
        public Builder manifest(String entry, String value) {
            manifest.put(entry, value);
            return this;
        }

        /** The folder of compiled plugin classes; {@code target/classes} by default. */
        public Builder classes(Path folder) {
            this.classes = folder;
            return this;
        }

        /** The time limit of each call into the plugin; 5 seconds, as in the server, by default. */
        public Builder callTimeout(Duration timeout) {
            this.callTimeout = timeout;
            return this;
        }

        /** Installs another plugin jar first, e.g. one the plugin under test names in Plugin-Dependencies. */
        public Builder withPlugin(Path jar) {
            otherPlugins.add(jar);
            return this;
        }

        /**
         * Boots the kit.
         *
         * @throws IllegalStateException if the runtime refuses the plugin or it does not start; the message says why
         */
        public PluginTestKit boot() {
            try {
                return new PluginTestKit(this);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
