package io.catalyst.core.identity;

import java.util.List;
import java.util.UUID;

/**
 * Who is calling the REST API, as their verified token says. The tenant always comes from here, never from the
 * request.
 *
 * @param tenantId    the one tenant the token is scoped to; none for a platform token
 * @param userId      the token's user: its owner (personal) or its creator (service)
 * @param kind        personal, service or platform
 * @param tokenId     the token's id (its jti)
 * @param permissions the tenant-relative permissions the token holds
 */
public record Caller(UUID tenantId, UUID userId, ApiToken.Kind kind, UUID tokenId, List<String> permissions) {

    public Caller {
        permissions = List.copyOf(permissions);
    }

    /** The actor as the audit log names it. */
    public String actor() {
        return kind.name().toLowerCase() + " token " + tokenId;
    }
}
