package io.catalyst.ui.shell;

import com.vaadin.flow.server.VaadinSession;
import io.catalyst.core.identity.SignIn;
import io.catalyst.core.identity.SignInException;
import io.catalyst.core.identity.SignedIn;
import jakarta.enterprise.inject.spi.CDI;
import java.io.Serializable;
import java.util.Optional;
import java.util.UUID;

/**
 * The signed-in user and the tenant they are working in, kept in the Vaadin session. The tenant is only ever one the
 * user belongs to: it comes from the session, never from a request parameter.
 */
public final class UserSession {

    private UserSession() {
    }

    /** What the session holds: who is signed in, where they work, and the admin acting as them, if any. */
    record State(SignedIn user, UUID tenantId, SignedIn impersonator) implements Serializable {
    }

    public static Optional<SignedIn> user() {
        return state().map(State::user);
    }

    /** The tenant being worked in, if the user belongs to any. */
    public static Optional<SignedIn.TenantAccess> tenant() {
        return state().flatMap(state -> state.user().tenants().stream()
                .filter(t -> t.tenantId().equals(state.tenantId())).findFirst());
    }

    /** Starts a session's sign-in, working in the user's first tenant. */
    public static void start(SignedIn user) {
        UUID first = user.tenants().isEmpty() ? null : user.tenants().get(0).tenantId();
        save(new State(user, first, null));
        SignedInSessions.register(user.userId(), session().getSession());
    }

    /** Switches to another of the user's tenants; refuses one they do not belong to. */
    public static void switchTo(UUID tenantId) {
        State state = state().orElseThrow(() -> new IllegalStateException("Nobody is signed in"));
        boolean member = state.user().tenants().stream().anyMatch(t -> t.tenantId().equals(tenantId));
        if (!member) {
            throw new IllegalArgumentException("Not a tenant of this user: " + tenantId);
        }
        save(new State(state.user(), tenantId, state.impersonator()));
    }

    /** The signed-in platform admin starts acting as a member of a tenant. */
    public static void impersonate(SignedIn member, UUID tenantId) {
        State state = state().orElseThrow(() -> new IllegalStateException("Nobody is signed in"));
        if (state.impersonator() != null) {
            throw new IllegalStateException("Already acting as someone; end that first");
        }
        save(new State(member, tenantId, state.user()));
    }

    /** The admin acting as the signed-in user, if this is an impersonation. */
    public static Optional<SignedIn> impersonator() {
        return state().map(State::impersonator);
    }

    /** Back to being the admin. */
    public static void endImpersonation() {
        State state = state().orElseThrow(() -> new IllegalStateException("Nobody is signed in"));
        if (state.impersonator() != null) {
            start(state.impersonator());
        }
    }

    /** Who acts, as the audit log names them: "admin@agency as member@client" during an impersonation. */
    public static String actor() {
        return state().map(state -> state.impersonator() == null ? state.user().email()
                : state.impersonator().email() + " as " + state.user().email()).orElse("anonymous");
    }

    /** Whether the signed-in user, in the tenant they work in, may do this. */
    public static boolean permits(String permission) {
        return state().map(state -> state.user().permits(tenant().orElse(null), permission)).orElse(false);
    }

    /**
     * Reloads the user's memberships and permissions, keeping the chosen tenant while they still belong to it. Runs
     * before every navigation; without CDI (UI unit tests) the session stays as it is.
     */
    static void refresh() {
        Optional<State> current = state();
        if (current.isEmpty()) {
            return;
        }
        SignIn signIn;
        try {
            signIn = CDI.current().select(SignIn.class).get();
        } catch (IllegalStateException noContainer) {
            return;
        }
        SignedIn reloaded;
        try {
            reloaded = signIn.load(current.get().user().userId());
        } catch (SignInException accountGone) {
            end();
            return;
        }
        UUID tenant = current.get().tenantId();
        boolean stillMember = reloaded.tenants().stream().anyMatch(t -> t.tenantId().equals(tenant));
        save(new State(reloaded, stillMember ? tenant
                : reloaded.tenants().isEmpty() ? null : reloaded.tenants().get(0).tenantId(),
                current.get().impersonator()));
    }

    /** Remembers where someone was going when they were sent to sign in. */
    public static void returnAfterSignIn(String path) {
        session().setAttribute(ReturnTo.class, new ReturnTo(path));
    }

    /** Where to go after signing in: where the person was going, once, else home. */
    public static String takeReturnPath() {
        ReturnTo target = session().getAttribute(ReturnTo.class);
        session().setAttribute(ReturnTo.class, null);
        return target == null ? "" : target.path();
    }

    record ReturnTo(String path) implements Serializable {
    }

    public static void end() {
        save(null);
    }

    // kept in the HTTP session too, which any thread may read without the UI's lock (see permissions())
    private static final String SHARED = UserSession.class.getName() + ".state";

    private static void save(State state) {
        session().setAttribute(State.class, state);
        session().getSession().setAttribute(SHARED, state);
    }

    /**
     * The signed-in user's permission check, for work that goes on outside the UI's requests (a panel's model
     * replies, arriving on server threads): it reads the user's session as it is at each call, so a role taken away
     * or a sign-out counts at once, and needs no lock.
     */
    public static java.util.function.Predicate<String> permissions() {
        com.vaadin.flow.server.WrappedSession http = session().getSession();
        return permission -> {
            State state;
            try {
                state = (State) http.getAttribute(SHARED);
            } catch (IllegalStateException invalidated) {
                return false;
            }
            if (state == null) {
                return false;
            }
            SignedIn.TenantAccess tenant = state.user().tenants().stream()
                    .filter(t -> t.tenantId().equals(state.tenantId())).findFirst().orElse(null);
            return state.user().permits(tenant, permission);
        };
    }

    private static Optional<State> state() {
        VaadinSession session = VaadinSession.getCurrent();
        return session == null ? Optional.empty() : Optional.ofNullable(session.getAttribute(State.class));
    }

    private static VaadinSession session() {
        return VaadinSession.getCurrent();
    }
}
