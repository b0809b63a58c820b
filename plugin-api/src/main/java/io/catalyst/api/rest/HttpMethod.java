package io.catalyst.api.rest;

/** The HTTP methods a {@link RestEndpoint} can serve. */
public enum HttpMethod {
    GET, POST, PUT, DELETE
}
