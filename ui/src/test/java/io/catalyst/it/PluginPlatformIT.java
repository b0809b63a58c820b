package io.catalyst.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import elemental.json.JsonArray;
import elemental.json.JsonObject;
import io.catalyst.runtime.PluginSignatures;
import io.catalyst.runtime.TestPlugins;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The plugin platform in the real server: signed install, refusal of bad files with reasons, per-tenant enablement
 * (a disabled plugin does not exist for that tenant), the plugin's own table under RLS, a throwing and a hanging
 * plugin isolated, and a hot upgrade that keeps every tenant's settings. The notes plugin is the real one the build
 * makes; the faulty ones are compiled here.
 */
class PluginPlatformIT {

    private static String platform;
    private static PrivateKey key;
    private static byte[] notes;

    @BeforeAll
    static void installNotes() throws Exception {
        platform = Files.readString(Path.of(Server.env("CATALYST_OPERATOR_TOKEN_FILE"))).trim();
        key = PluginSignatures.readPrivateKey(Files.readString(Path.of(Server.env("CATALYST_TEST_PLUGIN_KEY"))));
        notes = Files.readAllBytes(Path.of(System.getProperty("catalyst.notes.plugin",
                "../plugins/features/notes/target/notes-plugin.jar")));
        HttpResponse<String> installed = install(notes, sign(notes));
        assertThat(installed.statusCode()).as(installed.body()).isEqualTo(200);
        assertThat(Server.json(installed).getString("state")).isEqualTo("STARTED");
    }

    @Test
    void badPluginsAreRefusedWithTheReasonAndTheRestKeepsWorking() throws Exception {
        byte[] tampered = notes.clone();
        String signature = sign(tampered);
        tampered[tampered.length / 2] ^= 1;
        byte[] corrupt = "this is not a jar".getBytes(StandardCharsets.UTF_8);
        byte[] incompatible = withManifest(notes, Map.of("Plugin-Requires", ">=9.0.0"));

        assertRefused(install(notes, null), "UNSIGNED");
        assertRefused(install(tampered, signature), "TAMPERED");
        assertRefused(install(corrupt, sign(corrupt)), "zip");
        assertRefused(install(incompatible, sign(incompatible)), "9.0.0");
        assertThat(stateOf("notes")).isEqualTo("STARTED");
        assertThat(Server.json(install(notes, sign(notes))).getString("signature")).startsWith("VALID");
    }

