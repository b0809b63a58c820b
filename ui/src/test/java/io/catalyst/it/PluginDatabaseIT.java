package io.catalyst.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.catalyst.runtime.TestPlugins;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * Plugins and the database, attacked the way a hostile but validly signed plugin would: its SQL reads the core's
 * tables without row-level security, forges the tenant or platform binding with {@code set_config}, replays a binding
 * it saw, and its migrations leave a {@code SECURITY DEFINER} function or create objects outside the plugin's schema.
 * The plugins are compiled here ({@link TestPlugins}) with their migrations added as {@code db/plugin/V1__*.sql}.
 */
class PluginDatabaseIT {

    private static final String ID = "hostile-" + UUID.randomUUID().toString().substring(0, 6);

    private static Fixture.Tenant a;
    private static Fixture.Tenant b;
    private static String aAdmin;
    private static String bAdmin;

    @BeforeAll
    static void installTheHostilePlugin() throws Exception {
        Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"))); // TestPlugins compiles there
        a = Fixture.tenant("tenant-admin");
        b = Fixture.tenant("tenant-admin");
        aAdmin = Fixture.token(a, List.of("*")).bearer();
        bAdmin = Fixture.token(b, List.of("*")).bearer();
        TestPlugins.Spec spec = TestPlugins.Spec.of(ID, "1.0.0")
                .endpoint("test.hostile.Users", "/users",
                        "test.hostile.Sql.query(ctx, \"select email, password_hash from public.app_user\")")
                .endpoint("test.hostile.Users2", "/users-unqualified",
                        "test.hostile.Sql.query(ctx, \"select count(*) from app_user\")")
                .endpoint("test.hostile.Tokens", "/tokens",
                        "test.hostile.Sql.query(ctx, \"select token_hash from public.platform_token\")")
                .endpoint("test.hostile.Installs", "/installs",
                        "test.hostile.Sql.query(ctx, \"select plugin_id, sha256 from public.plugin_install\")")
                .endpoint("test.hostile.Tenants", "/tenants",
                        "test.hostile.Sql.query(ctx, \"select id, name from public.tenant\")")
                .endpoint("test.hostile.Plant", "/plant",
                        "test.hostile.Sql.update(ctx, \"insert into loot (secret) values (?)\","
                                + " request.query(\"s\").orElseThrow())")
                .endpoint("test.hostile.Mine", "/mine",
                        "test.hostile.Sql.query(ctx, \"select secret from loot order by secret\")")
                .endpoint("test.hostile.ForgeTenant", "/forge-tenant",
                        "test.hostile.Sql.query(ctx, \"select * from forge_tenant(cast(? as uuid))\","
                                + " request.query(\"t\").orElseThrow())")
                .endpoint("test.hostile.ForgeInline", "/forge-inline",
                        "test.hostile.Sql.query(ctx, \"select set_config('app.tenant_id', ?, true) as forged,"
                                + " (select string_agg(secret, ',') from loot) as seen\", request.query(\"t\").orElseThrow())")
                .endpoint("test.hostile.ForgePlatform", "/forge-platform",
                        "test.hostile.Sql.query(ctx, \"select * from forge_platform()\")")
                .endpoint("test.hostile.Sig", "/sig",
                        "test.hostile.Sql.query(ctx, \"select current_setting('app.tenant_id', true) as tenant,"
                                + " current_setting('app.scope_sig', true) as sig\")")
                .endpoint("test.hostile.Replay", "/replay",
                        "test.hostile.Sql.query(ctx, \"select * from replay(cast(? as uuid), ?)\","
                                + " request.query(\"t\").orElseThrow(), request.query(\"s\").orElse(\"\"))")
                .endpoint("test.hostile.Role", "/role",
                        "test.hostile.Sql.query(ctx, \"select current_user as who\")")
                .endpoint("test.hostile.ResetRole", "/reset-role",
                        "test.hostile.Sql.query(ctx, \"select set_config('role', 'none', true) as r,"
                                + " (select count(*) from public.app_user) as users\")")
                .source("test.hostile.Sql", SQL_HELPER);
        byte[] jar = withResources(build(spec), Map.of("db/plugin/V1__loot.sql", """
                create table loot (
                  tenant_id uuid not null default public.current_tenant(),
                  secret    text not null,
                  primary key (tenant_id, secret)
                );
                select public.enable_tenant_rls('loot');

                -- an ordinary function (no SECURITY DEFINER): it runs as the plugin's own role
                create function forge_tenant(t uuid) returns setof text language plpgsql as $$
                begin
                  perform set_config('app.tenant_id', t::text, true);
                  return query select secret from loot;
                end $$;

                create function forge_platform() returns setof text language plpgsql as $$
                begin
                  perform set_config('app.platform', 'on', true);
                  perform set_config('app.tenant_id', '00000000-0000-0000-0000-000000000000', true);
                  return query select secret from loot;
                end $$;

                create function replay(t uuid, sig text) returns setof text language plpgsql as $$
                begin
                  perform set_config('app.tenant_id', t::text, true);
                  perform set_config('app.scope_sig', sig, true);
                  return query select secret from loot;
                end $$;
                """));
        HttpResponse<String> installed = Fixture.installPlugin(jar);
        assertThat(installed.statusCode()).as(installed.body()).isEqualTo(200);
        assertThat(Server.json(installed).getString("state")).as(installed.body()).isEqualTo("STARTED");
        enable(aAdmin, ID);
        enable(bAdmin, ID);
        assertThat(call(bAdmin, "/plant?s=" + b.slug() + "-secret")).isEqualTo("rows:1");
        assertThat(call(aAdmin, "/plant?s=" + a.slug() + "-secret")).isEqualTo("rows:1");
    }

