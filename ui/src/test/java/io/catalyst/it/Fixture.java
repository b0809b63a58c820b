package io.catalyst.it;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.catalyst.runtime.PluginSignatures;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tenants, people and API tokens made straight in the database, as an operator could, so API tests start from a
 * known state. Tokens are signed with the server's key, the way the server signs them.
 */
final class Fixture {

    private Fixture() {
    }

    /** A tenant and one member of it with the given roles. */
    record Tenant(UUID id, String slug, UUID userId, String email) {
    }

    static Tenant tenant(String roles) throws Exception {
        UUID tenant = UUID.randomUUID();
        UUID user = UUID.randomUUID();
        String slug = "t-" + tenant.toString().substring(0, 8);
        String email = "u-" + user.toString().substring(0, 8) + "@" + slug + ".example";
        try (Connection db = Server.superuser()) {
            exec(db, "insert into tenant (id, slug, name) values (?::uuid, ?, ?)", tenant, slug, "Tenant " + slug);
            exec(db, "insert into app_user (id, email, name) values (?::uuid, ?, ?)", user, email, "Member " + slug);
            exec(db, "insert into membership (tenant_id, user_id, roles) values (?::uuid, ?::uuid, ?)", tenant, user,
                    roles);
        }
        return new Tenant(tenant, slug, user, email);
    }

    static void rename(Tenant tenant, String name) throws Exception {
        try (Connection db = Server.superuser()) {
            exec(db, "update tenant set name = ? where id = ?::uuid", name, tenant.id());
        }
    }

    /** Lets the tenant's member sign in with this password. */
    static void password(Tenant tenant, String password) throws Exception {
        try (Connection db = Server.superuser()) {
            exec(db, "update app_user set password_hash = ? where id = ?::uuid",
                    io.catalyst.core.identity.Passwords.hash(password), tenant.userId());
        }
    }

    /** Adds the tenant's member to another tenant too. */
    static void join(Tenant member, Tenant other, String roles) throws Exception {
        try (Connection db = Server.superuser()) {
            exec(db, "insert into membership (tenant_id, user_id, roles) values (?::uuid, ?::uuid, ?)", other.id(),
                    member.userId(), roles);
        }
    }

    static void setRoles(Tenant tenant, String roles) throws Exception {
        try (Connection db = Server.superuser()) {
            exec(db, "update membership set roles = ? where tenant_id = ?::uuid and user_id = ?::uuid", roles,
                    tenant.id(), tenant.userId());
        }
    }

    /**
     * What a built-in role holds in the tenant now: its own permissions and those the running plugins grant it
     * (the tasks and alerts plugins give analysts and viewers theirs), as {@code GET /api/roles} lists them.
     */
    static List<String> roleHolds(Tenant tenant, String role) throws Exception {
        elemental.json.JsonArray roles = elemental.json.Json.instance().parse(call("GET", "/api/roles",
                token(tenant, List.of("*")).bearer(), null).body());
        for (int i = 0; i < roles.length(); i++) {
            if (roles.getObject(i).getString("name").equals(role)) {
                elemental.json.JsonArray held = roles.getObject(i).getArray("permissions");
                List<String> out = new java.util.ArrayList<>();
                for (int p = 0; p < held.length(); p++) {
                    out.add(held.getString(p));
                }
                return out;
            }
        }
        throw new IllegalArgumentException("no role " + role);
    }

    /** A personal token of the tenant's member, stored as the server stores tokens. */
    static Token token(Tenant tenant, List<String> permissions) throws Exception {
        return token(tenant, permissions, Duration.ofDays(1), signingKey());
    }

    record Token(UUID id, String bearer) {
    }

