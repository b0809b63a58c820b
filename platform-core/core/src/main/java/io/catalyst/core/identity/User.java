package io.catalyst.core.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A person who can sign in. Users are platform-wide; what they may do in a tenant comes from a membership. */
@Entity
@Table(name = "app_user")
public class User {

    /** Where a user account stands. */
    public enum Status { INVITED, ACTIVE, DISABLED }

    @Id
    private UUID id;
    private String email;
    private String name;
    @Column(name = "password_hash")
    private String passwordHash;
    @Enumerated(EnumType.STRING)
    private Status status = Status.ACTIVE;
    @Column(name = "platform_roles")
    private String platformRoles = "";
    @Column(name = "failed_sign_ins")
    private int failedSignIns;
    @Column(name = "locked_until")
    private OffsetDateTime lockedUntil;
    @Column(name = "created_at")
    private OffsetDateTime createdAt;
    @Column(name = "updated_at")
    private OffsetDateTime updatedAt;

    protected User() {
    }

    public User(UUID id, String email, String name) {
        this.id = id;
        this.email = email;
        this.name = name;
        this.createdAt = OffsetDateTime.now();
        this.updatedAt = createdAt;
    }

    public UUID id() {
        return id;
    }

    public String email() {
        return email;
    }

    public String name() {
        return name;
    }

    public Status status() {
        return status;
    }

    public List<String> platformRoles() {
        return RoleList.parse(platformRoles);
    }

    public int failedSignIns() {
        return failedSignIns;
    }

    public OffsetDateTime lockedUntil() {
        return lockedUntil;
    }

    String passwordHash() {
        return passwordHash;
    }

    void passwordHash(String hash) {
        this.passwordHash = hash;
        touch();
    }

    void status(Status newStatus) {
        this.status = newStatus;
        touch();
    }

    void platformRoles(List<String> roles) {
        this.platformRoles = RoleList.format(roles);
        touch();
    }

    void signInFailed(int failures, OffsetDateTime lockUntil) {
        this.failedSignIns = failures;
        this.lockedUntil = lockUntil;
    }

    void signInSucceeded() {
        this.failedSignIns = 0;
        this.lockedUntil = null;
    }

    private void touch() {
        updatedAt = OffsetDateTime.now();
    }
}