    @Test
    void pluginSqlRunsAsThePluginsOwnRole() throws Exception {
        assertThat(call(aAdmin, "/role")).isEqualTo("rows:[{who=" + runtimeRole(ID) + "}]");
        assertThat(call(aAdmin, "/mine")).isEqualTo("rows:[{secret=" + a.slug() + "-secret}]");
        assertThat(call(bAdmin, "/mine")).isEqualTo("rows:[{secret=" + b.slug() + "-secret}]");
    }

    @Test
    void pluginSqlCannotReadEveryUserWithTheirPasswordHash() {
        assertThat(call(aAdmin, "/users")).startsWith("refused:").contains("permission denied for table app_user");
        assertThat(call(aAdmin, "/users-unqualified")).as("through the search path")
                .startsWith("refused:").contains("permission denied for table app_user");
        assertThat(call(aAdmin, "/reset-role")).as("no other role to fall back to")
                .startsWith("refused:").contains("permission denied for table app_user");
    }

    @Test
    void pluginSqlCannotReadPlatformTokens() {
        assertThat(call(aAdmin, "/tokens")).startsWith("refused:")
                .contains("permission denied for table platform_token");
    }

    @Test
    void pluginSqlCannotReadInstalledPlugins() {
        assertThat(call(aAdmin, "/installs")).startsWith("refused:")
                .contains("permission denied for table plugin_install");
        assertThat(call(aAdmin, "/tenants")).startsWith("refused:").contains("permission denied for table tenant");
    }

    @Test
    void thePluginsRuntimeRoleReachesNothingOutsideItsSchemaAndOwnsNothing() throws Exception {
        assertThat(Server.strings("select n.nspname || '.' || c.relname from pg_class c"
                + " join pg_namespace n on n.oid = c.relnamespace"
                + " where n.nspname not in ('pg_catalog', 'information_schema', '" + schema(ID) + "')"
                + " and c.relkind in ('r', 'p', 'v', 'm', 'S', 'f')"
                + " and (has_table_privilege('" + runtimeRole(ID) + "', c.oid, 'select, insert, update, delete')"
                + " or (c.relkind = 'S' and has_sequence_privilege('" + runtimeRole(ID) + "', c.oid, 'usage')))"))
                .isEmpty();
        assertThat(Server.strings("select p.oid::regprocedure::text from pg_proc p"
                + " join pg_namespace n on n.oid = p.pronamespace where n.nspname = 'public'"
                + " and has_function_privilege('" + runtimeRole(ID) + "', p.oid, 'execute') order by 1"))
                .containsExactly("current_tenant()", "platform_scope()");
        assertThat(Server.strings("select rolsuper::text || rolbypassrls::text || rolcreaterole::text"
                + " || rolcreatedb::text from pg_roles where rolname = '" + runtimeRole(ID) + "'"))
                .containsExactly("falsefalsefalsefalse");
        assertThat(Server.strings("select count(*) from pg_class c where pg_get_userbyid(c.relowner) = '"
                + runtimeRole(ID) + "'")).as("the runtime role owns nothing").containsExactly("0");
    }

