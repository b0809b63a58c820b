package io.catalyst.core.identity;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The permission registry: the core's permissions, and those plugins declare. Role editors offer what is here, and
 * a custom role may hold nothing else.
 */
public final class Permissions {

    public static final String TENANT_READ = "tenant:read";
    public static final String TENANT_MANAGE = "tenant:manage";
    public static final String USERS_READ = "users:read";
    public static final String USERS_MANAGE = "users:manage";
    public static final String ROLES_MANAGE = "roles:manage";
    public static final String TOKENS_MANAGE = "tokens:manage";
    public static final String AUDIT_READ = "audit:read";
    public static final String DASHBOARDS_READ = "dashboards:read";
    public static final String METRICS_MANAGE = "metrics:manage";
    public static final String DASHBOARDS_SHARE = "dashboards:share";
    public static final String CONNECTIONS_READ = "connections:read";
    public static final String CONNECTIONS_MANAGE = "connections:manage";
    public static final String PLUGINS_MANAGE = "plugins:manage";
    public static final String WEBHOOKS_MANAGE = "webhooks:manage";
    public static final String AI_USAGE = "ai:usage";

    public static final String PLATFORM_TENANTS = "platform:tenants";
    public static final String PLATFORM_IMPERSONATE = "platform:impersonate";
    public static final String PLATFORM_PORTFOLIO = "platform:portfolio";
    public static final String PLATFORM_SYSTEM = "platform:system";
    public static final String PLATFORM_PLUGINS = "platform:plugins";

    private static final Permissions REGISTRY = new Permissions();

    private final Map<String, Permission> byName = new ConcurrentHashMap<>();
    private final Map<BuiltInRole, java.util.Set<String>> pluginGrants = new ConcurrentHashMap<>();

    private Permissions() {
        core(TENANT_READ, "See the company profile, goals and branding");
        core(TENANT_MANAGE, "Change the company profile, goals and branding");
        core(USERS_READ, "See who has access and with which roles");
        core(USERS_MANAGE, "Invite people, change their roles, remove them");
        core(ROLES_MANAGE, "Create and change custom roles");
        core(TOKENS_MANAGE, "Create and revoke service API tokens");
        core(AUDIT_READ, "Read the audit log");
        core(DASHBOARDS_READ, "See dashboards and reports");
        core(METRICS_MANAGE, "Define the company's custom metrics");
        core(DASHBOARDS_SHARE, "Share read-only links to dashboards with people without an account");
        core(CONNECTIONS_READ, "See data source connections and their syncs");
        core(CONNECTIONS_MANAGE, "Connect, configure and disconnect data sources");
        core(PLUGINS_MANAGE, "Enable, disable and configure plugins for the company");
        core(WEBHOOKS_MANAGE, "Add and remove the webhooks that receive the company's notifications");
        core(AI_USAGE, "See the company's AI credits and who used them");
        core(PLATFORM_TENANTS + ":manage", "Create, suspend, reactivate and offboard client companies");
        core(PLATFORM_IMPERSONATE + ":use", "Act as a user of a client company, audited");
        core(PLATFORM_PORTFOLIO + ":read", "See figures across all client companies");
        core(PLATFORM_SYSTEM + ":read", "See the platform's own state");
        core(PLATFORM_PLUGINS + ":manage", "Install, upgrade, restart and remove plugins");
    }

    public static Permissions registry() {
        return REGISTRY;
    }

    /** Adds a plugin's permission; a name already registered keeps its first owner. */
    public Permission declare(Permission permission) {
        return byName.putIfAbsent(permission.name(), permission) == null ? permission : byName.get(permission.name());
    }

    /** Lets a built-in role (analyst, viewer) hold a plugin's permission, as the plugin's declaration asks. */
    public void grant(BuiltInRole role, String name) {
        if (role == BuiltInRole.ANALYST || role == BuiltInRole.VIEWER) {
            pluginGrants.computeIfAbsent(role, r -> ConcurrentHashMap.newKeySet()).add(name);
        }
    }

    /** What a built-in role holds: its own permissions, then the plugins' permissions granted to it. */
    public List<String> of(BuiltInRole role) {
        List<String> all = new java.util.ArrayList<>(role.permissions());
        pluginGrants.getOrDefault(role, java.util.Set.of()).stream().sorted().forEach(all::add);
        return all;
    }

    public boolean known(String name) {
        return byName.containsKey(name);
    }

    public List<Permission> all() {
        return byName.values().stream().sorted(Comparator.comparing(Permission::name)).toList();
    }

    /** Those a tenant admin may put into a custom role. */
    public List<Permission> tenantRelative() {
        return all().stream().filter(p -> !p.platformWide()).toList();
    }


    private void core(String name, String description) {
        byName.put(name, new Permission(name, description, "core"));
    }
}
