package io.catalyst.core.connect;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.catalyst.api.connect.AuthKind;
import io.catalyst.api.connect.Connector;
import io.catalyst.core.audit.AuditEntry;
import io.catalyst.core.audit.AuditLog;
import io.catalyst.core.secrets.SecretBox;
import io.catalyst.core.tenancy.Scopes;
import io.catalyst.core.web.Problem;
import io.catalyst.core.web.ProblemException;
import io.catalyst.core.web.ProblemType;
import io.catalyst.runtime.connect.ProviderHttp;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A company's connections to data sources: creating them, authorising them (OAuth 2.0 with PKCE, or an API key),
 * their settings, and their sealed credentials. Credentials go in sealed and come out only to the sync engine;
 * nothing here returns or logs one.
 */
@ApplicationScoped
public class Connections {

    static final Duration FLOW_LIFETIME = Duration.ofMinutes(15);
    static final Duration LINK_LIFETIME = Duration.ofDays(7);
    private static final ObjectMapper JSON = new ObjectMapper();

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

    /** How an OAuth callback ended, for the page the browser lands on. */
    public record Completed(UUID tenantId, UUID connectionId, String returnTo, String error) {
    }

    @Inject
    Scopes scopes;

    @Inject
    SecretBox secrets;

    @Inject
    ConnectorRegistry registry;

    @Inject
    AuditLog audit;

    @Inject
    Config config;

    @Inject
    io.catalyst.core.plugins.PluginHost host;

    @Inject
    @ConfigProperty(name = "catalyst.public.url", defaultValue = "http://127.0.0.1:9080")
    String publicUrl;

    /** Hosts a connection's base URL may point at instead of the provider (local fakes); none in production. */
    @Inject
    @ConfigProperty(name = "catalyst.connectors.local-hosts")
    Optional<List<String>> localHosts;

