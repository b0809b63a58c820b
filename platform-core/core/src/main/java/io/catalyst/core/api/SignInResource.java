package io.catalyst.core.api;

import io.catalyst.core.identity.ApiToken;
import io.catalyst.core.identity.Permission;
import io.catalyst.core.identity.Permissions;
import io.catalyst.core.identity.SignIn;
import io.catalyst.core.identity.SignInException;
import io.catalyst.core.identity.SignedIn;
import io.catalyst.core.identity.Tokens;
import io.catalyst.core.web.Problem;
import io.catalyst.core.web.ProblemException;
import io.catalyst.core.web.ProblemType;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Signing in over REST: an email and password for a short-lived personal token of one company, so scripts and the
 * command line need not go through the web UI. The same sign-in as the UI's (lockout, throttling per address, audit),
 * and the token acts as its user, so it never does more than the user may at the moment of each call.
 */
@Path("auth/token")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Sign-in", description = "A personal token for a user's email and password")
public class SignInResource {

    /** How long a signed-in token lasts: a working day. Longer-lived access is a service token. */
    static final Duration LIFETIME = Duration.ofHours(8);

    @Inject
    SignIn signIn;

    @Inject
    Tokens tokens;

    @Context
    HttpServletRequest request;

    /** Who signs in, and into which of their companies (by slug; optional when they belong to one). */
    public record Credentials(String email, String password, String tenant) {
    }

    /** The token (shown this once), the company it is for, and when it expires. */
    public record SignedInToken(String token, String tenant, String expiresAt) {
    }

    @POST
    @Public
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Sign in with email and password; returns a personal token for one company, valid 8 hours")
    public SignedInToken signIn(Credentials credentials) {
        if (credentials == null || credentials.email() == null || credentials.password() == null) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, "Give an email and a password.",
                    List.of(new Problem.FieldError("email", "required"), new Problem.FieldError("password", "required")),
                    null);
        }
        List<Problem.FieldError> bad = new java.util.ArrayList<>();
        check(bad, "email", credentials.email(), 254);
        check(bad, "password", credentials.password(), 1024);
        check(bad, "tenant", credentials.tenant(), 100);
        if (!bad.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, "The sign-in cannot be read.", bad, null);
        }
        SignedIn user;
        try {
            user = signIn.signIn(credentials.email(), credentials.password(), request.getRemoteAddr());
        } catch (SignInException e) {
            throw new ProblemException(e.reason() == SignInException.Reason.THROTTLED
                    ? ProblemType.TOO_MANY_REQUESTS : ProblemType.UNAUTHORIZED, e.getMessage());
        }
        SignedIn.TenantAccess tenant = company(user, credentials.tenant());
        List<String> held = Permissions.registry().tenantRelative().stream().map(Permission::name)
                .filter(tenant::permits).toList();
        Tokens.Issued issued = tokens.issue(user.userId(), user.email(), tenant.tenantId(), ApiToken.Kind.PERSONAL,
                "Signed in over the API", held, LIFETIME);
        return new SignedInToken(issued.secret(), tenant.slug(), String.valueOf(issued.token().expiresAt()));
    }

    // refused before the database sees it: PostgreSQL rejects NUL, and no real address or password is this long
    private static void check(List<Problem.FieldError> bad, String field, String value, int max) {
        if (value != null && (value.length() > max || value.chars().anyMatch(c -> c < 0x20))) {
            bad.add(new Problem.FieldError(field, "at most " + max + " characters, without control characters"));
        }
    }

    private static SignedIn.TenantAccess company(SignedIn user, String slug) {
        List<SignedIn.TenantAccess> companies = user.tenants();
        if (slug != null && !slug.isBlank()) {
            return companies.stream().filter(t -> t.slug().equals(slug.trim())).findFirst()
                    .orElseThrow(() -> new ProblemException(ProblemType.VALIDATION_FAILED,
                            "You are not a member of that company.",
                            List.of(new Problem.FieldError("tenant", "one of " + slugs(companies))), null));
        }
        if (companies.size() == 1) {
            return companies.get(0);
        }
        throw new ProblemException(ProblemType.VALIDATION_FAILED, companies.isEmpty()
                ? "This account belongs to no company; platform administration uses a platform token."
                : "You belong to several companies: say which one.",
                List.of(new Problem.FieldError("tenant", companies.isEmpty() ? "no company"
                        : "one of " + slugs(companies))), null);
    }

    private static String slugs(List<SignedIn.TenantAccess> companies) {
        return String.join(", ", companies.stream().map(SignedIn.TenantAccess::slug).toList());
    }
}