    static Token token(Tenant tenant, List<String> permissions, Duration lifetime, ECPrivateKey key) throws Exception {
        UUID id = UUID.randomUUID();
        Instant expires = Instant.now().plus(lifetime);
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer("catalyst").subject(tenant.userId().toString())
                .jwtID(id.toString()).issueTime(new Date()).expirationTime(Date.from(expires))
                .claim("tenant_id", tenant.id().toString()).claim("groups", permissions).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).type(JOSEObjectType.JWT).build(),
                claims);
        jwt.sign(new ECDSASigner(key));
        String bearer = jwt.serialize();
        try (Connection db = Server.superuser()) {
            exec(db, "insert into api_token (tenant_id, id, kind, name, user_id, permissions, token_hash, expires_at)"
                    + " values (?::uuid, ?::uuid, 'PERSONAL', 'fixture', ?::uuid, ?, ?,"
                    + " now() + (? || ' seconds')::interval)", tenant.id(), id, tenant.userId(),
                    String.join(",", permissions), sha256(bearer), String.valueOf(lifetime.toSeconds()));
        }
        return new Token(id, bearer);
    }

    static ECPrivateKey signingKey() throws Exception {
        Matcher block = Pattern.compile("-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END PRIVATE KEY-----")
                .matcher(Server.env("CATALYST_JWT_SIGNING_KEY"));
        if (!block.find()) {
            throw new IllegalStateException("CATALYST_JWT_SIGNING_KEY holds no PKCS#8 private key");
        }
        return (ECPrivateKey) KeyFactory.getInstance("EC")
                .generatePrivate(new PKCS8EncodedKeySpec(Base64.getMimeDecoder().decode(block.group(1))));
    }

    static HttpResponse<String> call(String method, String path, String bearer, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Server.BASE + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return Server.send(request.build());
    }

    static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static void exec(Connection db, String sql, Object... values) throws Exception {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setString(i + 1, values[i].toString());
            }
            statement.execute();
        }
    }

    /** Installs the plugins built at these paths and checks each started. */
    static void installStarted(String... jars) throws Exception {
        for (String jar : jars) {
            HttpResponse<String> installed = installPlugin(Files.readAllBytes(Path.of(jar)));
            if (installed.statusCode() != 200 || !"STARTED".equals(Server.json(installed).getString("state"))) {
                throw new AssertionError("installing " + jar + " answered " + installed.statusCode() + ": "
                        + installed.body());
            }
        }
    }

    /** Enables plugins for the company of an admin's token. */
    static void enable(String admin, String... plugins) {
        for (String plugin : plugins) {
            HttpResponse<String> enabled = call("PUT", "/api/tenant/plugins/" + plugin + "/enablement", admin,
                    "{\"enabled\":true}");
            if (enabled.statusCode() != 200) {
                throw new AssertionError("enabling " + plugin + " answered " + enabled.statusCode() + ": "
                        + enabled.body());
            }
        }
    }

    /**
     * Connects the sandbox (its Meta and Google accounts, two months of the demo generator's figures with this seed)
     * and waits for its first sync: a company with figures, as a newcomer gets them.
     */
    static void sandboxSynced(Tenant tenant, String admin, String seed) throws Exception {
        HttpResponse<String> created = call("POST", "/api/tenant/connections", admin,
                "{\"connector\":\"sandbox\",\"name\":\"Try-out\",\"accounts\":[\"sandbox-meta\",\"sandbox-google\"],"
                        + "\"settings\":{\"seed\":\"" + seed + "\",\"scale\":\"small\",\"currency\":\"EUR\"}}");
        if (created.statusCode() != 201) {
            throw new AssertionError("the sandbox connection answered " + created.statusCode() + ": " + created.body());
        }
        String connection = Server.json(created).getString("id");
        HttpResponse<String> sync = call("POST", "/api/tenant/connections/" + connection + "/sync", admin, null);
        if (sync.statusCode() != 200) {
            throw new AssertionError("the sync answered " + sync.statusCode() + ": " + sync.body());
        }
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (!Server.strings("select status from sync_job where tenant_id = '" + tenant.id() + "'")
                .contains("SUCCEEDED")) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the sandbox's first sync did not finish within 3 minutes");
            }
            Thread.sleep(500);
        }
    }

    /** Installs a plugin jar signed with the test key the server trusts, as a platform admin does. */
    /**
     * Every installed plugin's state and failure, as the platform reports them: what a test prints when it finds a
     * plugin out of service, so that a failure on another machine says why.
     */
    static String pluginStates() {
        try {
            String platform = Files.readString(Path.of(Server.env("CATALYST_OPERATOR_TOKEN_FILE"))).trim();
            return "plugins: " + call("GET", "/api/platform/plugins", platform, null).body();
        } catch (Exception e) {
            return "plugins: unknown (" + e + ")";
        }
    }

    static HttpResponse<String> installPlugin(byte[] jar) throws Exception {
        String platform = Files.readString(Path.of(
                Server.env("CATALYST_OPERATOR_TOKEN_FILE"))).trim();
        PrivateKey key = PluginSignatures.readPrivateKey(
                Files.readString(Path.of(Server.env("CATALYST_TEST_PLUGIN_KEY"))));
        return Server.send(HttpRequest.newBuilder(URI.create(Server.BASE + "/api/platform/plugins"))
                .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + platform)
                .header("Content-Type", "application/java-archive")
                .header("X-Plugin-Signature", PluginSignatures.sign(jar, key).trim())
                .POST(HttpRequest.BodyPublishers.ofByteArray(jar)).build());
    }
}