    private final Clock clock = Clock.systemUTC();
    private final Map<String, ProviderHttp> clients = new java.util.concurrent.ConcurrentHashMap<>();
    private final OAuthClient oauth = new OAuthClient(HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10)).build(), clock);

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
        Connector connector = connector(draft.connector());
        AuthKind kind = connector.auth().kind();
        if (kind == AuthKind.API_KEY && blank(draft.apiKey())) {
            throw invalid("apiKey", "this connector connects with an API key");
        }
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

    /**
     * Starts an OAuth authorisation of a connection: returns where to send the browser. The state is random, stored
     * hashed with the tenant, the user (or share link) and the PKCE verifier, and good once for 15 minutes.
     */
    public URI authorize(UUID tenantId, UUID userId, UUID linkId, UUID id, String returnTo) {
        View view = get(tenantId, id);
        Connector connector = connector(view.connector());
        if (connector.auth().kind() != AuthKind.OAUTH2) {
            throw invalid("connector", view.connectorName() + " connects with an API key, not OAuth");
        }
        String state = OAuthClient.randomToken();
        String verifier = OAuthClient.randomToken();
        scopes.tenant(tenantId, em -> Scopes.sql(em, "insert into oauth_flow (tenant_id, state_hash, connector,"
                        + " connection_id, user_id, link_id, verifier, return_to, expires_at)"
                        + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")
                .setParameter(1, tenantId).setParameter(2, hash(state)).setParameter(3, connector.id())
                .setParameter(4, id).setParameter(5, userId).setParameter(6, linkId)
                .setParameter(7, secrets.seal(verifier, "oauth-flow/" + hash(state)))
                .setParameter(8, safeReturn(returnTo))
                .setParameter(9, Timestamp.from(clock.instant().plus(FLOW_LIFETIME))).executeUpdate());
        URI authorizeUrl = Connector.withOrigin(connector.auth().authorizeUrl(), origin(view.baseUrl()));
        return OAuthClient.authorizeUri(authorizeUrl, app(connector), connector.auth().scopes(), state, verifier);
    }

    /**
     * The provider's redirect back: finds the flow by its state (whoever's browser brings it), exchanges the code
     * with the PKCE verifier, and stores the tokens sealed. A state is good once.
     */
    public Completed complete(String state, String code, String providerError) {
        if (blank(state)) {
            return new Completed(null, null, null, "The link is incomplete: it has no state. Start connecting again.");
        }
        Object[] flow = scopes.platform(em -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = Scopes.sql(em, "delete from oauth_flow where state_hash = ?1 returning tenant_id,"
                            + " connection_id, connector, verifier, return_to, expires_at, user_id, link_id")
                    .setParameter(1, hash(state)).getResultList();
            return rows.isEmpty() ? null : rows.get(0);
        });
        if (flow == null) {
            return new Completed(null, null, null, "This authorisation was already used or is unknown."
                    + " Start connecting again.");
        }
        UUID tenantId = (UUID) flow[0];
        UUID id = (UUID) flow[1];
        String returnTo = (String) flow[4];
        if (toInstant(flow[5]).isBefore(clock.instant())) {
            return new Completed(tenantId, id, returnTo, "The authorisation took longer than 15 minutes."
                    + " Start connecting again.");
        }
        if (!blank(providerError)) {
            return new Completed(tenantId, id, returnTo, "The provider did not grant access (" + providerError
                    + "). Nothing was changed.");
        }
        if (blank(code)) {
            return new Completed(tenantId, id, returnTo, "The provider sent no authorisation code.");
        }
        View view;
        try {
            view = get(tenantId, id);
        } catch (ProblemException gone) {
            return new Completed(tenantId, id, returnTo, "The connection was removed while it was being authorised.");
        }
        Connector connector = connector(view.connector());
        String verifier = secrets.open((String) flow[3], "oauth-flow/" + hash(state));
        Credentials tokens;
        try {
            tokens = oauth.exchange(Connector.withOrigin(connector.auth().tokenUrl(), origin(view.baseUrl())),
                    app(connector), code, verifier);
        } catch (OAuthClient.TokenRefused refused) {
            return new Completed(tenantId, id, returnTo, refused.getMessage());
        }
        scopes.tenant(tenantId, em -> {
            store(em, tenantId, id, tokens);
            Scopes.sql(em, "update connection set status = 'ACTIVE', last_error = null, updated_at = now()"
                    + " where id = ?1").setParameter(1, id).executeUpdate();
            return null;
        });
        UUID userId = (UUID) flow[6];
        UUID linkId = (UUID) flow[7];
        audit.record(new AuditEntry(tenantId, userId, linkId == null ? "user" : "share link " + linkId,
                "connections.connection.authorised", "connection", id.toString(), null,
                Map.of("connector", connector.id())));
        return new Completed(tenantId, id, returnTo, null);
    }

    /**
     * A link the client's own staff can open to authorise this connection without a Catalyst account. Only its
     * hash is stored; it works once, for seven days.
     */
    public URI shareLink(UUID tenantId, UUID actorId, String actor, UUID id) {
        View view = get(tenantId, id);
        if (connector(view.connector()).auth().kind() != AuthKind.OAUTH2) {
            throw invalid("connector", view.connectorName() + " connects with an API key; share that instead");
        }
        String token = OAuthClient.randomToken();
        UUID linkId = UUID.randomUUID();
        scopes.tenant(tenantId, em -> Scopes.sql(em, "insert into connect_link (tenant_id, id, token_hash,"
                        + " connection_id, created_by, expires_at) values (?1, ?2, ?3, ?4, ?5, ?6)")
                .setParameter(1, tenantId).setParameter(2, linkId).setParameter(3, hash(token)).setParameter(4, id)
                .setParameter(5, actorId).setParameter(6, Timestamp.from(clock.instant().plus(LINK_LIFETIME)))
                .executeUpdate());
        audit.record(new AuditEntry(tenantId, actorId, actor, "connections.link.created", "connection",
                id.toString(), null, Map.of("link", linkId.toString())));
        return URI.create(publicUrl.replaceAll("/+$", "") + "/api/connect/link/" + token);
    }

    /** Opens a share link: marks it used and starts the OAuth flow in the name of the link. */
    public Optional<URI> openLink(String token) {
        Object[] link = scopes.platform(em -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = Scopes.sql(em, "update connect_link set used_at = now() where token_hash = ?1"
                            + " and used_at is null and expires_at > now() returning tenant_id, id, connection_id")
                    .setParameter(1, hash(token)).getResultList();
            return rows.isEmpty() ? null : rows.get(0);
        });
        if (link == null) {
            return Optional.empty();
        }
        return Optional.of(authorize((UUID) link[0], null, (UUID) link[1], (UUID) link[2], "/connected"));
    }

    /** The credential for a sync; refreshed first when it expires soon. Only the sync engine calls this. */
    Optional<Credentials> credentials(UUID tenantId, UUID id) {
        String sealed = scopes.tenant(tenantId, em -> (String) Scopes.sql(em, "select credentials from connection"
                + " where id = ?1").setParameter(1, id).getResultStream().findFirst().orElse(null));
        return sealed == null ? Optional.empty()
                : Optional.of(Credentials.fromJson(secrets.open(sealed, context(tenantId, id))));
    }

    /** Refreshes an OAuth token and stores the result (with the rotated refresh token, if the provider sent one). */
    Credentials refresh(UUID tenantId, UUID id, Credentials current) {
        View view = get(tenantId, id);
        Connector connector = connector(view.connector());
        Credentials fresh = oauth.refresh(Connector.withOrigin(connector.auth().tokenUrl(), origin(view.baseUrl())),
                app(connector), current);
        scopes.tenant(tenantId, em -> {
            store(em, tenantId, id, fresh);
            return null;
        });
        return fresh;
    }

    /**
     * Opens a connector session for a sync run, or empty while the connection has no credential. The HTTP client is
     * shared per connector and origin, so its rate-limit pauses hold across runs and connections.
     */
    public Optional<HostSession> session(UUID tenantId, View view, ConnectorRegistry.Available available) {
        Connector connector = available.connector();
        Optional<Credentials> credentials = connector.auth().kind() == AuthKind.NONE
                ? Optional.of(new Credentials(null, null, null, null)) : credentials(tenantId, view.id());
        if (credentials.isEmpty()) {
            return Optional.empty();
        }
        URI origin = origin(view.baseUrl());
        java.util.Set<String> hosts = new java.util.HashSet<>(available.egressHosts());
        hosts.add(Connector.withOrigin(connector.baseUrl(), origin).getHost());
        ProviderHttp http = clients.computeIfAbsent(connector.id() + " " + origin, key -> new ProviderHttp(
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build(),
                new ProviderHttp.Policy(hosts, 4, maxWait(), Duration.ofSeconds(1)),
                duration -> Thread.sleep(duration.toMillis()), clock));
        Map<String, String> settings = new java.util.HashMap<>(view.settings());
        for (String name : connector.platformSettings()) {
            config.getOptionalValue("catalyst.connectors." + connector.id() + "." + name.replace('_', '-'),
                    String.class).ifPresent(value -> settings.put(name, value));
        }
        return Optional.of(new HostSession(this, connector, tenantId, view, http, credentials.get(), settings,
                zone(tenantId), clock));
    }

    // the company's days are the ones its figures are reported in
    private java.time.ZoneId zone(UUID tenantId) {
        String name = scopes.tenant(tenantId, em -> (String) Scopes.sql(em, "select timezone from tenant where id"
                + " = ?1").setParameter(1, tenantId).getSingleResult());
        try {
            return java.time.ZoneId.of(name);
        } catch (java.time.DateTimeException e) {
            return java.time.ZoneOffset.UTC;
        }
    }

    // a wait up to this long is slept inside the run; a longer one reschedules the job instead of holding a thread
    private Duration maxWait() {
        return Duration.ofSeconds(config.getOptionalValue("catalyst.sync.max-wait-seconds", Integer.class)
                .orElse(60));
    }

    /** The accounts the connection's credential reaches, asked of the provider through the connector. */
    public List<io.catalyst.api.connect.ProviderAccount> providerAccounts(UUID tenantId, UUID id) {
        View view = get(tenantId, id);
        ConnectorRegistry.Available available = registry.find(view.connector()).orElseThrow(() ->
                new ProblemException(ProblemType.CONFLICT, view.connectorName() + " is not installed any more"));
        HostSession session = session(tenantId, view, available).orElseThrow(() ->
                new ProblemException(ProblemType.CONFLICT, "Authorise the connection first"));
        try {
            return host.runtime().call(available.contribution(), "accounts", Duration.ofSeconds(60),
                    c -> c.accounts(session));
        } catch (io.catalyst.api.connect.ProviderException e) {
            throw new ProblemException(ProblemType.CONFLICT, view.connectorName() + ": " + e.getMessage());
        }
    }

    /** The configured local stand-in of the provider's origin, if any. */
    static URI origin(String baseUrl) {
        return baseUrl == null ? null : URI.create(baseUrl);
    }

    private void store(EntityManager em, UUID tenantId, UUID id, Credentials credentials) {
        Scopes.sql(em, "update connection set credentials = ?1, updated_at = now() where id = ?2")
                .setParameter(1, secrets.seal(credentials.toJson(), context(tenantId, id))).setParameter(2, id)
                .executeUpdate();
    }

    private OAuthClient.App app(Connector connector) {
        String prefix = "catalyst.connectors." + connector.id() + ".";
        Optional<String> clientId = config.getOptionalValue(prefix + "client-id", String.class);
        Optional<String> clientSecret = config.getOptionalValue(prefix + "client-secret", String.class);
        if (clientId.isEmpty() || clientSecret.isEmpty()) {
            String env = "CATALYST_CONNECTORS_" + connector.id().toUpperCase(Locale.ROOT).replace('-', '_');
            throw new ProblemException(ProblemType.SERVICE_UNAVAILABLE, connector.displayName() + " cannot be"
                    + " connected yet: the platform has no OAuth app for it (" + env + "_CLIENT_ID and "
                    + env + "_CLIENT_SECRET).");
        }
        return new OAuthClient.App(clientId.get(), clientSecret.get(),
                URI.create(publicUrl.replaceAll("/+$", "") + "/api/connect/oauth/callback"));
    }

    Connector connector(String id) {
        return registry.find(id).map(ConnectorRegistry.Available::connector).orElseThrow(() -> new ProblemException(
                ProblemType.VALIDATION_FAILED, "No installed connector is called " + id, List.of(
                        new Problem.FieldError("connector", "not installed: ask a platform admin")), null));
    }

    private String baseUrl(String requested) {
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

    static String context(UUID tenantId, UUID connectionId) {
        return "tenant/" + tenantId + "/connection/" + connectionId;
    }

    static String hash(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // only paths inside the product: an open redirect would hand the user to anyone
    private static String safeReturn(String returnTo) {
        return returnTo != null && returnTo.startsWith("/") && !returnTo.startsWith("//") ? returnTo : "/integrations";
    }

    private static int schedule(Integer minutes, int fallback) {
        int value = minutes == null ? fallback : minutes;
        if (value < 15 || value > 7 * 24 * 60) {
            throw invalid("scheduleMinutes", "between 15 minutes and a week");
        }
        return value;
    }

    private static int lookback(Integer days, int fallback) {
        int value = days == null ? fallback : days;
        if (value < 0 || value > 365) {
            throw invalid("lookbackDays", "between 0 and 365 days");
        }
        return value;
    }

    private static ProblemException invalid(String field, String message) {
        return new ProblemException(ProblemType.VALIDATION_FAILED, field + ": " + message,
                List.of(new Problem.FieldError(field, message)), null);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
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
