package io.catalyst.core.plugins;

import io.catalyst.api.settings.FieldError;
import io.catalyst.api.settings.SettingField;
import io.catalyst.api.settings.SettingType;
import io.catalyst.api.settings.SettingsSchema;
import io.catalyst.core.audit.AuditEntry;
import io.catalyst.core.audit.AuditLog;
import io.catalyst.core.secrets.SecretBox;
import io.catalyst.core.tenancy.Scopes;
import io.catalyst.core.web.Problem;
import io.catalyst.core.web.ProblemException;
import io.catalyst.core.web.ProblemType;
import io.catalyst.core.web.Texts;
import io.catalyst.runtime.Contribution;
import io.catalyst.runtime.PluginFailure;
import io.catalyst.runtime.PluginStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.transaction.Transactional;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * A plugin per tenant: installed once by the platform, enabled and configured by each tenant's admins. A plugin that
 * is not enabled for a tenant has no screen, endpoint, job or listener there. Settings are checked against the
 * plugin's schema (types, required fields, choices, then the plugin's own rules); secret settings are sealed with
 * {@link SecretBox} and never shown again.
 */
@ApplicationScoped
public class TenantPlugins {

    private static final Logger LOG = Logger.getLogger(TenantPlugins.class.getName());

    @Inject
    Scopes scopes;

    @Inject
    AuditLog audit;

    @Inject
    PluginHost host;

    @Inject
    SecretBox secrets;

    /** A plugin as a tenant sees it: installed, running, enabled here, and its settings (secrets only as "set"). */
    public record View(String pluginId, String version, String description, String state, boolean enabled,
                       List<SettingField> fields, Map<String, String> settings, Set<String> secretsSet) {
    }

    /** Whether the plugin runs and is enabled for the tenant. */
    public boolean enabled(UUID tenantId, String pluginId) {
        if (!host.ready() || host.runtime().status(pluginId).map(s -> s.state() != PluginStatus.State.STARTED)
                .orElse(true)) {
            return false;
        }
        return scopes.tenant(tenantId, em -> !Scopes.sql(em, "select 1 from tenant_plugin where plugin_id = ?1"
                + " and enabled").setParameter(1, pluginId).getResultList().isEmpty());
    }

    /** The ids of the plugins enabled for a tenant (running or not). */
    public Set<String> enabledIds(UUID tenantId) {
        return scopes.tenant(tenantId, em -> {
            @SuppressWarnings("unchecked")
            List<String> ids = Scopes.sql(em, "select plugin_id from tenant_plugin where enabled").getResultList();
            return Set.copyOf(ids);
        });
    }