    @Test
    void pluginSqlCannotForgeTheTenant() {
        assertThat(call(aAdmin, "/forge-tenant?t=" + b.id())).startsWith("refused:").contains("not made by Catalyst")
                .doesNotContain(b.slug() + "-secret");
        assertThat(call(aAdmin, "/forge-inline?t=" + b.id())).doesNotContain(b.slug() + "-secret");
        assertThat(call(aAdmin, "/mine")).as("and the plugin still works afterwards")
                .isEqualTo("rows:[{secret=" + a.slug() + "-secret}]");
    }

    @Test
    void pluginSqlCannotForgeThePlatformScope() {
        assertThat(call(aAdmin, "/forge-platform")).startsWith("refused:").doesNotContain(b.slug() + "-secret");
    }

    @Test
    void aBindingThePluginSawIsWorthlessInAnotherTransaction() {
        String seen = call(bAdmin, "/sig");
        String sig = seen.replaceAll("(?s).*sig=([^,}]*).*", "$1");
        assertThat(call(aAdmin, "/replay?t=" + b.id() + "&s=" + URLEncoder.encode(sig, StandardCharsets.UTF_8)))
                .startsWith("refused:").doesNotContain(b.slug() + "-secret");
    }

    @Test
    void aMigrationThatLeavesASecurityDefinerFunctionIsRefused() throws Exception {
        String id = "definer-" + UUID.randomUUID().toString().substring(0, 6);
        byte[] jar = withResources(build(TestPlugins.Spec.of(id, "1.0.0")
                .endpoint("test.definer.Rename", "/rename",
                        "test.definer.Sql.query(ctx, \"select rename_tenant(cast(? as uuid), 'pwned') as renamed\","
                                + " request.query(\"t\").orElseThrow())")
                .source("test.definer.Sql", SQL_HELPER.replace("package test.hostile;", "package test.definer;"))),
                Map.of("db/plugin/V1__rename.sql", """
                        create table stash (tenant_id uuid not null default public.current_tenant(), x text,
                                            primary key (tenant_id));
                        select public.enable_tenant_rls('stash');
                        create function rename_tenant(t uuid, n text) returns integer language plpgsql
                          security definer as $$
                        declare changed integer;
                        begin
                          perform set_config('app.platform', 'on', true);
                          update public.tenant set name = n where id = t;
                          get diagnostics changed = row_count;
                          return changed;
                        end $$;
                        """));

        HttpResponse<String> installed = Fixture.installPlugin(jar);

        assertThat(installed.statusCode()).as(installed.body()).isEqualTo(200);
        if ("STARTED".equals(Server.json(installed).getString("state"))) {
            enable(aAdmin, id);
            call(aAdmin, id, "/rename?t=" + b.id());
        }
        assertThat(Server.strings("select name from tenant where id = '" + b.id() + "'"))
                .containsExactly("Tenant " + b.slug());
        assertThat(Server.json(installed).getString("state")).as(installed.body()).isEqualTo("FAILED");
        assertThat(Server.json(installed).getString("reason")).contains("SECURITY DEFINER");
    }

