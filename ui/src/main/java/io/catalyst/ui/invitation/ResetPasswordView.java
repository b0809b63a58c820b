package io.catalyst.ui.invitation;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.catalyst.core.identity.PasswordResets;
import io.catalyst.core.web.ProblemException;
import io.catalyst.ui.shell.PublicScreen;
import io.catalyst.ui.shell.Services;

/** Where a reset link leads: choose a new password, then sign in with it. */
@PublicScreen
@Route("reset-password")
@PageTitle("Reset password · Catalyst")
public class ResetPasswordView extends Div implements BeforeEnterObserver {

    private static final long serialVersionUID = 1L;

    private String token = "";

    public ResetPasswordView() {
        addClassName("sign-in");
        setId("reset-password");
        Div card = new Div();
        card.addClassName("card");
        card.setMaxWidth("28rem");
        PasswordField password = new PasswordField("New password");
        password.setId("new-password");
        password.setHelperText("At least 12 characters");
        password.setWidthFull();
        Paragraph problem = new Paragraph();
        problem.setId("reset-problem");
        Button save = new Button("Set password", click -> {
            try {
                Services.get(PasswordResets.class).reset(token, password.getValue());
                Notification.show("Your password is changed. Sign in with it.", 6000, Notification.Position.TOP_CENTER)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                getUI().ifPresent(ui -> ui.navigate("sign-in"));
            } catch (ProblemException e) {
                problem.setText(e.errors().isEmpty() ? e.getMessage() : e.errors().get(0).message());
            }
        });
        save.setId("save-password");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        card.add(new H2("Choose a new password"), password, save, problem);
        add(card);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        token = event.getLocation().getQueryParameters().getSingleParameter("token").orElse("");
    }
}