    /** The tenants a plugin is enabled for, for platform admins. */
    public Map<String, List<String>> tenantsByPlugin() {
        return scopes.platform(em -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = Scopes.sql(em, "select p.plugin_id, t.slug from tenant_plugin p join tenant t"
                    + " on t.id = p.tenant_id where p.enabled order by t.slug").getResultList();
            Map<String, List<String>> byPlugin = new TreeMap<>();
            rows.forEach(r -> byPlugin.computeIfAbsent((String) r[0], k -> new ArrayList<>()).add((String) r[1]));
            return byPlugin;
        });
    }

    /** The active tenants each plugin is enabled for, by id (for the host's jobs). */
    public Map<String, Set<UUID>> tenantIdsByPlugin() {
        return scopes.platform(em -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = Scopes.sql(em, "select p.plugin_id, p.tenant_id from tenant_plugin p join tenant t"
                    + " on t.id = p.tenant_id where p.enabled and t.status = 'ACTIVE'").getResultList();
            Map<String, Set<UUID>> byPlugin = new TreeMap<>();
            rows.forEach(r -> byPlugin.computeIfAbsent((String) r[0], k -> new HashSet<>()).add((UUID) r[1]));
            return byPlugin;
        });
    }

    /** Every installed plugin, as this tenant sees it. */
    public List<View> list(UUID tenantId) {
        List<View> views = new ArrayList<>();
        for (PluginStatus status : host.list()) {
            if (status.state() != PluginStatus.State.REFUSED) {
                views.add(view(tenantId, status));
            }
        }
        return views;
    }

    public View view(UUID tenantId, String pluginId) {
        return view(tenantId, installed(pluginId));
    }

    /** The tenant's settings of a plugin, secrets included in clear: for the plugin's context only. */
    public Map<String, String> settings(UUID tenantId, String pluginId) {
        return stored(tenantId, pluginId).map(row -> strings(row[1])).orElse(Map.of());
    }

    public Optional<String> secret(UUID tenantId, String pluginId, String key) {
        return stored(tenantId, pluginId).map(row -> strings(row[2]).get(key))
                .map(sealed -> secrets.open(sealed, context(tenantId, pluginId, key)));
    }

    @Transactional
    public View setEnabled(UUID actorId, String actor, UUID tenantId, String pluginId, boolean enabled) {
        PluginStatus status = installed(pluginId);
        if (enabled) {
            List<Problem.FieldError> missing = new ArrayList<>();
            Map<String, String> settings = settings(tenantId, pluginId);
            Map<String, String> sealed = stored(tenantId, pluginId).map(r -> strings(r[2])).orElse(Map.of());
            for (SettingField field : fields(pluginId)) {
                boolean has = field.type() == SettingType.SECRET ? sealed.containsKey(field.key())
                        : settings.containsKey(field.key()) || field.defaultValue() != null;
                if (field.required() && !has) {
                    missing.add(new Problem.FieldError(field.key(), "required before the plugin can be enabled"));
                }
            }
            if (!missing.isEmpty()) {
                throw new ProblemException(ProblemType.VALIDATION_FAILED, "Fill in the plugin's required settings"
                        + " first.", missing, null);
            }
        }
        scopes.tenant(tenantId, em -> Scopes.sql(em, "insert into tenant_plugin (tenant_id, plugin_id, enabled)"
                        + " values (?1, ?2, ?3) on conflict (tenant_id, plugin_id) do update set enabled = ?3,"
                        + " updated_at = now()")
                .setParameter(1, tenantId).setParameter(2, pluginId).setParameter(3, enabled).executeUpdate());
        audit.record(new AuditEntry(tenantId, actorId, actor, enabled ? "plugins.plugin.enabled"
                : "plugins.plugin.disabled", "plugin", pluginId, null, Map.of("version", status.version())));
        return view(tenantId, status);
    }

    /**
     * Saves settings: every field checked against the plugin's schema, then by the plugin itself. A secret left
     * empty keeps its stored value.
     */
    @Transactional
    public View saveSettings(UUID actorId, String actor, UUID tenantId, String pluginId, Map<String, String> given) {
        PluginStatus status = installed(pluginId);
        List<SettingField> fields = fields(pluginId);
        List<Problem.FieldError> errors = new ArrayList<>();
        Map<String, String> plain = new TreeMap<>();
        Map<String, String> newSecrets = new TreeMap<>();
        for (Map.Entry<String, String> entry : given.entrySet()) {
            String key = entry.getKey();
            if (fields.stream().noneMatch(f -> f.key().equals(key))) {
                errors.add(new Problem.FieldError(Texts.problem(key, Texts.KEY, false) == null ? key : "(a key)",
                        "not a setting of " + pluginId));
            } else {
                Texts.check(errors, key, entry.getValue(), Texts.SECRET);
            }
        }
        Map<String, String> sealedBefore = stored(tenantId, pluginId).map(r -> strings(r[2])).orElse(Map.of());
        for (SettingField field : fields) {
            String value = given.get(field.key());
            value = value == null || value.isBlank() ? null : value.trim();
            if (field.type() == SettingType.SECRET) {
                if (value != null) {
                    newSecrets.put(field.key(), value);
                } else if (field.required() && !sealedBefore.containsKey(field.key())) {
                    errors.add(new Problem.FieldError(field.key(), "required"));
                }
                continue;
            }
            if (value == null) {
                if (field.required() && field.defaultValue() == null) {
                    errors.add(new Problem.FieldError(field.key(), "required"));
                }
                continue;
            }
            typeError(field, value).ifPresent(why -> errors.add(new Problem.FieldError(field.key(), why)));
            plain.put(field.key(), value);
        }
        if (errors.isEmpty()) {
            Map<String, String> all = new TreeMap<>(plain);
            all.putAll(newSecrets);
            for (Contribution<SettingsSchema> schema : host.runtime().extensions(SettingsSchema.class)) {
                if (schema.pluginId().equals(pluginId)) {
                    for (FieldError error : host.runtime().call(schema, tenantId.toString(), "validate settings",
                            s -> s.validate(all))) {
                        errors.add(new Problem.FieldError(error.key(), error.message()));
                    }
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, "The settings are not valid.", errors, null);
        }
        Map<String, String> sealed = new TreeMap<>(sealedBefore);
        newSecrets.forEach((key, value) -> sealed.put(key, secrets.seal(value, context(tenantId, pluginId, key))));
        Map<String, String> before = settings(tenantId, pluginId);
        scopes.tenant(tenantId, em -> Scopes.sql(em, "insert into tenant_plugin (tenant_id, plugin_id, settings,"
                        + " secrets) values (?1, ?2, cast(?3 as jsonb), cast(?4 as jsonb)) on conflict (tenant_id,"
                        + " plugin_id) do update set settings = excluded.settings, secrets = excluded.secrets,"
                        + " updated_at = now()")
                .setParameter(1, tenantId).setParameter(2, pluginId).setParameter(3, json(plain))
                .setParameter(4, json(sealed)).executeUpdate());
        Map<String, Object> after = new LinkedHashMap<>(plain);
        newSecrets.keySet().forEach(key -> after.put(key, "(secret changed)"));
        audit.record(new AuditEntry(tenantId, actorId, actor, "plugins.settings.changed", "plugin", pluginId,
                Map.copyOf(before), after));
        return view(tenantId, status);
    }

    /** The plugin's settings form, from its schema. */
    public List<SettingField> fields(String pluginId) {
        List<SettingField> fields = new ArrayList<>();
        for (Contribution<SettingsSchema> schema : host.runtime().extensions(SettingsSchema.class)) {
            if (schema.pluginId().equals(pluginId)) {
                fields.addAll(host.runtime().call(schema, "settings schema", SettingsSchema::fields));
            }
        }
        return fields;
    }

    private View view(UUID tenantId, PluginStatus status) {
        Optional<Object[]> row = stored(tenantId, status.pluginId());
        boolean running = status.state() == PluginStatus.State.STARTED;
        List<SettingField> fields = List.of();
        if (running) {
            try {
                fields = fields(status.pluginId());
            } catch (PluginFailure | IllegalStateException failing) {
                // a plugin that fails (or stops) while the list is made loses its form here, not everyone the list
                LOG.warning(() -> "The settings of plugin " + status.pluginId() + " could not be read: "
                        + failing.getMessage());
            }
        }
        return new View(status.pluginId(), status.version(), status.description(), status.state().name(),
                row.map(r -> (Boolean) r[0]).orElse(false), fields,
                row.map(r -> strings(r[1])).orElse(Map.of()),
                row.map(r -> strings(r[2]).keySet()).orElse(Set.of()));
    }

    private PluginStatus installed(String pluginId) {
        return host.runtime().status(pluginId).filter(s -> s.state() != PluginStatus.State.REFUSED)
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "There is no plugin " + pluginId + "."));
    }

    private Optional<Object[]> stored(UUID tenantId, String pluginId) {
        return scopes.tenant(tenantId, em -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = Scopes.sql(em, "select enabled, settings::text, secrets::text from tenant_plugin"
                    + " where plugin_id = ?1").setParameter(1, pluginId).getResultList();
            return rows.stream().findFirst();
        });
    }

    private static Optional<String> typeError(SettingField field, String value) {
        try {
            switch (field.type()) {
                case INTEGER -> Long.parseLong(value);
                case DECIMAL -> new BigDecimal(value);
                case BOOLEAN -> {
                    if (!value.equals("true") && !value.equals("false")) {
                        return Optional.of("true or false");
                    }
                }
                case CHOICE -> {
                    if (!field.choices().contains(value)) {
                        return Optional.of("one of " + String.join(", ", field.choices()));
                    }
                }
                case URL -> {
                    URI uri = URI.create(value);
                    if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme()) || uri.getHost() == null) {
                        return Optional.of("an http(s) address");
                    }
                }
                default -> {
                    if (value.length() > 2000) {
                        return Optional.of("at most 2000 characters");
                    }
                }
            }
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(field.type() == SettingType.INTEGER ? "a whole number"
                    : field.type() == SettingType.DECIMAL ? "a number" : "not valid");
        }
    }

    private static String context(UUID tenantId, String pluginId, String key) {
        return "tenant/" + tenantId + "/plugin/" + pluginId + "/" + key;
    }

    private static Map<String, String> strings(Object json) {
        JsonObject object = Json.createReader(new StringReader(String.valueOf(json))).readObject();
        Map<String, String> values = new TreeMap<>();
        object.forEach((key, value) -> values.put(key, value instanceof JsonString s ? s.getString()
                : value.toString()));
        return values;
    }

    private static String json(Map<String, String> values) {
        JsonObjectBuilder builder = Json.createObjectBuilder();
        values.forEach(builder::add);
        return builder.build().toString();
    }
}
