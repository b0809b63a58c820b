package io.catalyst.core.identity;

/**
 * Whoever gives roles or makes them, and what they hold themselves. Nobody hands on a permission they lack: a member
 * manager cannot make themselves admin, and a role manager cannot make a role stronger than their own.
 */
@FunctionalInterface
public interface Grantor {

    /** Whether the grantor holds a tenant-relative permission ({@code *} means every permission in the tenant). */
    boolean holds(String permission);

    /** Platform admins at work on a tenant (onboarding, manifests): they may give every role in it. */
    Grantor PLATFORM = permission -> true;
}
