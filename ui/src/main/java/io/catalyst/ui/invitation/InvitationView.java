package io.catalyst.ui.invitation;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinService;
import io.catalyst.core.identity.Invitations;
import io.catalyst.core.identity.SignIn;
import io.catalyst.core.web.Problem;
import io.catalyst.core.web.ProblemException;
import io.catalyst.ui.shell.PublicScreen;
import io.catalyst.ui.shell.Services;
import io.catalyst.ui.shell.UserSession;
import java.util.UUID;

/** Where an invitation link leads: set a name and password (or confirm yours), and you are in. */
@PublicScreen
@Route("invitation")
@PageTitle("Invitation · Catalyst")
public class InvitationView extends Div implements BeforeEnterObserver {

    private static final long serialVersionUID = 1L;

    private final Div card = new Div();

    public InvitationView() {
        addClassName("sign-in");
        setId("invitation");
        card.addClassName("card");
        card.setMaxWidth("28rem");
        add(card);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String token = event.getLocation().getQueryParameters().getSingleParameter("token").orElse("");
        Invitations invitations = Services.get(Invitations.class);
        card.removeAll();
        try {
            show(invitations, token, invitations.lookup(token));
        } catch (ProblemException e) {
            Paragraph problem = new Paragraph(e.getMessage());
            problem.setId("invitation-problem");
            card.add(new H2("Invitation"), problem);
        }
    }

    private void show(Invitations invitations, String token, Invitations.Pending pending) {
        TextField name = new TextField("Your name");
        name.setId("invitee-name");
        name.setWidthFull();
        PasswordField password = new PasswordField(pending.hasAccount() ? "Your current password"
                : "Choose a password");
        password.setId("invitee-password");
        password.setWidthFull();
        if (!pending.hasAccount()) {
            password.setHelperText("At least 12 characters");
        }
        Button accept = new Button("Join " + pending.tenantName(), click -> {
            try {
                UUID userId = invitations.accept(token, name.getValue(), password.getValue());
                VaadinRequest request = VaadinRequest.getCurrent();
                if (request != null) {
                    VaadinService.reinitializeSession(request);
                }
                UserSession.start(Services.get(SignIn.class).load(userId));
                UserSession.switchTo(pending.tenantId());
                boolean setUp = UserSession.tenant().map(t -> t.onboarded()).orElse(true);
                // a new company's first admin goes straight into its setup
                String next = !setUp && UserSession.permits("tenant:manage") ? "onboarding" : "";
                getUI().ifPresent(ui -> ui.navigate(next));
            } catch (ProblemException e) {
                for (Problem.FieldError error : e.errors()) {
                    var field = "name".equals(error.field()) ? name : password;
                    field.setErrorMessage(error.message());
                    field.setInvalid(true);
                }
                if (e.errors().isEmpty()) {
                    card.add(new Paragraph(e.getMessage()));
                }
            }
        });
        accept.setId("accept-invitation");
        accept.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        card.add(new H2("Join " + pending.tenantName()),
                new Paragraph("You were invited as " + pending.email() + " (" + String.join(", ", pending.roles())
                        + ")."));
        if (!pending.hasAccount()) {
            card.add(name);
        }
        card.add(password, accept);
    }
}
