package io.catalyst.core.ai;

import io.catalyst.core.audit.AuditEntry;
import io.catalyst.core.audit.AuditLog;
import io.catalyst.core.secrets.SecretBox;
import io.catalyst.core.tenancy.Scopes;
import io.catalyst.core.web.ProblemException;
import io.catalyst.core.web.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Which model a company's calls go to: the platform's ({@code catalyst.ai.base-url}, {@code .model},
 * {@code .api-key}), or the company's own, which only platform admins set. The company's endpoint is where the server
 * sends the company's data, so it must be HTTPS on a host in {@code catalyst.ai.allowed-hosts} (no address a company
 * could point at the server's own network), and its key is sealed like every other secret.
 */
@ApplicationScoped
public class ModelSettings {

    @Inject
    @ConfigProperty(name = "catalyst.ai.base-url")
    Optional<String> platformUrl;

    @Inject
    @ConfigProperty(name = "catalyst.ai.model", defaultValue = "gpt-4o-mini")
    String platformModel;

    @Inject
    @ConfigProperty(name = "catalyst.ai.api-key")
    Optional<String> platformKey;

    @Inject
    @ConfigProperty(name = "catalyst.ai.allowed-hosts",
            defaultValue = "api.openai.com,*.openai.azure.com,api.mistral.ai,api.groq.com,openrouter.ai")
    List<String> allowedHosts;

    @Inject
    Scopes scopes;

    @Inject
    SecretBox secrets;

    @Inject
    AuditLog audit;

    @Inject
    ModelProvider provider;

    /** What a platform admin sees of a company's model: never the key, only whether one is set. */
    public record View(String baseUrl, String model, boolean keySet, boolean own) {
    }

    /** The company's endpoint, or empty when neither it nor the platform configured one. */
    public Optional<ModelEndpoint> endpoint(UUID tenantId) {
        Object[] row = own(tenantId);
        if (row != null && row[0] != null) {
            String sealed = (String) row[2];
            return Optional.of(new ModelEndpoint((String) row[0], row[1] == null ? platformModel : (String) row[1],
                    sealed == null ? null : secrets.open(sealed, context(tenantId)), true));
        }
        return platformUrl.filter(u -> !u.isBlank())
                .map(url -> new ModelEndpoint(url, platformModel, platformKey.orElse(null), false));
    }

    public View view(UUID tenantId) {
        Object[] row = own(tenantId);
        if (row != null && row[0] != null) {
            return new View((String) row[0], row[1] == null ? platformModel : (String) row[1], row[2] != null, true);
        }
        return new View(platformUrl.orElse(null), platformModel, platformKey.isPresent(), false);
    }

    /** Gives the company its own endpoint; audited, the key never in the entry. */
    public View set(UUID tenantId, String baseUrl, String model, String apiKey, UUID byId, String by) {
        String url = checkedUrl(baseUrl);
        if (model == null || model.isBlank() || model.length() > 100) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, "Name the model, in at most 100 characters.");
        }
        if (apiKey != null && apiKey.length() > 500) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, "The API key is longer than 500 characters.");
        }
        View before = view(tenantId);
        endpoint(tenantId).ifPresent(provider::forget);
        String sealed = apiKey == null || apiKey.isBlank() ? null : secrets.seal(apiKey.strip(), context(tenantId));
        scopes.platform(em -> Scopes.sql(em, "update tenant set ai_base_url = ?1, ai_model = ?2, ai_api_key = ?3"
                + " where id = ?4").setParameter(1, url).setParameter(2, model.strip()).setParameter(3, sealed)
                .setParameter(4, tenantId).executeUpdate());
        View after = view(tenantId);
        record(tenantId, byId, by, "platform.tenant.ai.changed", before, after);
        return after;
    }

    /** Back to the platform's model; audited. */
    public View clear(UUID tenantId, UUID byId, String by) {
        View before = view(tenantId);
        endpoint(tenantId).ifPresent(provider::forget);
        scopes.platform(em -> Scopes.sql(em, "update tenant set ai_base_url = null, ai_model = null, ai_api_key = null"
                + " where id = ?1").setParameter(1, tenantId).executeUpdate());
        View after = view(tenantId);
        record(tenantId, byId, by, "platform.tenant.ai.cleared", before, after);
        return after;
    }

    String checkedUrl(String baseUrl) {
        URI uri;
        try {
            uri = baseUrl == null ? null : URI.create(baseUrl.strip());
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        if (uri == null || uri.getHost() == null || uri.getUserInfo() != null || uri.getQuery() != null
                || !"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, "The base URL is an address such as"
                    + " https://api.openai.com/v1.");
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        boolean allowed = allowedHosts.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).anyMatch(h ->
                h.equals(host) || h.startsWith("*.") && host.endsWith(h.substring(1)));
        if (!allowed) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, "The host " + host + " is not among the model"
                    + " providers this platform allows (catalyst.ai.allowed-hosts): " + String.join(", ", allowedHosts)
                    + ".");
        }
        // plain HTTP only for a host the operator listed on purpose, such as a model on the same machine
        if ("http".equals(uri.getScheme()) && !List.of("127.0.0.1", "localhost").contains(host)) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, "The base URL must use HTTPS.");
        }
        return uri.toString().replaceAll("/+$", "");
    }

    private Object[] own(UUID tenantId) {
        List<?> rows = scopes.platform(em -> Scopes.sql(em, "select ai_base_url, ai_model, ai_api_key from tenant"
                + " where id = ?1").setParameter(1, tenantId).getResultList());
        return rows.isEmpty() ? null : (Object[]) rows.get(0);
    }

    private void record(UUID tenantId, UUID byId, String by, String action, View before, View after) {
        audit.record(new AuditEntry(tenantId, byId, by, action, "tenant", tenantId.toString(),
                describe(before), describe(after)));
    }

    private static Map<String, Object> describe(View v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("baseUrl", v.baseUrl());
        m.put("model", v.model());
        m.put("keySet", v.keySet());
        m.put("own", v.own());
        return m;
    }

    private static String context(UUID tenantId) {
        return "tenant/" + tenantId + "/ai/api-key";
    }
}
