package io.catalyst.ui.shell;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A screen's entry in the side navigation (and its card on the home screen), declared on the screen's
 * {@code @Route} class. The shell reads it from the routes when Vaadin starts ({@link ShellRoutes}), so it never
 * names a screen: the entry's path is the route's, and who sees it follows the screen's {@link RequiresPermission}.
 * Screens without {@code @Route} declare their entry in a {@link ScreenContribution} instead.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Navigation {

    /** The label people read. */
    String title();

    /** An icon name such as {@code vaadin:home}. */
    String icon();

    /** Position: lower first; core screens use hundreds, plugin screens sit at 500. */
    int order();
}
