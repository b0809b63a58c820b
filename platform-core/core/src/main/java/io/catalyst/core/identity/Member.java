package io.catalyst.core.identity;

import java.util.List;
import java.util.UUID;

/**
 * A person with access to a tenant.
 *
 * @param userId their account
 * @param email  their email
 * @param name   their name
 * @param roles  their roles in this tenant
 */
public record Member(UUID userId, String email, String name, List<String> roles) {
}