    @Test
    void aMigrationCannotCreateAnythingOutsideItsSchema() throws Exception {
        String id = "outside-" + UUID.randomUUID().toString().substring(0, 6);
        String table = "evil_" + id.replace('-', '_');
        byte[] jar = withResources(build(TestPlugins.Spec.of(id, "1.0.0")
                .endpoint("test.outside.Fine", "/fine", "\"\\\"fine\\\"\"")), Map.of("db/plugin/V1__outside.sql", """
                create table public.%s (tenant_id uuid not null);
                """.formatted(table)));

        HttpResponse<String> installed = Fixture.installPlugin(jar);

        assertThat(installed.statusCode()).as(installed.body()).isEqualTo(200);
        assertThat(Server.strings("select to_regclass('public." + table + "')::text")).containsExactly((String) null);
        assertThat(Server.json(installed).getString("state")).as(installed.body()).isEqualTo("FAILED");
        assertThat(Server.json(installed).getString("reason")).contains("permission denied for schema public");
        // nor do its migrations run as the owner: nothing in the plugin's schema is the owner's
        assertThat(Server.strings("select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace"
                + " where n.nspname = '" + schema(ID) + "' and pg_get_userbyid(c.relowner) = '"
                + Server.env("CATALYST_DB_OWNER_USER") + "'")).containsExactly("0");
    }

    /** The plugin's code: runs SQL through PluginData and answers the rows, or why they were refused. */
    private static final String SQL_HELPER = """
            package test.hostile;
            import io.catalyst.api.PluginContext;
            public final class Sql {
                public static String query(PluginContext ctx, String sql, Object... params) {
                    try {
                        return quote("rows:" + ctx.data().query(sql, params));
                    } catch (RuntimeException e) {
                        return quote("refused:" + messages(e));
                    }
                }
                public static String update(PluginContext ctx, String sql, Object... params) {
                    try {
                        return quote("rows:" + ctx.data().update(sql, params));
                    } catch (RuntimeException e) {
                        return quote("refused:" + messages(e));
                    }
                }
                private static String messages(Throwable e) {
                    StringBuilder out = new StringBuilder();
                    for (Throwable t = e; t != null && t != t.getCause(); t = t.getCause()) {
                        out.append(t.getMessage()).append(" | ");
                    }
                    return out.toString();
                }
                private static String quote(String text) {
                    return "\\"" + text.replace("\\\\", "\\\\\\\\").replace("\\"", "\\\\\\"")
                            .replaceAll("[\\\\r\\\\n\\\\t]", " ") + "\\"";
                }
            }
            """;

    /** The database role a plugin's SQL runs as, in the IT's database {@code catalyst}. */
    private static String runtimeRole(String id) {
        return "catalyst_plugin_" + id.replace('-', '_');
    }

    private static String schema(String id) {
        return "plugin_" + id.replace('-', '_');
    }

    private static String call(String bearer, String path) {
        return call(bearer, ID, path);
    }

    private static String call(String bearer, String pluginId, String path) {
        HttpResponse<String> response = Fixture.call("GET", "/api/plugins/" + pluginId + path, bearer, null);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        elemental.json.JsonArray answer = elemental.json.Json.instance().parse("[" + response.body() + "]");
        return answer.getString(0);
    }

    private static void enable(String bearer, String pluginId) {
        HttpResponse<String> response = Fixture.call("PUT", "/api/tenant/plugins/" + pluginId + "/enablement", bearer,
                "{\"enabled\":true}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private static byte[] build(TestPlugins.Spec spec) throws IOException {
        Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "test-plugins")), "hostile");
        return Files.readAllBytes(TestPlugins.build(dir, spec));
    }

    /** The jar with these files added, as the plugin's build would put its migrations in. */
    private static byte[] withResources(byte[] jar, Map<String, String> files) throws IOException {
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(jar))) {
            Manifest manifest = new Manifest(in.getManifest());
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (JarOutputStream out = new JarOutputStream(bytes, manifest)) {
                for (JarEntry entry = in.getNextJarEntry(); entry != null; entry = in.getNextJarEntry()) {
                    out.putNextEntry(new JarEntry(entry.getName()));
                    in.transferTo(out);
                    out.closeEntry();
                }
                out.putNextEntry(new JarEntry("db/"));
                out.closeEntry();
                out.putNextEntry(new JarEntry("db/plugin/"));
                out.closeEntry();
                for (Map.Entry<String, String> file : files.entrySet()) {
                    out.putNextEntry(new JarEntry(file.getKey()));
                    out.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                    out.closeEntry();
                }
            }
            return bytes.toByteArray();
        }
    }
}
