package io.catalyst.ui.signin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinService;
import io.catalyst.core.identity.PasswordResets;
import io.catalyst.core.identity.SignIn;
import io.catalyst.core.identity.SignInException;
import io.catalyst.core.web.ProblemException;
import io.catalyst.ui.shell.PublicScreen;
import io.catalyst.ui.shell.UserSession;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

/** The sign-in page: email and password. After signing in, the session id changes (no session fixation). */
@Dependent
@PublicScreen(role = PublicScreen.Role.SIGN_IN)
@Route("sign-in")
@PageTitle("Sign in · Catalyst")
public class SignInView extends Main {

    private static final long serialVersionUID = 1L;

    @Inject
    transient SignIn signIn;

    @Inject
    transient PasswordResets resets;

    private final LoginForm form = new LoginForm();

    public SignInView() {
        setId("sign-in");
        addClassName("sign-in");
        form.setI18n(texts(null));
        form.addLoginListener(event -> signIn(event.getUsername(), event.getPassword()));
        form.addForgotPasswordListener(event -> forgotPassword());
        add(form);
    }

    private void signIn(String email, String password) {
        VaadinRequest request = VaadinRequest.getCurrent();
        try {
            var user = signIn.signIn(email, password, request != null ? request.getRemoteAddr() : null);
            if (request != null) {
                VaadinService.reinitializeSession(request); // a new session id after sign-in
            }
            UserSession.start(user);
            String next = UserSession.takeReturnPath();
            getUI().ifPresent(ui -> ui.navigate(next));
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

    private static LoginI18n texts(String error) {
        LoginI18n texts = LoginI18n.createDefault();
        texts.getForm().setTitle("Sign in to Catalyst");
        texts.getForm().setUsername("Email");
        if (error != null) {
            texts.getErrorMessage().setTitle("Not signed in");
            texts.getErrorMessage().setMessage(error);
        }
        return texts;
    }
}