    @Test
    void aPluginExistsOnlyForTheTenantsThatEnableItAndKeepsTheirDataApart() throws Exception {
        Fixture.Tenant a = Fixture.tenant("tenant-admin");
        Fixture.Tenant b = Fixture.tenant("tenant-admin");
        String aAdmin = Fixture.token(a, List.of("*")).bearer();
        String bAdmin = Fixture.token(b, List.of("*")).bearer();

        assertThat(Fixture.call("GET", "/api/plugins/notes/notes", aAdmin, null).statusCode())
                .as("not enabled yet").isEqualTo(404);
        enable(aAdmin, "notes", true);
        HttpResponse<String> added = Fixture.call("POST", "/api/plugins/notes/notes", aAdmin,
                "{\"text\":\"Q3 budget moves to search\"}");
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        String noteId = Server.json(added).getString("id");

        assertThat(Fixture.call("GET", "/api/plugins/notes/notes", aAdmin, null).body())
                .contains("Q3 budget moves to search");
        assertThat(Fixture.call("GET", "/api/plugins/notes/notes", bAdmin, null).statusCode())
                .as("B has not enabled it").isEqualTo(404);
        enable(bAdmin, "notes", true);
        assertThat(Fixture.call("GET", "/api/plugins/notes/notes", bAdmin, null).body())
                .as("B sees none of A's notes").isEqualTo("[]");
        assertThat(Fixture.call("GET", "/api/plugins/notes/notes/" + noteId, bAdmin, null).statusCode())
                .isEqualTo(404);
        assertThat(Server.strings("select c.relforcerowsecurity::text from pg_class c join pg_namespace n"
                + " on n.oid = c.relnamespace where n.nspname = 'plugin_notes' and c.relname = 'note'"))
                .containsExactly("true");

        Fixture.Tenant viewer = Fixture.tenant("viewer");
        String viewerToken = Fixture.token(viewer, List.of("tenant:read")).bearer();
        enableAsPlatformFor(viewer);
        assertThat(Fixture.call("GET", "/api/plugins/notes/notes", viewerToken, null).statusCode())
                .as("a viewer lacks notes:read").isEqualTo(403);

        HttpResponse<String> bad = Fixture.call("POST", "/api/plugins/notes/notes", aAdmin, "{\"text\":\"\"}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.headers().firstValue("Content-Type")).hasValue("application/problem+json");

        enable(aAdmin, "notes", false);
        assertThat(Fixture.call("GET", "/api/plugins/notes/notes", aAdmin, null).statusCode())
                .as("disabled again").isEqualTo(404);
    }

    @Test
    void aPluginFailingForOneTenantFailsThatCallAndForSeveralIsTakenOutUntilRestarted() throws Exception {
        Fixture.Tenant a = Fixture.tenant("tenant-admin");
        String aAdmin = Fixture.token(a, List.of("*")).bearer();
        String id = "faulty-" + UUID.randomUUID().toString().substring(0, 6);
        Path dir = Files.createTempDirectory("faulty");
        Path jar = TestPlugins.build(dir, TestPlugins.Spec.of(id, "1.0.0")
                .endpoint("test.faulty.Boom", "/boom", "test.faulty.Helpers.boom()")
                .endpoint("test.faulty.Hang", "/hang", "test.faulty.Helpers.hang()")
                .endpoint("test.faulty.Fine", "/fine", "\"\\\"fine\\\"\"")
                .source("test.faulty.Helpers", """
                        package test.faulty;
                        public final class Helpers {
                            public static String boom() { throw new IllegalStateException("boom"); }
                            public static String hang() throws InterruptedException {
                                Thread.sleep(60_000);
                                return "late";
                            }
                        }
                        """));
        byte[] bytes = Files.readAllBytes(jar);
        assertThat(install(bytes, sign(bytes)).statusCode()).isEqualTo(200);
        enable(aAdmin, id, true);
        enable(aAdmin, "notes", true);
        assertThat(Fixture.call("GET", "/api/plugins/" + id + "/fine", aAdmin, null).statusCode()).isEqualTo(200);

        HttpResponse<String> boom = Fixture.call("GET", "/api/plugins/" + id + "/boom", aAdmin, null);

        assertThat(boom.statusCode()).isEqualTo(502);
        assertThat(Server.json(boom).getString("type")).isEqualTo("urn:catalyst:problem:plugin-failed");
        assertThat(stateOf(id)).as("one tenant's failing call takes the plugin from nobody").isEqualTo("STARTED");
        assertThat(Fixture.call("GET", "/api/plugins/" + id + "/fine", aAdmin, null).statusCode()).isEqualTo(200);

        for (int other = 0; other < 2; other++) { // the same failure for two more tenants: the plugin is broken
            Fixture.Tenant t = Fixture.tenant("tenant-admin");
            String admin = Fixture.token(t, List.of("*")).bearer();
            enable(admin, id, true);
            assertThat(Fixture.call("GET", "/api/plugins/" + id + "/boom", admin, null).statusCode()).isEqualTo(502);
        }
        assertThat(stateOf(id)).isEqualTo("FAILED");
        assertThat(reasonOf(id)).contains("boom").contains("3 callers");
        assertThat(Fixture.call("GET", "/api/plugins/notes/notes", aAdmin, null).statusCode())
                .as("another plugin answers").isEqualTo(200);
        assertThat(Server.get("/health/ready").statusCode()).isEqualTo(200);
        HttpResponse<String> down = Fixture.call("GET", "/api/plugins/" + id + "/fine", aAdmin, null);
        assertThat(down.statusCode()).as("a failed plugin is out of service, not missing").isEqualTo(502);
        assertThat(Server.json(down).getString("detail")).contains("out of service");

        HttpResponse<String> restarted = Fixture.call("POST", "/api/platform/plugins/" + id + "/restart", platform,
                null);
        assertThat(Server.json(restarted).getString("state")).isEqualTo("STARTED");
        assertThat(listed(id).hasKey("reason") && !listed(id).get("reason").jsEquals(elemental.json.Json.createNull()))
                .as("a restarted plugin no longer shows its old failure").isFalse();
        long started = System.nanoTime();
        HttpResponse<String> hang = Fixture.call("GET", "/api/plugins/" + id + "/hang", aAdmin, null);
        assertThat(hang.statusCode()).isEqualTo(502);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("cut off by the call timeout, not 60 s")
                .isLessThan(Duration.ofSeconds(30));
        assertThat(stateOf(id)).as("a call that hung failed alone").isEqualTo("STARTED");

        HttpResponse<String> removed = Fixture.call("DELETE", "/api/platform/plugins/" + id, platform, null);
        assertThat(removed.statusCode()).isEqualTo(204);
        assertThat(Server.strings("select plugin_id from plugin_install where plugin_id = '" + id + "'")).isEmpty();
    }

    @Test
    void aHotUpgradeKeepsEveryTenantsSettingsAndData() throws Exception {
        Fixture.Tenant a = Fixture.tenant("tenant-admin");
        String aAdmin = Fixture.token(a, List.of("*")).bearer();
        enable(aAdmin, "notes", true);
        HttpResponse<String> saved = Fixture.call("PUT", "/api/tenant/plugins/notes/settings", aAdmin,
                "{\"title\":\"Client log\",\"retention-days\":\"90\"}");
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        HttpResponse<String> invalid = Fixture.call("PUT", "/api/tenant/plugins/notes/settings", aAdmin,
                "{\"retention-days\":\"soon\",\"colour\":\"red\"}");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.body()).contains("retention-days", "colour");
        Fixture.call("POST", "/api/plugins/notes/notes", aAdmin, "{\"text\":\"kept across the upgrade\"}");

        byte[] v2 = withManifest(notes, Map.of("Plugin-Version", "0.2.0"));
        HttpResponse<String> upgraded = install(v2, sign(v2));

        assertThat(upgraded.statusCode()).as(upgraded.body()).isEqualTo(200);
        assertThat(Server.json(upgraded).getString("version")).isEqualTo("0.2.0");
        JsonObject view = plugin(aAdmin, "notes");
        assertThat(view.getBoolean("enabled")).isTrue();
        assertThat(view.getObject("settings").getString("title")).isEqualTo("Client log");
        assertThat(Fixture.call("GET", "/api/plugins/notes/notes", aAdmin, null).body())
                .contains("kept across the upgrade");
        assertThat(Server.strings("select version from plugin_install where plugin_id = 'notes'"))
                .containsExactly("0.2.0");
        restoreTheBuildsNotes();
    }

