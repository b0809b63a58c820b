package io.catalyst.core.identity;

import static io.catalyst.core.identity.Permissions.AUDIT_READ;
import static io.catalyst.core.identity.Permissions.CONNECTIONS_READ;
import static io.catalyst.core.identity.Permissions.DASHBOARDS_READ;
import static io.catalyst.core.identity.Permissions.DASHBOARDS_SHARE;
import static io.catalyst.core.identity.Permissions.METRICS_MANAGE;
import static io.catalyst.core.identity.Permissions.TENANT_READ;
import static io.catalyst.core.identity.Permissions.USERS_READ;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The roles every tenant has. {@code platform-admin} is held on the user (agency staff), the others per membership.
 * Permissions are tenant-relative except where they start with {@code platform:}.
 */
public enum BuiltInRole {
    PLATFORM_ADMIN("platform-admin", "Agency staff who run the platform", List.of("platform:*")),
    TENANT_ADMIN("tenant-admin", "Everything within the company", List.of("*")),
    ANALYST("analyst", "Works with the data: dashboards, connections, reports",
            List.of(TENANT_READ, DASHBOARDS_READ, DASHBOARDS_SHARE, METRICS_MANAGE, CONNECTIONS_READ, USERS_READ,
                    AUDIT_READ)),
    VIEWER("viewer", "Reads dashboards", List.of(TENANT_READ, DASHBOARDS_READ));

    private final String id;
    private final String description;
    private final List<String> permissions;

    BuiltInRole(String id, String description, List<String> permissions) {
        this.id = id;
        this.description = description;
        this.permissions = permissions;
    }

    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    public List<String> permissions() {
        return permissions;
    }

    public static Optional<BuiltInRole> of(String id) {
        return Arrays.stream(values()).filter(role -> role.id.equals(id)).findFirst();
    }
}
