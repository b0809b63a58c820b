package io.catalyst.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SafeInvokerTest {

    private final ExecutorService oneThread = Executors.newSingleThreadExecutor();
    private final ExecutorService callers = Executors.newCachedThreadPool();
    private final List<String> failed = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() {
        release.countDown();
        oneThread.shutdownNow();
        callers.shutdownNow();
    }

    @Test
    void waitingForAThreadDoesNotCountAgainstThePlugin() throws Exception {
        SafeInvoker invoker = new SafeInvoker(oneThread, (id, loader, reason) -> failed.add(reason),
                Duration.ofSeconds(10));
        occupyTheThread(invoker);
        Future<String> queued = callers.submit(() -> invoker.invoke("quick", loader(), "GET /x",
                Duration.ofMillis(300), () -> "answered"));
        Thread.sleep(600); // twice its own limit, spent waiting for the thread
        release.countDown();

        assertThat(queued.get(5, TimeUnit.SECONDS)).isEqualTo("answered");
        assertThat(failed).as("no failure reported").isEmpty();
    }

    @Test
    void aCallThatFindsNoThreadIsTheHostsFailure() throws Exception {
        SafeInvoker invoker = new SafeInvoker(oneThread, (id, loader, reason) -> failed.add(reason),
                Duration.ofMillis(200));
        occupyTheThread(invoker);
        List<String> ran = new CopyOnWriteArrayList<>();

        assertThatThrownBy(() -> invoker.invoke("quick", loader(), "job retention", Duration.ofSeconds(5), () -> {
            ran.add("ran");
            return null;
        })).isInstanceOf(HostBusy.class).hasMessageContaining("job retention").hasMessageContaining("quick");
        release.countDown();
        oneThread.shutdown();
        assertThat(oneThread.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
        assertThat(ran).as("given up, never run later").isEmpty();
        assertThat(failed).isEmpty();
    }

    @Test
    void pluginCodePastItsLimitIsThePluginsFailure() {
        SafeInvoker invoker = new SafeInvoker(oneThread, (id, loader, reason) -> failed.add(id + ": " + reason),
                Duration.ofSeconds(10));

        assertThatThrownBy(() -> invoker.invoke("slow", loader(), "GET /x", Duration.ofMillis(200), () -> {
            Thread.sleep(5_000);
            return null;
        })).isInstanceOf(PluginFailure.class).hasMessageContaining("timed out after 200 ms");
        assertThat(failed).containsExactly("slow: GET /x timed out after 200 ms");
    }

    private void occupyTheThread(SafeInvoker invoker) throws InterruptedException {
        CountDownLatch busy = new CountDownLatch(1);
        callers.submit(() -> invoker.invoke("busy", loader(), "long", Duration.ofSeconds(30), () -> {
            busy.countDown();
            release.await();
            return null;
        }));
        assertThat(busy.await(5, TimeUnit.SECONDS)).isTrue();
    }

    private static ClassLoader loader() {
        return SafeInvokerTest.class.getClassLoader();
    }
}
