package io.catalyst.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** A client leaves: the platform admin exports its data and offboards it, and after the grace period it is gone. */
class OffboardingIT {

    @Test
    void anOffboardedTenantIsExportedThenPurgedEverywhere() throws Exception {
        Fixture.Tenant leaving = Fixture.tenant("tenant-admin");
        String token = Fixture.token(leaving, List.of("tenant:read")).bearer();
        try (Connection db = Server.superuser(); Statement sql = db.createStatement()) {
            sql.execute("insert into audit_event (tenant_id, seq, id, occurred_at, actor, action, prev_hash, hash)"
                    + " values ('" + leaving.id() + "', 0, gen_random_uuid(), now(), 'it', 'test.before-leaving',"
                    + " '', '')");
            // a plugin's table (no foreign key to tenant) and warehouse rows must go too
            // set up as PluginSchemas does: the owner owns the schema and table, the app role may use them
            String owner = Server.env("CATALYST_DB_OWNER_USER");
            String app = Server.env("CATALYST_DB_USER");
            sql.execute("create schema if not exists plugin_offboarding_probe authorization " + owner);
            sql.execute("grant usage on schema plugin_offboarding_probe to " + app);
            sql.execute("create table if not exists plugin_offboarding_probe.item (tenant_id uuid not null,"
                    + " id int not null, primary key (tenant_id, id))");
            sql.execute("alter table plugin_offboarding_probe.item owner to " + owner);
            sql.execute("grant select, insert, update, delete on plugin_offboarding_probe.item to " + app);
            sql.execute("do $$ begin if not exists (select 1 from pg_policy where polrelid ="
                    + " 'plugin_offboarding_probe.item'::regclass) then"
                    + " perform enable_tenant_rls('plugin_offboarding_probe.item'); end if; end $$");
            sql.execute("insert into plugin_offboarding_probe.item values ('" + leaving.id() + "', 1)");
            sql.execute("insert into wh_campaign (tenant_id, source, external_id, account_id) values ('"
                    + leaving.id() + "', 'meta', 'c1', 'act')");
        }

        try (Browser browser = new Browser(1280, 900).open("/admin/tenants")) {
            browser.signInAsPlatformAdmin();
            browser.showOnlyTenant(leaving.slug());
            browser.waitFor("#export-" + leaving.slug());

            Map<String, String> export = unzip(browser.driver.executeAsyncScript(
                    "const done = arguments[arguments.length - 1];"
                            + "fetch(document.querySelector(arguments[0]).href).then(r => r.arrayBuffer())"
                            + ".then(b => done(btoa(String.fromCharCode(...new Uint8Array(b)))));",
                    "#export-" + leaving.slug()).toString());
            assertThat(export).containsKeys("tenant.csv", "members.csv", "custom_roles.csv", "api_tokens.csv",
                    "invitations.csv", "audit_log.csv");
            assertThat(export.get("tenant.csv")).contains(leaving.slug());
            assertThat(export.get("members.csv")).startsWith("email,name,roles,created_at")
                    .contains(leaving.email()).contains("tenant-admin");
            assertThat(export.get("audit_log.csv")).contains("test.before-leaving");
            assertThat(String.join("", export.values())).as("no secrets exported")
                    .doesNotContain(Fixture.sha256(token));

            browser.click("#offboard-" + leaving.slug());
            browser.click("#confirm-offboard");
            browser.wait.until(d -> browser.texts("#tenant-grid vaadin-grid-cell-content").contains("Offboarding"));
        }
        assertThat(Fixture.call("GET", "/api/tenant", token, null).statusCode()).as("its tokens stop at once")
                .isEqualTo(401);

        // the server has checkpointed the company's audit chain outside the database (docs/audit-integrity.md)
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> anchorLines().anyMatch(line -> line.startsWith("head\t")
                        && line.contains("\t" + leaving.id() + "\t")));
        try (Connection db = Server.superuser(); Statement sql = db.createStatement()) {
            sql.execute("update tenant set purge_after = now() - interval '1 minute' where id = '" + leaving.id() + "'");
        }
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> count("select count(*) from tenant where id = '" + leaving.id() + "'") == 0);
        assertThat(count("select count(*) from membership where tenant_id = '" + leaving.id() + "'")).isZero();
        assertThat(count("select count(*) from api_token where tenant_id = '" + leaving.id() + "'")).isZero();
        assertThat(count("select count(*) from audit_event where tenant_id = '" + leaving.id() + "'")).isZero();
        assertThat(count("select count(*) from plugin_offboarding_probe.item where tenant_id = '" + leaving.id()
                + "'")).as("a plugin's rows").isZero();
        assertThat(count("select count(*) from wh_campaign where tenant_id = '" + leaving.id() + "'")).isZero();
        try (Connection db = Server.superuser(); Statement sql = db.createStatement()) {
            sql.execute("drop schema plugin_offboarding_probe cascade");
        }
        assertThat(count("select count(*) from audit_event where action = 'tenancy.tenant.purged' and target_id = '"
                + leaving.id() + "'")).isEqualTo(1);
        // the purge is signed into the checkpoints too, so the chain's absence is not taken for a deletion
        assertThat(anchorLines()).anyMatch(line -> line.startsWith("purge\t")
                && line.contains("\t" + leaving.id() + "\t"));
        assertThat(Server.launcher("audit", "verify")).startsWith("0:").contains("purged").contains("intact");
    }

    private static Stream<String> anchorLines() throws Exception {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of(Server.env("CATALYST_AUDIT_ANCHOR_DIR")))) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("checkpoints-")).toList()) {
                lines.addAll(Files.readAllLines(file));
            }
        }
        return lines.stream();
    }

    private static long count(String query) throws Exception {
        try (Connection db = Server.superuser(); Statement sql = db.createStatement();
             ResultSet row = sql.executeQuery(query)) {
            row.next();
            return row.getLong(1);
        }
    }

    private static Map<String, String> unzip(String base64) throws Exception {
        Map<String, String> files = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(Base64.getDecoder().decode(base64)))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                files.put(entry.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }
}
