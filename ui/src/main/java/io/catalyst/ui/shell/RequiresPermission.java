package io.catalyst.ui.shell;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The permission a screen needs: tenant-relative ({@code users:read}) or platform ({@code platform:tenants:manage}).
 * Without it, the screen answers 403 and is left out of the navigation. Screens registered at runtime declare theirs
 * in their {@link NavEntry}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RequiresPermission {

    String value();
}
