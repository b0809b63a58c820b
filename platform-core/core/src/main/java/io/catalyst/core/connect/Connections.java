package io.catalyst.core.connect;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.catalyst.api.connect.AuthKind;
import io.catalyst.api.connect.Connector;
import io.catalyst.api.settings.SettingField;
import io.catalyst.api.settings.SettingType;
import io.catalyst.core.audit.AuditEntry;
import io.catalyst.core.audit.AuditLog;
import io.catalyst.core.secrets.SecretBox;
import io.catalyst.core.tenancy.Scopes;
import io.catalyst.core.web.Problem;
import io.catalyst.core.web.ProblemException;
import io.catalyst.core.web.ProblemType;
import io.catalyst.core.web.Texts;
import io.catalyst.runtime.connect.ProviderHttp;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.URI;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A company's connections to data sources: creating them (an API key is sealed on arrival), listing them, their
 * settings, and disconnecting them. Authorising one with OAuth is {@link ConnectionAuthorization} (and
 * {@link ShareLinks}); its credential comes out, for a sync, only through {@link ConnectionSessions}. Nothing here
 * returns or logs a credential.
 */
@ApplicationScoped
public class Connections {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The longest value a connection setting may hold. */
    static final int MAX_SETTING_LENGTH = 500;

    /** A connection as the API and UI show it: never its credential. */
    public record View(UUID id, String connector, String connectorName, String name, String status,
                       List<String> accounts, int scheduleMinutes, int lookbackDays, String baseUrl,
                       Map<String, String> settings, boolean authorised, Instant lastSyncAt, String lastStatus,
                       String lastError, Instant createdAt) {
    }

    /** A new connection. {@code apiKey} only for API-key connectors; OAuth ones are authorised afterwards. */
    public record Draft(String connector, String name, String apiKey, String baseUrl, List<String> accounts,
                        Integer scheduleMinutes, Integer lookbackDays, Map<String, String> settings) {
    }

    /** Changes to a connection; null leaves a field as it is. */
    public record Change(String name, List<String> accounts, Integer scheduleMinutes, Integer lookbackDays,
                         Map<String, String> settings, Boolean paused, String apiKey) {
    }

    @Inject
    Scopes scopes;

    @Inject
    SecretBox secrets;

    @Inject
    ConnectorRegistry registry;

    @Inject
    ConnectionAuthorization authorization;

    @Inject
    AuditLog audit;

    /** Hosts a connection's base URL may point at instead of the provider (local fakes); none in production. */
    @Inject
    @ConfigProperty(name = "catalyst.connectors.local-hosts")
    Optional<List<String>> localHosts;

    public List<View> list(UUID tenantId) {
        return scopes.tenant(tenantId, em -> Scopes.sql(em, SELECT + " order by created_at").getResultList().stream()
                .map(row -> view((Object[]) row)).map(View.class::cast).toList());
    }

    /** A connection of the tenant; another tenant's answers 404 like a missing one. */
    public View get(UUID tenantId, UUID id) {
        return scopes.tenant(tenantId, em -> find(em, id));
    }

