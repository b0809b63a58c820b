package io.catalyst.core.api;

import io.catalyst.core.identity.ApiToken;
import io.catalyst.core.identity.Caller;
import io.catalyst.core.identity.Permissions;
import io.catalyst.core.identity.Tokens;
import io.catalyst.core.web.Problem;
import io.catalyst.core.web.ProblemException;
import io.catalyst.core.web.ProblemType;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("tokens")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "API tokens", description = "Service tokens of the company")
@SecurityRequirement(name = "bearer")
public class TokenResource {

    @Inject
    CallerContext callers;

    @Inject
    Tokens tokens;

    /** A token as listed: never the token itself. */
    public record TokenView(String id, String kind, String name, String userId, List<String> permissions,
                            String createdAt, String expiresAt, String revokedAt, String lastUsedAt) {
        static TokenView of(ApiToken t) {
            return new TokenView(t.id().toString(), t.kind().name(), t.name(), t.userId().toString(),
                    t.permissions(), String.valueOf(t.createdAt()), String.valueOf(t.expiresAt()),
                    t.revokedAt() == null ? null : t.revokedAt().toString(),
                    t.lastUsedAt() == null ? null : t.lastUsedAt().toString());
        }
    }

    /** What a new service token may do, and for how long. */
    public record NewToken(String name, List<String> permissions, Integer expiresInDays) {
    }

    /** A new token; {@code token} is shown this once. */
    public record IssuedToken(TokenView details, String token) {
    }

    @GET
    @Requires(Permissions.TOKENS_MANAGE)
    @Operation(summary = "The company's API tokens, newest first")
    public List<TokenView> list() {
        return tokens.list(callers.caller().tenantId()).stream().map(TokenView::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(Permissions.TOKENS_MANAGE)
    @Operation(summary = "Issue a service token with some of the caller's permissions")
    public Response issue(NewToken request) {
        Caller caller = callers.caller();
        NewToken wanted = request != null ? request : new NewToken(null, null, null);
        List<String> malformed = wanted.permissions() == null ? List.of() : wanted.permissions().stream()
                .filter(p -> p == null || !p.matches("[a-z0-9*][a-z0-9*:-]{0,199}")).toList();
        if (!malformed.isEmpty()) { // before they are read as permissions, which a blank or odd one cannot be
            throw new ProblemException(ProblemType.VALIDATION_FAILED, "The token cannot be issued.",
                    List.of(new Problem.FieldError("permissions", "permissions look like users:read")), null);
        }
        List<String> beyond = wanted.permissions() == null ? List.of()
                : wanted.permissions().stream().filter(p -> !tokens.permits(caller, p)).toList();
        if (!beyond.isEmpty()) { // a token never hands on more than the token that made it holds
            throw new ProblemException(ProblemType.VALIDATION_FAILED, "The token cannot be issued.",
                    List.of(new Problem.FieldError("permissions", "this token does not hold " + beyond)), null);
        }
        Tokens.Issued issued = tokens.issue(caller.userId(), caller.actor(), caller.tenantId(), ApiToken.Kind.SERVICE,
                wanted.name(), wanted.permissions(),
                Duration.ofDays(wanted.expiresInDays() == null ? 90 : wanted.expiresInDays()));
        return Response.status(Response.Status.CREATED)
                .entity(new IssuedToken(TokenView.of(issued.token()), issued.secret())).build();
    }

    @DELETE
    @Path("{id}")
    @Requires(Permissions.TOKENS_MANAGE)
    @Operation(summary = "Revoke a token; it stops working at once")
    public Response revoke(@PathParam("id") UUID id) {
        Caller caller = callers.caller();
        tokens.revoke(caller.userId(), caller.actor(), caller.tenantId(), id);
        return Response.noContent().build();
    }
}
