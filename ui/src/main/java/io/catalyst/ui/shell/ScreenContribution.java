package io.catalyst.ui.shell;

import com.vaadin.flow.component.Component;

/**
 * A screen without {@code @Route} that a feature adds to the shell when Vaadin starts: reachable at its entry's path
 * inside the shell's layout, listed in the side navigation, and guarded by the entry's permission, as
 * {@link ShellRoutes#register} does for any screen registered at runtime. Implementations are found through
 * {@code META-INF/services/io.catalyst.ui.shell.ScreenContribution}, so they work on Liberty and in UI unit tests
 * alike, and the shell never names them.
 */
public interface ScreenContribution {

    /** Where the screen lives and how the navigation shows it. */
    NavEntry entry();

    /** The screen. */
    Class<? extends Component> view();
}