    @Test
    void platformListingShowsStatePermissionsAndTenants() throws Exception {
        Fixture.Tenant a = Fixture.tenant("tenant-admin");
        enable(Fixture.token(a, List.of("*")).bearer(), "notes", true);
        JsonObject notesView = listed("notes");

        assertThat(notesView.getString("state")).isEqualTo("STARTED");
        assertThat(notesView.getArray("permissions").toJson()).contains("notes:read", "notes:write");
        assertThat(notesView.getArray("tenants").toJson()).contains(a.slug());
        // the checks run in the background every 15 s
        await().atMost(Duration.ofSeconds(45)).untilAsserted(() -> {
            HttpResponse<String> ready = Server.get("/health/ready");
            assertThat(ready.statusCode()).isEqualTo(200);
            // the check's status, not its message: /health is open to anyone (SecurityDefectsIT 13)
            assertThat(ready.body()).contains("\"notes/notes-table\":\"UP\"").doesNotContain("the notes table answers");
        });
        assertThat(Fixture.call("GET", "/api/platform/plugins", Fixture.token(a, List.of("*")).bearer(), null)
                .statusCode()).as("a tenant's token").isEqualTo(403);
        assertThat(Fixture.call("GET", "/api/roles/permissions", Fixture.token(a, List.of("*")).bearer(), null)
                .body()).as("plugin permissions join the role editor").contains("notes:write");
    }

