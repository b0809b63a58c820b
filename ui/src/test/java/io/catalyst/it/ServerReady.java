package io.catalyst.it;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Holds back every integration test until the test server reports ready ({@code /health/ready} is 200: the database
 * answers, migrations are done, the role is safe). Liberty's start goal returns once the application has started,
 * which on a loaded machine can be before the migrations finish; tests that ran then saw "relation does not exist".
 * Registered for the whole JUnit run (META-INF/services); only the Failsafe run names a server, so unit tests pass
 * straight through.
 */
public final class ServerReady implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (System.getProperty("it.base.url") != null) {
            long started = System.nanoTime();
            Server.awaitReady();
            System.out.printf("ServerReady: %s reported ready after %.1f s of waiting%n", Server.BASE,
                    (System.nanoTime() - started) / 1e9);
        }
    }
}
