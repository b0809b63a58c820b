package io.catalyst.ui.shell;

import com.vaadin.flow.server.WrappedSession;
import io.catalyst.core.identity.PasswordChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The HTTP sessions each user is signed in with on this node, so that a password reset ends them all. Held weakly:
 * a session the container has dropped leaves nothing behind here. A cluster relays the event to every node once the
 * cluster work lands (until then, other nodes' sessions end at their idle timeout).
 */
@ApplicationScoped
public class SignedInSessions {

    private static final Map<UUID, Set<WrappedSession>> SESSIONS = new ConcurrentHashMap<>();

    static void register(UUID userId, WrappedSession session) {
        if (session != null) {
            SESSIONS.computeIfAbsent(userId, id -> Collections.synchronizedSet(
                    Collections.newSetFromMap(new WeakHashMap<>()))).add(session);
        }
    }

    /** Ends every session of the user: their next request finds them signed out. */
    static int endAll(UUID userId) {
        Set<WrappedSession> sessions = SESSIONS.remove(userId);
        if (sessions == null) {
            return 0;
        }
        int ended = 0;
        synchronized (sessions) {
            for (WrappedSession session : sessions) {
                try {
                    session.invalidate();
                    ended++;
                } catch (IllegalStateException alreadyGone) {
                    // expired or signed out meanwhile
                }
            }
        }
        return ended;
    }

    void passwordChanged(@Observes PasswordChanged event) {
        endAll(event.userId());
    }
}
