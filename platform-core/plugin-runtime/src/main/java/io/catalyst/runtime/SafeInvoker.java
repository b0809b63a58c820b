package io.catalyst.runtime;

import io.catalyst.api.PluginProblem;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs plugin code on the caller's executor with a time limit and the plugin's class loader as the thread context
 * loader (which keeps the plugin from reaching host classes through it). Any throwable or a timeout is reported to
 * the failure sink (which decides what it takes out of service) and surfaces as {@link PluginFailure}. Passed through unchanged: a {@link PluginProblem} (the
 * plugin's deliberate answer), a {@link io.catalyst.api.connect.ProviderException} (a provider error a connector
 * classified) and a {@link HostFailure} (the host's own).
 *
 * <p>The time limit counts from when the plugin's code starts: time spent waiting for a free executor thread is the
 * host's, not the plugin's. A call that finds no thread within {@link #QUEUE_LIMIT} is given up as {@link HostBusy},
 * which fails nothing.
 *
 * <p>A plugin thread that ignores interruption cannot be stopped; it keeps one executor thread until it returns.
 */
final class SafeInvoker {

    /** Told about each failed call, to decide whether it takes the plugin out of service. */
    interface FailureSink {
        void failed(String pluginId, ClassLoader pluginLoader, String reason);
    }

    /** How long a call may wait for an executor thread before the host gives up on it. */
    static final Duration QUEUE_LIMIT = Duration.ofSeconds(30);

    private final ExecutorService executor;
    private final FailureSink sink;
    private final Duration queueLimit;

    SafeInvoker(ExecutorService executor, FailureSink sink) {
        this(executor, sink, QUEUE_LIMIT);
    }

    SafeInvoker(ExecutorService executor, FailureSink sink, Duration queueLimit) {
        this.executor = executor;
        this.sink = sink;
        this.queueLimit = queueLimit;
    }

    <R> R invoke(String pluginId, ClassLoader pluginLoader, String operation, Duration timeout, Callable<R> body) {
        CountDownLatch started = new CountDownLatch(1);
        Future<R> future = executor.submit(() -> {
            started.countDown();
            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            thread.setContextClassLoader(pluginLoader);
            try {
                return body.call();
            } finally {
                thread.setContextClassLoader(previous);
            }
        });
        try {
            if (!started.await(queueLimit.toMillis(), TimeUnit.MILLISECONDS) && future.cancel(false)) {
                throw new HostBusy("The server is too busy to run " + operation + " of plugin " + pluginId
                        + " now; it waited " + queueLimit.toSeconds() + " s for a thread");
            }
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw fail(pluginId, pluginLoader, operation + " timed out after " + timeout.toMillis() + " ms", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof PluginProblem problem) {
                throw problem;
            }
            // a provider's error the connector classified, or the host's own failure: the plugin is fine
            if (cause instanceof io.catalyst.api.connect.ProviderException provider) {
                throw provider;
            }
            if (cause instanceof HostFailure host) {
                throw host;
            }
            // the language model's outage or a company out of credits: the host's service failed, not the plugin
            if (cause instanceof io.catalyst.api.ai.ModelException model) {
                throw model;
            }
            throw fail(pluginId, pluginLoader, operation + " threw " + describe(cause), cause);
        } catch (InterruptedException e) {
            // the caller gave up, not the plugin: no mark
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new PluginFailure(pluginId, operation + " interrupted", e);
        }
    }

    private PluginFailure fail(String pluginId, ClassLoader loader, String reason, Throwable cause) {
        sink.failed(pluginId, loader, reason);
        return new PluginFailure(pluginId, reason, cause);
    }

    private static String describe(Throwable t) {
        return t.getMessage() == null ? t.getClass().getName() : t.getClass().getName() + ": " + t.getMessage();
    }
}