    public View create(UUID tenantId, UUID actorId, String actor, Draft draft) {
        if (draft == null || blank(draft.connector())) {
            throw invalid("connector", "name the connector, e.g. meta-ads");
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        Texts.check(errors, "connector", draft.connector(), Texts.KEY);
        Texts.check(errors, "name", draft.name(), Texts.NAME);
        Texts.check(errors, "apiKey", draft.apiKey(), Texts.SECRET);
        Texts.check(errors, "baseUrl", draft.baseUrl(), Texts.KEY);
        Texts.checkAll(errors, "accounts", draft.accounts(), Texts.KEY);
        Texts.require(errors, "The connection");
        Connector connector = connector(draft.connector());
        if (authorization != null && !authorization.configured(connector)) {
            // a pending connection nobody can authorise would only wait there: refuse it, in the client's words
            authorization.app(connector); // throws the not-configured problem (and logs what operators must set)
        }
        AuthKind kind = connector.auth().kind();
        if (kind == AuthKind.API_KEY && blank(draft.apiKey())) {
            throw invalid("apiKey", "this connector connects with an API key");
        }
        checkSettings(connector, draft.settings());
        String baseUrl = baseUrl(draft.baseUrl());
        UUID id = UUID.randomUUID();
        String name = blank(draft.name()) ? connector.displayName() : draft.name().trim();
        scopes.tenant(tenantId, em -> Scopes.sql(em, "insert into connection (tenant_id, id, connector, name, status,"
                        + " schedule_minutes, lookback_days, config, accounts, base_url, created_by, credentials)"
                        + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7, cast(?8 as jsonb), cast(?9 as jsonb), ?10, ?11, ?12)")
                .setParameter(1, tenantId).setParameter(2, id).setParameter(3, connector.id())
                .setParameter(4, name).setParameter(5, kind == AuthKind.OAUTH2 ? "PENDING" : "ACTIVE")
                .setParameter(6, schedule(draft.scheduleMinutes(), 360))
                .setParameter(7, lookback(draft.lookbackDays(), 28))
                .setParameter(8, json(draft.settings() == null ? Map.of() : draft.settings()))
                .setParameter(9, json(draft.accounts() == null ? List.of() : draft.accounts()))
                .setParameter(10, baseUrl).setParameter(11, actorId)
                .setParameter(12, kind == AuthKind.API_KEY
                        ? secrets.seal(Credentials.apiKey(draft.apiKey().trim()).toJson(), context(tenantId, id))
                        : null)
                .executeUpdate());
        audit.record(new AuditEntry(tenantId, actorId, actor, "connections.connection.created", "connection",
                id.toString(), null, Map.of("connector", connector.id(), "name", name)));
        return get(tenantId, id);
    }

    public View update(UUID tenantId, UUID actorId, String actor, UUID id, Change change) {
        View before = get(tenantId, id);
        if (change == null) {
            return before;
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        Texts.check(errors, "name", change.name(), Texts.NAME);
        Texts.check(errors, "apiKey", change.apiKey(), Texts.SECRET);
        Texts.checkAll(errors, "accounts", change.accounts(), Texts.KEY);
        Texts.require(errors, "The change");
        if (change.settings() != null) {
            checkSettings(connector(before.connector()), change.settings());
        }
        scopes.tenant(tenantId, em -> {
            Scopes.sql(em, "update connection set name = coalesce(?1, name), accounts = coalesce(cast(?2 as jsonb),"
                            + " accounts), schedule_minutes = coalesce(?3, schedule_minutes), lookback_days ="
                            + " coalesce(?4, lookback_days), config = coalesce(cast(?5 as jsonb), config),"
                            + " status = case when ?6 = 'PAUSED' and status = 'ACTIVE' then 'PAUSED'"
                            + " when ?6 = 'RESUME' and status = 'PAUSED' then 'ACTIVE' else status end,"
                            + " updated_at = now() where id = ?7")
                    .setParameter(1, blank(change.name()) ? null : change.name().trim())
                    .setParameter(2, change.accounts() == null ? null : json(change.accounts()))
                    .setParameter(3, change.scheduleMinutes() == null ? null : schedule(change.scheduleMinutes(), 0))
                    .setParameter(4, change.lookbackDays() == null ? null : lookback(change.lookbackDays(), 0))
                    .setParameter(5, change.settings() == null ? null : json(change.settings()))
                    .setParameter(6, change.paused() == null ? "" : change.paused() ? "PAUSED" : "RESUME")
                    .setParameter(7, id).executeUpdate();
            if (!blank(change.apiKey())) {
                if (connector(before.connector()).auth().kind() != AuthKind.API_KEY) {
                    throw invalid("apiKey", "this connector is authorised with OAuth, not a key");
                }
                store(em, tenantId, id, Credentials.apiKey(change.apiKey().trim()));
            }
            return null;
        });
        View after = get(tenantId, id);
        audit.record(new AuditEntry(tenantId, actorId, actor, "connections.connection.updated", "connection",
                id.toString(), summary(before), summary(after)));
        return after;
    }

    /**
     * Removes a connection with its jobs and checkpoints. Unless {@code keepData}, the warehouse rows of its
     * source go too; refused then while another connection of the same connector still feeds that source.
     */
    public void delete(UUID tenantId, UUID actorId, String actor, UUID id, boolean keepData) {
        View view = get(tenantId, id);
        scopes.tenant(tenantId, em -> {
            if (!keepData) {
                Number others = (Number) Scopes.sql(em, "select count(*) from connection where connector = ?1"
                        + " and id <> ?2").setParameter(1, view.connector()).setParameter(2, id).getSingleResult();
                if (others.intValue() > 0) {
                    throw new ProblemException(ProblemType.CONFLICT, "Another " + view.connectorName()
                            + " connection feeds the same data; disconnect keeping the data, or remove both.");
                }
                for (String table : WAREHOUSE_TABLES) {
                    Scopes.sql(em, "delete from " + table + " where source = ?1")
                            .setParameter(1, view.connector()).executeUpdate();
                }
            }
            Scopes.sql(em, "delete from connection where id = ?1").setParameter(1, id).executeUpdate();
            return null;
        });
        audit.record(new AuditEntry(tenantId, actorId, actor, "connections.connection.deleted", "connection",
                id.toString(), summary(view), Map.of("dataKept", keepData)));
    }

    /** Replaces a connection's credential, sealed, in the caller's transaction. */
    void store(EntityManager em, UUID tenantId, UUID id, Credentials credentials) {
        Scopes.sql(em, "update connection set credentials = ?1, updated_at = now() where id = ?2")
                .setParameter(1, secrets.seal(credentials.toJson(), context(tenantId, id))).setParameter(2, id)
                .executeUpdate();
    }

    /** An installed connector, or a validation problem naming the field. */
    Connector connector(String id) {
        return registry.find(id).map(ConnectorRegistry.Available::connector).orElseThrow(() -> new ProblemException(
                ProblemType.VALIDATION_FAILED, "No installed connector is called " + id, List.of(
                        new Problem.FieldError("connector", "not installed: ask a platform admin")), null));
    }

    /**
     * A connection's own settings, checked the same for the REST API and the screen: only the keys the connector
     * declares ({@link Connector#connectionSettings()}), never one of its {@link Connector#platformSettings()}, a
     * choice one of its choices, and each value at most {@value #MAX_SETTING_LENGTH} characters. A blank value
     * stands for the declared default. Every problem is named at once, as field {@code settings.<key>}.
     */
    static void checkSettings(Connector connector, Map<String, String> settings) {
        if (settings == null || settings.isEmpty()) {
            return;
        }
        Map<String, SettingField> declared = new LinkedHashMap<>();
        connector.connectionSettings().forEach(field -> declared.put(field.key(), field));
        List<Problem.FieldError> errors = new ArrayList<>();
        for (Map.Entry<String, String> setting : settings.entrySet()) {
            String key = setting.getKey();
            String value = setting.getValue();
            SettingField field = declared.get(key);
            String why = null;
            if (connector.platformSettings().contains(key)) {
                why = "the platform sets this for every " + connector.displayName() + " connection; a connection"
                        + " cannot";
            } else if (field == null) {
                why = "not a setting of " + connector.displayName() + (declared.isEmpty() ? ", which has none"
                        : "; its settings are " + String.join(", ", declared.keySet()));
            } else if (Texts.problem(value, MAX_SETTING_LENGTH, false) != null) {
                why = Texts.problem(value, MAX_SETTING_LENGTH, false);
            } else if (field.type() == SettingType.CHOICE && !blank(value) && !field.choices().contains(value)) {
                why = "one of " + String.join(", ", field.choices());
            }
            if (why != null) {
                errors.add(new Problem.FieldError("settings." + key, why));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, String.join("; ", errors.stream()
                    .map(e -> e.field() + ": " + e.message()).toList()), errors, null);
        }
    }

    /** The configured local stand-in of the provider's origin, if any. */
    static URI origin(String baseUrl) {
        return baseUrl == null ? null : URI.create(baseUrl);
    }

    /** What a connection's credential is sealed to: it opens for this tenant and connection only. */
    static String context(UUID tenantId, UUID connectionId) {
        return "tenant/" + tenantId + "/connection/" + connectionId;
    }

    /** A timestamp column as the JDBC driver hands it, as an instant. */
    public static Instant toInstant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Timestamp ts) {
            return ts.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime odt) {
            return odt.toInstant();
        }
        return (Instant) value;
    }

