package io.catalyst.core.tenancy;

/** Where a tenant is in its life. */
public enum TenantStatus {
    /** In use. */
    ACTIVE,
    /** Kept, but nobody of the tenant can sign in and no job runs for it. */
    SUSPENDED,
    /** Exported and waiting for its grace period to end, then purged everywhere. */
    OFFBOARDING
}
