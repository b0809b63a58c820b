package io.catalyst.core.api;

import io.catalyst.core.identity.TokenKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The public key that signs API tokens, so a gateway or another service can verify them itself. */
@Path("auth/jwks")
@Public
@ApplicationScoped
@Tag(name = "API tokens")
public class JwksResource {

    @Inject
    TokenKeys keys;

    @GET
    @Produces({"application/jwk-set+json", "application/json"})
    @Operation(summary = "The JSON Web Key Set of the key that signs API tokens (ES256)")
    public String jwks() {
        return keys.publicJwkSet();
    }
}
