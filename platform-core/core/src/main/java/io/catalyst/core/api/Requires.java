package io.catalyst.core.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The permission a REST operation needs: tenant-relative, such as {@code users:manage}, or a platform permission such
 * as {@code platform:tenants:manage}, which only a platform token can hold. Without it the caller gets a 403. An
 * operation that declares neither this nor {@link Public} is refused to everyone.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Requires {

    /** The permission, from the registry in {@code Permissions}. */
    String value();
}
