package io.catalyst.core.ai;

import io.catalyst.api.ai.ChatRequest;
import io.catalyst.api.ai.Credits;
import io.catalyst.api.ai.LanguageModel;
import io.catalyst.api.ai.ModelException;
import io.catalyst.api.ai.ModelUnavailable;
import io.catalyst.api.ai.Reply;
import io.catalyst.api.ai.ReplyHandler;
import io.catalyst.api.ai.Usage;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Makes the {@link LanguageModel} of {@code ctx.model()}: the company's endpoint, metered against its credits. A
 * stream's handler is called on the server's managed threads, in order, so it may use every host service (the
 * provider's client calls back on threads of its own, where the server's resources are not at hand).
 */
@ApplicationScoped
public class Models {

    private static final Logger LOG = Logger.getLogger(Models.class.getName());

    @Inject
    ModelSettings settings;

    @Inject
    ModelProvider provider;

    @Inject
    AiCredits credits;

    @Resource
    ManagedExecutorService executor;

    /** The model for one plugin's work in a company, charged to the user when a person asked. */
    public LanguageModel forTenant(UUID tenantId, String pluginId, UUID userId) {
        return new LanguageModel() {
            @Override
            public boolean available() {
                return settings.endpoint(tenantId).map(provider::closed).orElse(false);
            }

            @Override
            public void stream(ChatRequest request, ReplyHandler handler) {
                Executor serial = new Serial(executor);
                Optional<ModelEndpoint> endpoint = settings.endpoint(tenantId);
                try {
                    if (endpoint.isEmpty()) {
                        throw notConfigured();
                    }
                    credits.check(tenantId);
                } catch (ModelException refused) {
                    serial.execute(() -> handler.failed(refused));
                    return;
                }
                provider.stream(endpoint.get(), request, new ModelProvider.Outcome() {
                    @Override
                    public void token(String text) {
                        serial.execute(() -> handler.token(text));
                    }

                    @Override
                    public void complete(Reply reply) {
                        serial.execute(() -> {
                            charge(reply.usage(), false);
                            handler.complete(reply);
                        });
                    }

                    @Override
                    public void failed(ModelUnavailable error, boolean reachedProvider) {
                        serial.execute(() -> {
                            if (reachedProvider) {
                                charge(Usage.NONE, true);
                            }
                            handler.failed(error);
                        });
                    }
                });
            }

            @Override
            public Reply chat(ChatRequest request) {
                ModelEndpoint endpoint = settings.endpoint(tenantId).orElseThrow(Models::notConfigured);
                credits.check(tenantId);
                try {
                    Reply reply = provider.chat(endpoint, request);
                    charge(reply.usage(), false);
                    return reply;
                } catch (ModelUnavailable e) {
                    charge(Usage.NONE, true);
                    throw e;
                }
            }

            @Override
            public Credits credits() {
                return credits.credits(tenantId);
            }

            private void charge(Usage usage, boolean failed) {
                try {
                    credits.charge(tenantId, pluginId, userId, usage, failed);
                } catch (RuntimeException e) {
                    // the reply is the user's either way; a lost ledger row is logged, not thrown at them
                    LOG.log(Level.WARNING, "could not charge AI usage of tenant " + tenantId, e);
                }
            }
        };
    }

    static ModelUnavailable notConfigured() {
        return new ModelUnavailable("No AI model is set up on this platform yet, so the assistant cannot answer."
                + " Recommendations still work. A platform admin sets the model (docs/ai.md).");
    }

    /** Runs tasks one after another, in the order given, on a shared executor: a stream's handler sees its text in order. */
    static final class Serial implements Executor {
        private final Executor pool;
        private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
        private final AtomicBoolean running = new AtomicBoolean();

        Serial(Executor pool) {
            this.pool = pool;
        }

        @Override
        public void execute(Runnable task) {
            tasks.add(task);
            schedule();
        }

        private void schedule() {
            if (!tasks.isEmpty() && running.compareAndSet(false, true)) {
                pool.execute(this::drain);
            }
        }

        private void drain() {
            try {
                Runnable next;
                while ((next = tasks.poll()) != null) {
                    try {
                        next.run();
                    } catch (RuntimeException e) {
                        LOG.log(Level.WARNING, "a model reply handler failed", e);
                    }
                }
            } finally {
                running.set(false);
                schedule(); // a task added after the last poll, before the flag fell
            }
        }
    }
}
