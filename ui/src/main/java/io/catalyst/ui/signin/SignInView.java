package io.catalyst.ui.signin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinService;
import io.catalyst.core.identity.PasswordResets;
import io.catalyst.core.identity.SignIn;
import io.catalyst.core.identity.SignInException;
import io.catalyst.core.tenancy.Tenants;
import io.catalyst.core.web.Branding;
import io.catalyst.core.web.ProblemException;
import io.catalyst.ui.shell.PublicScreen;
import io.catalyst.ui.shell.UserSession;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/**
 * The sign-in page: email and password. After signing in, the session id changes (no session fixation). A company's
 * own sign-in page ({@code ?company=<slug>}, where signing out leads) shows its logo, name and colour; an unknown or
 * inactive company shows the plain page, so the address tells nothing more than the plain page does.
 */
@Dependent
@PublicScreen(role = PublicScreen.Role.SIGN_IN)
@Route("sign-in")
public class SignInView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private static final long serialVersionUID = 1L;

    @Inject
    transient SignIn signIn;

    @Inject
    transient PasswordResets resets;

    @Inject
    transient Tenants tenants;

    private final Div company = new Div();
    private String title = "Sign in · Catalyst";
    private String formTitle = "Sign in to Catalyst";

    private final LoginForm form = new LoginForm();

    public SignInView() {
        setId("sign-in");
        addClassName("sign-in");
        form.setI18n(texts(null));
        form.addLoginListener(event -> signIn(event.getUsername(), event.getPassword()));
        form.addForgotPasswordListener(event -> forgotPassword());
        company.setId("sign-in-company");
        company.addClassName("sign-in-company");
        company.setVisible(false);
        Div column = new Div(company, form);
        column.addClassName("sign-in-column");
        add(column);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        List<String> slug = event.getLocation().getQueryParameters().getParameters().getOrDefault("company",
                List.of());
        Optional<Tenants.Face> face = slug.size() == 1 ? tenants.face(slug.get(0)) : Optional.empty();
        face.ifPresent(this::show);
    }

    private void show(Tenants.Face face) {
        company.removeAll();
        if (face.logo() != null) {
            Image logo = new Image(face.logo(), "");
            logo.setHeight("48px");
            company.add(logo);
        }
        Span name = new Span(face.name());
        name.setId("sign-in-company-name");
        company.add(name);
        company.setVisible(true);
        Branding.of(face.colour()).forEach((property, value) -> getElement().getStyle().set(property, value));
        title = "Sign in to " + face.name() + " · Catalyst";
        formTitle = "Sign in to " + face.name();
        form.setI18n(texts(null));
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    private void signIn(String email, String password) {
        VaadinRequest request = VaadinRequest.getCurrent();
        try {
            var user = signIn.signIn(email, password, request != null ? request.getRemoteAddr() : null);
            if (request != null) {
                VaadinService.reinitializeSession(request); // a new session id after sign-in
            }
            UserSession.start(user);
            // the path and its query apart: navigate(String) would take "task?id=1" for a route named so
            com.vaadin.flow.router.Location next = new com.vaadin.flow.router.Location(UserSession.takeReturnPath());
            getUI().ifPresent(ui -> ui.navigate(next.getPath(), next.getQueryParameters()));
        } catch (SignInException e) {
            form.setI18n(texts(e.reason().message()));
            form.setError(true);
        }
    }

    private void forgotPassword() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Reset your password");
        EmailField email = new EmailField("Email");
        email.setId("reset-email");
        email.setWidthFull();
        Button send = new Button("Send reset link", click -> {
            if (email.isEmpty() || email.isInvalid()) {
                email.setErrorMessage("Enter the email you sign in with");
                email.setInvalid(true);
                return;
            }
            try {
                resets.request(email.getValue());
            } catch (ProblemException e) {
                email.setErrorMessage(e.getMessage());
                email.setInvalid(true);
                return;
            }
            dialog.close();
            Notification.show("If an account uses " + email.getValue() + ", a reset link is on its way.", 8000,
                    Notification.Position.TOP_CENTER).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        });
        send.setId("send-reset");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(email);
        dialog.getFooter().add(new Button("Cancel", click -> dialog.close()), send);
        dialog.open();
    }

    private LoginI18n texts(String error) {
        LoginI18n texts = LoginI18n.createDefault();
        texts.getForm().setTitle(formTitle);
        texts.getForm().setUsername("Email");
        if (error != null) {
            texts.getErrorMessage().setTitle("Not signed in");
            texts.getErrorMessage().setMessage(error);
        }
        return texts;
    }
}
