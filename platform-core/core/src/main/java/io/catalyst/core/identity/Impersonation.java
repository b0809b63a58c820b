package io.catalyst.core.identity;

import io.catalyst.core.audit.AuditEntry;
import io.catalyst.core.audit.AuditLog;
import io.catalyst.core.web.ProblemException;
import io.catalyst.core.web.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;

/**
 * A platform admin acting as a member of a client company, to see what they see. Only with
 * {@code platform:impersonate:use}; both the start and the end are recorded in the company's audit chain, and
 * everything done meanwhile is recorded as "admin as member".
 */
@ApplicationScoped
public class Impersonation {

    public static final String PERMISSION = Permissions.PLATFORM_IMPERSONATE + ":use";

    @Inject
    Access access;

    @Inject
    Users users;

    @Inject
    SignIn signIn;

    @Inject
    AuditLog audit;

    /** Starts acting as a member; returns who the admin now is. */
    public SignedIn start(UUID adminId, String admin, UUID tenantId, UUID memberId) {
        if (!access.permittedOnPlatform(adminId, PERMISSION)) {
            throw new ProblemException(ProblemType.FORBIDDEN, "This needs the permission " + PERMISSION + ".");
        }
        Member member = users.member(tenantId, memberId);
        SignedIn target = signIn.load(memberId);
        if (target.tenants().stream().noneMatch(t -> t.tenantId().equals(tenantId))) {
            throw new ProblemException(ProblemType.CONFLICT, "The company is not active.");
        }
        audit.record(new AuditEntry(tenantId, adminId, admin, "identity.impersonation.started", "user",
                memberId.toString(), null, Map.of("as", member.email())));
        return target;
    }

    /** Ends acting as a member. */
    public void end(UUID adminId, String admin, UUID tenantId, UUID memberId) {
        audit.record(new AuditEntry(tenantId, adminId, admin, "identity.impersonation.ended", "user",
                memberId.toString(), null, null));
    }
}
