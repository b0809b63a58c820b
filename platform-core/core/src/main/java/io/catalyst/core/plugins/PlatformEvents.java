package io.catalyst.core.plugins;

import io.catalyst.api.events.PlatformEvent;
import io.catalyst.api.events.PlatformEventListener;
import io.catalyst.core.audit.AuditEntry;
import io.catalyst.runtime.Contribution;
import io.catalyst.runtime.PluginFailure;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * The event bus plugins listen on. Every audited action of the platform is an event whose topic is the action
 * (such as {@code identity.membership.granted}), published once its transaction has committed; plugins publish
 * their own under {@code <plugin-id>.*}. Each listener of a plugin enabled for the event's tenant gets it on its own
 * thread, through the guarded call path, so a slow or failing listener delays or breaks nothing else.
 */
@ApplicationScoped
public class PlatformEvents {

    private static final Logger LOG = Logger.getLogger(PlatformEvents.class.getName());

    @Resource
    ManagedExecutorService executor;

    @Inject
    PluginDispatch dispatch;

    // keyed by the loaded extension: a restarted plugin's listeners are new objects, asked anew
    private final Map<Contribution<PlatformEventListener>, Set<String>> topics = new ConcurrentHashMap<>();

    void onAudited(@Observes(during = TransactionPhase.AFTER_SUCCESS) AuditEntry entry) {
        if (entry.tenantId() == null) {
            return; // platform-wide actions are not any tenant's plugins' business
        }
        Map<String, Object> payload = new HashMap<>();
        payload.put("targetType", String.valueOf(entry.targetType()));
        payload.put("targetId", String.valueOf(entry.targetId()));
        payload.put("actor", String.valueOf(entry.actor()));
        publish(new PlatformEvent(entry.action(), entry.tenantId(), payload, Instant.now()));
    }

    public void publish(PlatformEvent event) {
        if (event.tenantId() == null) {
            return;
        }
        // off the publisher's thread: finding the listeners reads the tenant's enablement
        executor.execute(() -> {
            for (Contribution<PlatformEventListener> listener
                    : dispatch.extensions(event.tenantId(), PlatformEventListener.class)) {
                executor.execute(() -> deliver(listener, event));
            }
        });
    }

    /**
     * A listener's topics, asked once per loaded extension: asking on every event put a guarded call per event on
     * the plugin-call threads, and while long jobs held them those calls timed out and took the plugin out of service.
     */
    private Set<String> topics(Contribution<PlatformEventListener> listener) {
        Set<String> known = topics.get(listener);
        if (known == null) {
            known = Set.copyOf(dispatch.describe(listener, "topics", PlatformEventListener::topics));
            topics.put(listener, known);
        }
        return known;
    }

    private void deliver(Contribution<PlatformEventListener> listener, PlatformEvent event) {
        try {
            if (topics(listener).contains(event.topic())) {
                dispatch.call(listener, PluginDispatch.On.tenant(event.tenantId()), "event " + event.topic(),
                        (l, context) -> {
                            l.on(event, context);
                            return null;
                        });
            }
        } catch (PluginFailure | IllegalStateException e) {
            LOG.warning(e.getMessage());
        }
    }
}
