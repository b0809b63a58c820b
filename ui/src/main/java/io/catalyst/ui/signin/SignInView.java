package io.catalyst.ui.signin;

import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinService;
import io.catalyst.core.identity.SignIn;
import io.catalyst.core.identity.SignInException;
import io.catalyst.ui.shell.UserSession;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

/** The sign-in page: email and password. After signing in, the session id changes (no session fixation). */
@Dependent
@Route("sign-in")
@PageTitle("Sign in · Catalyst")
public class SignInView extends Main {

    private static final long serialVersionUID = 1L;

    @Inject
    transient SignIn signIn;

    private final LoginForm form = new LoginForm();

    public SignInView() {
        setId("sign-in");
        addClassName("sign-in");
        form.setI18n(texts(null));
        form.setForgotPasswordButtonVisible(false);
        form.addLoginListener(event -> signIn(event.getUsername(), event.getPassword()));
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
