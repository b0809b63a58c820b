package io.catalyst.ui.shell;

import com.vaadin.flow.server.WrappedHttpSession;
import com.vaadin.flow.server.WrappedSession;
import io.catalyst.core.identity.MembershipEnded;
import io.catalyst.core.identity.PasswordChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.servlet.http.HttpSession;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The HTTP sessions each user is signed in with on this node, so that a password reset ends them all. The container's
 * session objects are held (Vaadin's wrappers are per request and would be gone), and ones that have ended are dropped
 * whenever the user signs in again. A cluster relays the event to every node once the cluster work lands (until then,
 * other nodes' sessions end at their idle timeout).
 */
@ApplicationScoped
public class SignedInSessions {

    private static final Map<UUID, Set<HttpSession>> SESSIONS = new ConcurrentHashMap<>();

    static void register(UUID userId, WrappedSession session) {
        if (session instanceof WrappedHttpSession wrapped) {
            Set<HttpSession> sessions = SESSIONS.computeIfAbsent(userId, id -> ConcurrentHashMap.newKeySet());
            sessions.removeIf(s -> !alive(s));
            sessions.add(wrapped.getHttpSession());
        }
    }

    /** Ends every session of the user: their next request finds them signed out. */
    static int endAll(UUID userId) {
        Set<HttpSession> sessions = SESSIONS.remove(userId);
        if (sessions == null) {
            return 0;
        }
        int ended = 0;
        for (HttpSession session : sessions) {
            try {
                session.invalidate();
                ended++;
            } catch (IllegalStateException alreadyGone) {
                // expired or signed out meanwhile
            }
        }
        return ended;
    }

    private static boolean alive(HttpSession session) {
        try {
            session.getLastAccessedTime();
            return true;
        } catch (IllegalStateException invalidated) {
            return false;
        }
    }

    void passwordChanged(@Observes PasswordChanged event) {
        endAll(event.userId());
    }

    // after the removal commits: a session ended before it would sign in again as a member
    void membershipEnded(@Observes(during = TransactionPhase.AFTER_SUCCESS) MembershipEnded event) {
        endAll(event.userId());
    }
}
