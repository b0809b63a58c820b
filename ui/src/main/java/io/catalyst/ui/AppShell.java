package io.catalyst.ui;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.theme.Theme;

/** Page-wide settings: the theme, and server push for live progress of long work. */
@Push
@Theme("catalyst")
public class AppShell implements AppShellConfigurator {

    private static final long serialVersionUID = 1L;
}