    static ProblemException invalid(String field, String message) {
        return new ProblemException(ProblemType.VALIDATION_FAILED, field + ": " + message,
                List.of(new Problem.FieldError(field, message)), null);
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    String baseUrl(String requested) {
        if (blank(requested)) {
            return null;
        }
        URI uri;
        try {
            uri = URI.create(requested.trim());
        } catch (IllegalArgumentException e) {
            throw invalid("baseUrl", "not a URL");
        }
        Set<String> allowed = Set.copyOf(localHosts.orElse(List.of()));
        if (uri.getHost() == null || !allowed.contains(uri.getHost())
                || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
            throw invalid("baseUrl", "only the platform's local stand-in hosts " + allowed + " may replace a"
                    + " provider");
        }
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    private View find(EntityManager em, UUID id) {
        List<?> rows = Scopes.sql(em, SELECT + " where id = ?1").setParameter(1, id).getResultList();
        if (rows.isEmpty()) {
            throw new ProblemException(ProblemType.NOT_FOUND, "No such connection");
        }
        return view((Object[]) rows.get(0));
    }

    private static final String SELECT = "select id, connector, name, status, accounts::text, schedule_minutes,"
            + " lookback_days, base_url, config::text, credentials is not null, last_sync_at, last_status, last_error,"
            + " created_at from connection";
    private static final List<String> WAREHOUSE_TABLES = List.of("wh_insight_daily", "wh_ad", "wh_creative",
            "wh_ad_set", "wh_campaign", "wh_ad_account", "wh_contact", "wh_lead", "wh_deal", "wh_order", "wh_call",
            "wh_quarantine");

    private View view(Object[] r) {
        String connectorId = (String) r[1];
        String displayName = registry.find(connectorId).map(a -> a.connector().displayName()).orElse(connectorId);
        return new View((UUID) r[0], connectorId, displayName, (String) r[2], (String) r[3],
                read((String) r[4], new TypeReference<List<String>>() { }), ((Number) r[5]).intValue(),
                ((Number) r[6]).intValue(), (String) r[7], read((String) r[8],
                new TypeReference<Map<String, String>>() { }), (Boolean) r[9], toInstant(r[10]), (String) r[11],
                (String) r[12], toInstant(r[13]));
    }

    private static Map<String, Object> summary(View v) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("name", v.name());
        s.put("status", v.status());
        s.put("accounts", v.accounts());
        s.put("scheduleMinutes", v.scheduleMinutes());
        s.put("lookbackDays", v.lookbackDays());
        return s;
    }

    static int schedule(Integer minutes, int fallback) {
        int value = minutes == null ? fallback : minutes;
        if (value < 15 || value > 7 * 24 * 60) {
            throw invalid("scheduleMinutes", "between 15 minutes and a week");
        }
        return value;
    }

    static int lookback(Integer days, int fallback) {
        int value = days == null ? fallback : days;
        if (value < 0 || value > 365) {
            throw invalid("lookbackDays", "between 0 and 365 days");
        }
        return value;
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
