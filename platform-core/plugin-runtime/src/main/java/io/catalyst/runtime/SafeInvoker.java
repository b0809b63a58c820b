package io.catalyst.runtime;

import io.catalyst.api.PluginProblem;
import java.time.Duration;
import java.util.concurrent.Callable;
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
 * <p>A plugin thread that ignores interruption cannot be stopped; it keeps one executor thread until it returns.
 */
final class SafeInvoker {

    /** Told about each failed call, to decide whether it takes the plugin out of service. */
    interface FailureSink {
        void failed(String pluginId, ClassLoader pluginLoader, String reason);
    }

    private final ExecutorService executor;
    private final FailureSink sink;

    SafeInvoker(ExecutorService executor, FailureSink sink) {
        this.executor = executor;
        this.sink = sink;
    }

    <R> R invoke(String pluginId, ClassLoader pluginLoader, String operation, Duration timeout, Callable<R> body) {
        Future<R> future = executor.submit(() -> {
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
