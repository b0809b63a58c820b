package io.catalyst.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Makes tenant isolation in PostgreSQL impossible to forget: every table with a tenant_id column must have forced
 * row-level security with a fail-closed policy, and a table without one must be declared platform-wide here.
 */
class TenancyGuardIT {

    /** Tables that deliberately have no tenant_id. Adding one here is a design decision: say why in its migration. */
    // scope_key: the key that signs tenant bindings (V13), readable by the owner role only
    // fx_rate: the platform's exchange rates, the same for every tenant (V14)
    private static final Set<String> PLATFORM_TABLES = Set.of("flyway_schema_history", "tenant", "app_user",
            "password_reset", "platform_token", "plugin_install", "scope_key", "fx_rate");

    private static final UUID TENANT_A = UUID.randomUUID();
    private static final UUID TENANT_B = UUID.randomUUID();

    /** One row of tenant A in every tenant table: a new tenant table needs its row here. */
    @BeforeAll
    static void seedTenantA() throws SQLException {
        UUID user = UUID.randomUUID();
        try (Connection admin = Server.superuser(); Statement sql = admin.createStatement()) {
            sql.execute("insert into tenant (id, slug, name) values ('" + TENANT_A + "', 'guard-a-"
                    + TENANT_A.toString().substring(0, 8) + "', 'Guard A'), ('" + TENANT_B + "', 'guard-b-"
                    + TENANT_B.toString().substring(0, 8) + "', 'Guard B')");
            sql.execute("insert into app_user (id, email, name) values ('" + user + "', 'guard-" + user
                    + "@example.com', 'Guard')");
            sql.execute("insert into membership (tenant_id, user_id, roles) values ('" + TENANT_A + "', '" + user
                    + "', 'viewer')");
            sql.execute("insert into custom_role (tenant_id, id, name) values ('" + TENANT_A + "', '"
                    + UUID.randomUUID() + "', 'guard-role')");
            sql.execute("insert into api_token (tenant_id, id, kind, name, user_id, token_hash, expires_at) values ('"
                    + TENANT_A + "', '" + UUID.randomUUID() + "', 'SERVICE', 'guard', '" + user + "', 'x',"
                    + " now() + interval '1 day')");
            sql.execute("insert into invitation (tenant_id, id, email, roles, token_hash, expires_at) values ('"
                    + TENANT_A + "', '" + UUID.randomUUID() + "', 'guard@example.com', 'viewer', 'guard-"
                    + UUID.randomUUID() + "', now() + interval '1 day')");
            sql.execute("insert into tenant_plugin (tenant_id, plugin_id) values ('" + TENANT_A + "', 'guard')");
            String a = "'" + TENANT_A + "', 'guard'";
            for (String table : List.of("wh_ad_account", "wh_creative", "wh_contact", "wh_lead", "wh_deal", "wh_order",
                    "wh_call")) {
                sql.execute("insert into " + table + " (tenant_id, source, external_id) values (" + a + ", 'x')");
            }
            sql.execute("insert into wh_campaign (tenant_id, source, external_id, account_id) values (" + a
                    + ", 'c', 'x')");
            sql.execute("insert into wh_ad_set (tenant_id, source, external_id, campaign_id) values (" + a
                    + ", 's', 'c')");
            sql.execute("insert into wh_ad (tenant_id, source, external_id, ad_set_id) values (" + a + ", 'd', 's')");
            sql.execute("select wh_insight_partition('2026-01-01')");
            sql.execute("insert into wh_insight_daily (tenant_id, source, level, entity_id, account_id, day, currency,"
                    + " reported_at) values (" + a + ", 'ad', 'd', 'x', '2026-01-15', 'EUR', now())");
            UUID connection = UUID.randomUUID();
            sql.execute("insert into connection (tenant_id, id, connector, name) values ('" + TENANT_A + "', '"
                    + connection + "', 'guard', 'Guard')");
            sql.execute("insert into sync_job (tenant_id, id, connection_id, kind, priority) values ('" + TENANT_A
                    + "', '" + UUID.randomUUID() + "', '" + connection + "', 'INCREMENTAL', 10)");
            sql.execute("insert into sync_checkpoint (tenant_id, connection_id, stream, cursor_value) values ('"
                    + TENANT_A + "', '" + connection + "', 'guard', 'x')");
            sql.execute("insert into oauth_flow (tenant_id, state_hash, connector, connection_id, verifier, expires_at)"
                    + " values ('" + TENANT_A + "', 'guard', 'guard', '" + connection + "', 'x', now())");
            sql.execute("insert into connect_link (tenant_id, id, token_hash, connection_id, created_by, expires_at)"
                    + " values ('" + TENANT_A + "', '" + UUID.randomUUID() + "', 'guard', '" + connection + "', '"
                    + user + "', now())");
            sql.execute("insert into metric_custom (tenant_id, name, label, formula, format) values ('" + TENANT_A
                    + "', 'guard', 'Guard', 'spend', 'MONEY')");
            sql.execute("insert into dashboard_share (tenant_id, id, token_hash, plugin_id, route, title, expires_at)"
                    + " values ('" + TENANT_A + "', '" + UUID.randomUUID() + "', 'guard', 'guard', 'guard', 'Guard',"
                    + " now())");
            UUID notice = UUID.randomUUID();
            sql.execute("insert into notification (tenant_id, id, user_id, source, kind, title, message) values ('"
                    + TENANT_A + "', '" + notice + "', '" + user + "', 'guard', 'guard', 'Guard', 'seed')");
            sql.execute("insert into notification_delivery (tenant_id, id, notification_id, channel, target) values ('"
                    + TENANT_A + "', '" + UUID.randomUUID() + "', '" + notice + "', 'EMAIL', '" + user + "')");
            sql.execute("insert into notification_preference (tenant_id, user_id, source, kind) values ('" + TENANT_A
                    + "', '" + user + "', 'guard', 'guard')");
            sql.execute("insert into notification_webhook (tenant_id, id, name, url, secret) values ('" + TENANT_A
                    + "', '" + UUID.randomUUID() + "', 'Guard', 'https://guard.example/hook', 'sealed')");
            sql.execute("insert into plugin_job_run (tenant_id, plugin_id, job, due_at) values ('" + TENANT_A
                    + "', 'guard', 'guard', now())");
            sql.execute("insert into wh_quarantine (tenant_id, id, source, stream, reason) values ('" + TENANT_A
                    + "', '" + UUID.randomUUID() + "', 'guard', 'insights', 'seed')");
            sql.execute("insert into ai_usage (tenant_id, month, plugin_id, calls, input_tokens) values ('" + TENANT_A
                    + "', date_trunc('month', now())::date, 'guard', 1, 10)");
            sql.execute("insert into audit_event (tenant_id, seq, id, occurred_at, actor, action, prev_hash, hash)"
                    + " values ('" + TENANT_A + "', 1, '" + UUID.randomUUID() + "', now(), 'guard', 'guard.seed',"
                    + " '0', '1')");
        }
    }

