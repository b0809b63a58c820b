package io.catalyst.ui.shell;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import jakarta.servlet.http.HttpServletResponse;

/** What a user sees on a screen they may not open: the permission it needs, and who can grant it. */
@ParentLayout(MainLayout.class)
public class ForbiddenView extends Div implements HasErrorParameter<ForbiddenException> {

    private static final long serialVersionUID = 1L;

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<ForbiddenException> parameter) {
        addClassName("screen");
        setId("forbidden");
        removeAll();
        add(new H2("You cannot open this screen"),
                new Paragraph("It needs the permission " + parameter.getException().getMessage()
                        + ". Ask an administrator of your company to give you a role that has it."));
        return HttpServletResponse.SC_FORBIDDEN;
    }
}
