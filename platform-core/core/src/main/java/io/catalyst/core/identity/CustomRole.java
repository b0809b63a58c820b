package io.catalyst.core.identity;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;
import java.util.UUID;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/** A role a tenant admin made from the permission registry. */
@Entity
@Table(name = "custom_role")
@Multitenant(MultitenantType.SINGLE_TABLE)
// tenant_id also leads the table's primary key; within a tenant-bound EntityManager the id alone is unique
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = "eclipselink.tenant-id")
public class CustomRole {

    @Id
    private UUID id;
    private String name;
    private String description;
    private String permissions = "";

    protected CustomRole() {
    }

    CustomRole(UUID id, String name, String description, List<String> permissions) {
        this.id = id;
        this.name = name;
        this.description = description;
        this.permissions = RoleList.format(permissions);
    }

    public UUID id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public List<String> permissions() {
        return RoleList.parse(permissions);
    }

    void change(String newDescription, List<String> newPermissions) {
        this.description = newDescription;
        this.permissions = RoleList.format(newPermissions);
    }
}
