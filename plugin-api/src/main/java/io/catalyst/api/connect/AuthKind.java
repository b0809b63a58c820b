package io.catalyst.api.connect;

/** How a connector authenticates to its provider. */
public enum AuthKind {
    /** OAuth 2.0 authorization code with PKCE; the host refreshes the token. */
    OAUTH2,
    /** A key or token the tenant pastes in. */
    API_KEY,
    /** No credential. */
    NONE
}