    @Test
    void everyTableIsTenantScopedWithForcedRlsOrDeclaredPlatformWide() throws SQLException {
        List<String> problems = new ArrayList<>();
        for (String table : tables()) {
            boolean tenantScoped = has(table, "tenant_id");
            if (!tenantScoped) {
                if (!PLATFORM_TABLES.contains(table) && !table.endsWith(".flyway_schema_history")) {
                    problems.add(table + ": no tenant_id column and not declared platform-wide");
                }
                continue;
            }
            if (!rls(table, "relrowsecurity") || !rls(table, "relforcerowsecurity")) {
                problems.add(table + ": row-level security is not enabled AND forced");
            }
            if (!tenantPolicy(table)) {
                problems.add(table + ": no policy on current_tenant() (current_setting('app.tenant_id'))");
            }
            if (!keysLeadWithTenant(table)) {
                problems.add(table + ": its primary key or a unique key does not start with tenant_id");
            }
        }
        assertThat(problems).isEmpty();
        assertThat(tables()).contains("membership", "custom_role", "audit_event");
    }

    @Test
    void withoutATenantEveryTenantTableRefusesToAnswer() throws SQLException {
        for (String table : tenantTables()) {
            if (table.contains(".")) {
                continue; // the policy is only evaluated on a row, and plugins' tables are not seeded here
            }
            try (Connection app = Server.appRole(); Statement sql = app.createStatement()) {
                assertThatThrownBy(() -> sql.executeQuery("select count(*) from " + table))
                        .as("unbound read of %s", table).isInstanceOf(SQLException.class);
            }
        }
    }

    @Test
    void boundToTenantBNoTableShowsTenantARows() throws SQLException {
        for (String table : tenantTables()) {
            assertThat(countAs(TENANT_B, "select count(*) from " + table + " where tenant_id = '" + TENANT_A + "'"))
                    .as("rows of A visible to B in %s", table).isZero();
            if (!table.contains(".")) { // plugins' tables come and go with plugins; only the core's are seeded
                assertThat(countAs(TENANT_A, "select count(*) from " + table + " where tenant_id = '" + TENANT_A
                        + "'")).as("rows of A visible to A in %s", table).isPositive();
            }
        }
        assertThat(countAs(TENANT_B, "select count(*) from tenant where id = '" + TENANT_A + "'")).isZero();
        assertThat(countAs(TENANT_B, "select count(*) from tenant where id = '" + TENANT_B + "'")).isEqualTo(1);
    }

