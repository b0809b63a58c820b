package io.catalyst.ui.shell;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouterLink;
import jakarta.servlet.http.HttpServletResponse;

/**
 * An address that leads nowhere (an old bookmark, a typo): said in words inside the shell, with the way home and the
 * navigation beside it, instead of Vaadin's bare "Could not navigate".
 */
@ParentLayout(MainLayout.class)
public class NotFoundView extends Div implements HasErrorParameter<NotFoundException> {

    private static final long serialVersionUID = 1L;

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        addClassName("screen");
        setId("not-found");
        removeAll();
        String path = event.getLocation().getPath();
        RouterLink home = new RouterLink("Go to the home screen", home());
        home.setId("not-found-home");
        add(new H2("There is no such screen"),
                new Paragraph("Nothing in Catalyst lives at /" + path + ". The link may be old or mistyped;"
                        + " the screens you can open are in the menu."),
                home);
        return HttpServletResponse.SC_NOT_FOUND;
    }

    private static Class<? extends Component> home() {
        return RouteConfiguration.forApplicationScope().getRoute("")
                .orElseThrow(() -> new IllegalStateException("No screen has the root route \"\""));
    }
}