    @Test
    void anAuditedActionReachesTheListenersOfTheTenantsThatEnabledThePlugin() throws Exception {
        Fixture.Tenant a = Fixture.tenant("tenant-admin");
        Fixture.Tenant b = Fixture.tenant("tenant-admin");
        String aAdmin = Fixture.token(a, List.of("*")).bearer();
        String bAdmin = Fixture.token(b, List.of("*")).bearer();
        enable(aAdmin, "notes", true);
        enable(bAdmin, "notes", true);
        enable(bAdmin, "notes", false);

        for (var tenant : List.of(a, b)) {
            HttpResponse<String> changed = Fixture.call("PUT", "/api/members/" + tenant.userId() + "/roles",
                    tenant == a ? aAdmin : bAdmin, "{\"roles\":[\"tenant-admin\",\"analyst\"]}");
            assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        }

        // the notes plugin listens to identity.membership.granted, after the change committed
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(Fixture.call("GET",
                "/api/plugins/notes/notes", aAdmin, null).body()).contains("Roles changed for a member ("
                + a.userId() + ")"));
        assertThat(Server.strings("select count(*) from plugin_notes.note where tenant_id = '" + b.id() + "'"))
                .as("not enabled for B: its listener did not run there").containsExactly("0");
    }

    @Test
    void aTenantManifestEnablesAndConfiguresPlugins() throws Exception {
        Fixture.Tenant a = Fixture.tenant("tenant-admin");
        String manifest = """
                apiVersion: catalyst/v1
                kind: Tenant
                slug: %s
                profile: {name: Manifest Plugins}
                plugins:
                  - id: notes
                    settings: {title: From the manifest, retention-days: 30}
                """.formatted(a.slug());

        HttpResponse<String> applied = Server.send(HttpRequest.newBuilder(URI.create(Server.BASE
                        + "/api/platform/manifests")).header("Authorization", "Bearer " + platform)
                .header("Content-Type", "application/yaml").POST(HttpRequest.BodyPublishers.ofString(manifest))
                .build());

        assertThat(applied.statusCode()).as(applied.body()).isEqualTo(200);
        assertThat(applied.body()).contains("settings of plugin notes", "enabled plugin notes");
        JsonObject view = plugin(Fixture.token(a, List.of("*")).bearer(), "notes");
        assertThat(view.getBoolean("enabled")).isTrue();
        assertThat(view.getObject("settings").getString("title")).isEqualTo("From the manifest");
        String exported = Fixture.call("GET", "/api/platform/manifests/" + a.slug(), platform, null).body();
        assertThat(exported).contains("id: notes", "title: From the manifest");
        HttpResponse<String> again = Server.send(HttpRequest.newBuilder(URI.create(Server.BASE
                        + "/api/platform/manifests")).header("Authorization", "Bearer " + platform)
                .header("Content-Type", "application/yaml").POST(HttpRequest.BodyPublishers.ofString(exported))
                .build());
        assertThat(Server.json(again).getArray("changes").length()).as(again.body()).isZero();
    }

    @Test
    void theMarketplaceListsReleasesAndInstallsOnlyWhatMatchesItsCatalog() throws Exception {
        Path catalog = Path.of(Server.env("CATALYST_PLUGINS_CATALOG"));
        byte[] next = withManifest(notes, Map.of("Plugin-Version", "0.4.0"));
        byte[] future = withManifest(notes, Map.of("Plugin-Version", "0.5.0", "Plugin-Requires", ">=9.0.0"));
        Path releases0 = Files.createTempDirectory("releases");
        for (Map.Entry<String, byte[]> release : Map.of("notes-0.4.0.jar", next, "notes-0.5.0.jar", future)
                .entrySet()) {
            Path jar = releases0.resolve(release.getKey());
            Files.write(jar, release.getValue());
            Files.writeString(Path.of(jar + ".sig"), sign(release.getValue()));
            String published = Server.launcher(Map.of(), "plugins", "publish", jar.toString(), catalog.toString());
            assertThat(published).startsWith("0:").contains("Published " + release.getKey());
        }

        JsonArray releases = array(Fixture.call("GET", "/api/platform/catalog", platform, null));
        assertThat(releases.toJson()).contains("\"version\":\"0.4.0\"", "\"version\":\"0.5.0\"");
        for (int i = 0; i < releases.length(); i++) {
            JsonObject release = releases.getObject(i);
            assertThat(release.getBoolean("compatible")).as(release.toJson())
                    .isEqualTo(!release.getString("version").equals("0.5.0"));
        }

        assertRefused(Fixture.call("POST", "/api/platform/catalog/notes/0.5.0", platform, null), "incompatible");
        Files.write(catalog.resolve("notes-0.4.0.jar"), withManifest(notes, Map.of("Plugin-Version", "0.4.1")));
        assertRefused(Fixture.call("POST", "/api/platform/catalog/notes/0.4.0", platform, null), "checksum");
        Files.write(catalog.resolve("notes-0.4.0.jar"), next);
        HttpResponse<String> installed = Fixture.call("POST", "/api/platform/catalog/notes/0.4.0", platform, null);
        assertThat(installed.statusCode()).as(installed.body()).isEqualTo(200);
        assertThat(Server.json(installed).getString("version")).isEqualTo("0.4.0");
        assertThat(Fixture.call("POST", "/api/platform/catalog/notes/9.9.9", platform, null).statusCode())
                .isEqualTo(404);
        restoreTheBuildsNotes();
    }

    private static void enableAsPlatformFor(Fixture.Tenant tenant) throws Exception {
        // a viewer cannot enable plugins; the tenant's admin would, here done in the database
        try (var db = Server.superuser(); var sql = db.prepareStatement("insert into tenant_plugin (tenant_id,"
                + " plugin_id, enabled) values (?::uuid, 'notes', true) on conflict (tenant_id, plugin_id) do update"
                + " set enabled = true")) {
            sql.setString(1, tenant.id().toString());
            sql.executeUpdate();
        }
    }

    private static void enable(String bearer, String pluginId, boolean enabled) {
        HttpResponse<String> response = Fixture.call("PUT", "/api/tenant/plugins/" + pluginId + "/enablement", bearer,
                "{\"enabled\":" + enabled + "}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private static JsonObject plugin(String bearer, String pluginId) {
        JsonArray all = array(Fixture.call("GET", "/api/tenant/plugins", bearer, null));
        for (int i = 0; i < all.length(); i++) {
            if (all.getObject(i).getString("pluginId").equals(pluginId)) {
                return all.getObject(i);
            }
        }
        throw new AssertionError("no plugin " + pluginId + " for this tenant");
    }

    private static JsonObject listed(String pluginId) {
        JsonArray all = array(Fixture.call("GET", "/api/platform/plugins", platform, null));
        for (int i = 0; i < all.length(); i++) {
            if (all.getObject(i).getString("pluginId").equals(pluginId)) {
                return all.getObject(i);
            }
        }
        throw new AssertionError("no plugin " + pluginId + " listed");
    }

    private static JsonArray array(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return elemental.json.Json.instance().parse(response.body());
    }

    private static String stateOf(String pluginId) {
        return listed(pluginId).getString("state");
    }

    private static String reasonOf(String pluginId) {
        await().atMost(Duration.ofSeconds(10)).until(() -> listed(pluginId).hasKey("reason")
                && !listed(pluginId).get("reason").jsEquals(elemental.json.Json.createNull()));
        return listed(pluginId).getString("reason");
    }

    private static void assertRefused(HttpResponse<String> response, String reason) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(Server.json(response).getString("detail")).containsIgnoringCase(reason);
    }

    /**
     * Back to the build's version of notes for the other tests. A plugin is never downgraded in place, so it is
     * uninstalled first; tenants' enablement and settings stay for the reinstall.
     */
    private static void restoreTheBuildsNotes() throws Exception {
        assertThat(Fixture.call("DELETE", "/api/platform/plugins/notes", platform, null).statusCode()).isEqualTo(204);
        HttpResponse<String> reinstalled = install(notes, sign(notes));
        assertThat(reinstalled.statusCode()).as(reinstalled.body()).isEqualTo(200);
    }

    private static HttpResponse<String> install(byte[] jar, String signature) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Server.BASE + "/api/platform/plugins"))
                .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + platform)
                .header("Content-Type", "application/java-archive")
                .POST(HttpRequest.BodyPublishers.ofByteArray(jar));
        if (signature != null) {
            request.header("X-Plugin-Signature", signature.trim());
        }
        return Server.send(request.build());
    }

    private static String sign(byte[] content) {
        return PluginSignatures.sign(content, key);
    }

    /** The same jar with some manifest attributes changed, as a new release of it would be. */
    private static byte[] withManifest(byte[] jar, Map<String, String> changes) throws IOException {
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(jar))) {
            Manifest manifest = new Manifest(in.getManifest());
            changes.forEach((name, value) -> manifest.getMainAttributes().putValue(name, value));
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (JarOutputStream out = new JarOutputStream(bytes, manifest)) {
                for (JarEntry entry = in.getNextJarEntry(); entry != null; entry = in.getNextJarEntry()) {
                    out.putNextEntry(new JarEntry(entry.getName()));
                    in.transferTo(out);
                    out.closeEntry();
                }
            }
            return bytes.toByteArray();
        }
    }
}
