package io.catalyst.api.connect;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * How a tenant authorises a connection and how the host applies the credential to each request.
 *
 * @param kind           OAuth 2.0, an API key, or nothing
 * @param authorizeUrl   OAuth: where the user consents; null otherwise
 * @param tokenUrl       OAuth: where codes and refresh tokens are exchanged; null otherwise
 * @param scopes         OAuth: scopes asked for
 * @param placement      how the credential goes on a request
 * @param name           the name of the header or query parameter that carries it
 * @param prefix         text before the credential in a header, e.g. {@code "Bearer "}; empty for none
 */
public record AuthSpec(AuthKind kind, URI authorizeUrl, URI tokenUrl, List<String> scopes, Placement placement,
                       String name, String prefix) {

    /** Where the credential goes. */
    public enum Placement { HEADER, QUERY }

    /** Checks that OAuth names its endpoints. */
    public AuthSpec {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(placement, "placement");
        Objects.requireNonNull(name, "name");
        scopes = scopes == null ? List.of() : List.copyOf(scopes);
        prefix = prefix == null ? "" : prefix;
        if (kind == AuthKind.OAUTH2 && (authorizeUrl == null || tokenUrl == null)) {
            throw new IllegalArgumentException("OAuth 2.0 needs an authorize URL and a token URL");
        }
    }

    /** OAuth 2.0 with the access token as {@code Authorization: Bearer …}. */
    public static AuthSpec oauth2(URI authorizeUrl, URI tokenUrl, List<String> scopes) {
        return new AuthSpec(AuthKind.OAUTH2, authorizeUrl, tokenUrl, scopes, Placement.HEADER, "Authorization",
                "Bearer ");
    }

    /** A key sent in a header, e.g. {@code apiKeyHeader("Access-Token", "")}. */
    public static AuthSpec apiKeyHeader(String header, String prefix) {
        return new AuthSpec(AuthKind.API_KEY, null, null, List.of(), Placement.HEADER, header, prefix);
    }
}
