package io.catalyst.core.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/** A user's roles in one tenant. */
@Entity
@Table(name = "membership")
@Multitenant(MultitenantType.SINGLE_TABLE)
// tenant_id also leads the table's primary key; within a tenant-bound EntityManager the id alone is unique
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = "eclipselink.tenant-id")
public class Membership {

    @Id
    @Column(name = "user_id")
    private UUID userId;
    private String roles = "";
    @Column(name = "created_at")
    private OffsetDateTime createdAt;

    protected Membership() {
    }

    Membership(UUID userId, List<String> roles) {
        this.userId = userId;
        this.roles = RoleList.format(roles);
        this.createdAt = OffsetDateTime.now();
    }

    public UUID userId() {
        return userId;
    }

    public List<String> roles() {
        return RoleList.parse(roles);
    }

    void roles(List<String> newRoles) {
        this.roles = RoleList.format(newRoles);
    }
}
