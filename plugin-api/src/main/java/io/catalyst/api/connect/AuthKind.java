package io.catalyst.api.connect;

/** How a connector authenticates to its provider. */
public enum AuthKind {
    OAUTH2, API_KEY, NONE
}