    @Test
    void boundToTenantBNothingCanBeWrittenIntoTenantA() throws SQLException {
        try (Connection app = Server.appRole()) {
            app.setAutoCommit(false);
            bind(app, TENANT_B);
            try (Statement sql = app.createStatement()) {
                assertThatThrownBy(() -> sql.execute("insert into custom_role (tenant_id, id, name) values ('"
                        + TENANT_A + "', '" + UUID.randomUUID() + "', 'sneaky')"))
                        .isInstanceOf(SQLException.class).hasMessageContaining("row-level security");
            } finally {
                app.rollback();
            }
        }
    }

    @Test
    void aBindingMadeBySetConfigIsRefusedAndTheKeyThatSignsBindingsIsTheOwnersAlone() throws SQLException {
        try (Connection app = Server.appRole()) {
            app.setAutoCommit(false);
            try (Statement sql = app.createStatement()) {
                sql.execute("select set_config('app.tenant_id', '" + TENANT_A + "', true)");
                assertThatThrownBy(() -> sql.executeQuery("select count(*) from custom_role"))
                        .isInstanceOf(SQLException.class).hasMessageContaining("not made by Catalyst");
            } finally {
                app.rollback();
            }
            try (Statement sql = app.createStatement()) {
                assertThatThrownBy(() -> sql.executeQuery("select * from scope_key"))
                        .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
            } finally {
                app.rollback();
            }
        }
    }

    @Test
    void theAuditLogIsAppendOnly() throws SQLException {
        try (Connection app = Server.appRole()) {
            app.setAutoCommit(false);
            bind(app, TENANT_A);
            try (Statement sql = app.createStatement()) {
                assertThatThrownBy(() -> sql.executeUpdate("update audit_event set actor = 'forged'"))
                        .isInstanceOf(SQLException.class);
            } finally {
                app.rollback();
            }
        }
    }

    private static long countAs(UUID tenant, String query) throws SQLException {
        try (Connection app = Server.appRole()) {
            app.setAutoCommit(false);
            bind(app, tenant);
            try (Statement sql = app.createStatement(); ResultSet row = sql.executeQuery(query)) {
                row.next();
                return row.getLong(1);
            } finally {
                app.rollback();
            }
        }
    }

    private static void bind(Connection app, UUID tenant) throws SQLException {
        try (PreparedStatement set = app.prepareStatement("select bind_scope(?::uuid, false, null)")) {
            set.setString(1, tenant.toString());
            set.execute();
        }
    }

    private static List<String> tenantTables() throws SQLException {
        List<String> scoped = new ArrayList<>();
        for (String table : tables()) {
            if (has(table, "tenant_id")) {
                scoped.add(table);
            }
        }
        return scoped;
    }

    /** Every table in every schema: the core's by name, plugins' as {@code plugin_<id>.<table>}. */
    private static List<String> tables() throws SQLException {
        return strings("select case when n.nspname = 'public' then c.relname else n.nspname || '.' || c.relname end"
                + " from pg_class c join pg_namespace n on n.oid = c.relnamespace"
                + " where c.relkind in ('r', 'p') and n.nspname not in ('pg_catalog', 'information_schema')"
                + " and n.nspname not like 'pg\\_%' and not c.relispartition order by 1");
    }

    private static boolean has(String table, String column) throws SQLException {
        return !strings("select 1 from pg_attribute where attrelid = to_regclass('" + table + "') and attname = '"
                + column + "' and not attisdropped").isEmpty();
    }

    private static boolean rls(String table, String flag) throws SQLException {
        return strings("select " + flag + "::text from pg_class where oid = to_regclass('" + table + "')")
                .contains("true");
    }

    private static boolean tenantPolicy(String table) throws SQLException {
        return strings("select pg_get_expr(p.polqual, p.polrelid) from pg_policy p where p.polrelid = to_regclass('"
                + table + "')").stream()
                .anyMatch(qual -> qual != null && (qual.contains("current_tenant()") || qual.contains("app.tenant_id")));
    }

    private static boolean keysLeadWithTenant(String table) throws SQLException {
        return strings("select (select attname from pg_attribute where attrelid = i.indrelid and attnum = i.indkey[0])"
                + " from pg_index i where i.indrelid = to_regclass('" + table + "')"
                + " and (i.indisprimary or i.indisunique)").stream().allMatch("tenant_id"::equals);
    }

    private static List<String> strings(String query) throws SQLException {
        return Server.strings(query);
    }
}
