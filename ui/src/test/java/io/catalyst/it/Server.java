package io.catalyst.it;

import elemental.json.Json;
import elemental.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The integration-test server that the build started (a real Liberty with the WAR) and the throwaway PostgreSQL
 * cluster that {@code ./catalyst test} provisioned for it.
 */
final class Server {

    static final String BASE = System.getProperty("it.base.url", "http://127.0.0.1:9180");
    static final Path DIR = Path.of(System.getProperty("it.server.dir", "target/liberty/wlp/usr/servers/catalyst-it"));

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Server() {
    }

    static HttpResponse<String> get(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(BASE + path)).timeout(Duration.ofSeconds(30));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.GET().build());
    }

    static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonObject json(HttpResponse<String> response) {
        return Json.parse(response.body());
    }

    /** The cluster's superuser, to inspect roles, ownership and sessions from outside the app. */
    static Connection superuser() throws SQLException {
        return DriverManager.getConnection(env("CATALYST_TEST_PG_URL"), "postgres",
                env("CATALYST_TEST_PG_SUPERUSER_PASSWORD"));
    }

    /** The app's own role, as the server connects. */
    static Connection appRole() throws SQLException {
        return DriverManager.getConnection(env("CATALYST_DB_URL"), env("CATALYST_DB_USER"), env("CATALYST_DB_PASSWORD"));
    }

    /** Runs {@code ./catalyst} with these arguments; returns "exit code:output". */
    static String launcher(String... args) {
        return launcher(Map.of(), args);
    }

    /** Runs {@code ./catalyst} with these arguments and extra environment variables. */
    static String launcher(Map<String, String> environment, String... args) {
        String[] command = new String[args.length + 1];
        command[0] = System.getProperty("catalyst.launcher", "../catalyst");
        System.arraycopy(args, 0, command, 1, args.length);
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().putAll(environment);
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return process.waitFor() + ":" + output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The first column of a query's rows, run as the cluster's superuser. */
    static List<String> strings(String query) throws SQLException {
        try (Connection connection = superuser(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(query)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }

    /**
     * The server's threads that are in Catalyst or Vaadin code and not running, with their top frames: what a page
     * that never rendered was waiting for. The whole dump goes to {@code file}. For test failure messages only.
     */
    static String stuckThreads(Path file) {
        try {
            Path pidFile = DIR.getParent().resolve(".pid").resolve(DIR.getFileName() + ".pid");
            String pid = Files.readString(pidFile).trim();
            Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), pid,
                    "Thread.print").redirectErrorStream(true).start();
            String dump = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            jcmd.waitFor();
            Files.createDirectories(file.getParent());
            Files.writeString(file, dump);
            StringBuilder stuck = new StringBuilder();
            for (String thread : dump.split("\n\n")) {
                boolean waiting = thread.contains("State: BLOCKED") || thread.contains("State: WAITING")
                        || thread.contains("State: TIMED_WAITING");
                boolean ours = thread.contains("io.catalyst.") || thread.contains("VaadinSession.lock")
                        || thread.contains("com.vaadin.flow.server.communication");
                boolean idle = thread.contains("Thread.sleep") || thread.contains("ThreadPoolExecutor.getTask")
                        || thread.contains("DelayedWorkQueue.take");
                if (waiting && ours && !idle) {
                    String[] lines = thread.strip().split("\n");
                    stuck.append("\n  ").append(lines[0].replaceAll(" (prio|os_prio|cpu|elapsed|tid|nid)=\\S+", ""));
                    for (int i = 1; i < Math.min(lines.length, 9); i++) {
                        stuck.append("\n    ").append(lines[i].strip());
                    }
                }
            }
            return stuck.isEmpty() ? "no server thread of Catalyst or Vaadin waits" : stuck.toString();
        } catch (IOException | RuntimeException | InterruptedException unavailable) {
            return "(no thread dump: " + unavailable + ")";
        }
    }

    /**
     * Kills the server's JVM as a crash would (SIGKILL, no shutdown hooks) and starts it again with the same
     * configuration; returns once it is ready.
     */
    static void killAndRestart() throws Exception {
        Path pidFile = DIR.getParent().resolve(".pid").resolve(DIR.getFileName() + ".pid");
        long pid = Long.parseLong(Files.readString(pidFile).trim());
        ProcessHandle server = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("no server " + pid));
        server.destroyForcibly();
        server.onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
        Path wlp = DIR.getParent().getParent().getParent();
        Process start = new ProcessBuilder(wlp.resolve("bin/server").toString(), "start", DIR.getFileName().toString())
                .redirectErrorStream(true).start();
        String output = new String(start.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (start.waitFor() != 0) {
            throw new IllegalStateException("The server did not start again: " + output);
        }
        awaitReady();
    }

    /** Stops the test cluster (pg_ctl stop -m fast: sessions are cut, as in a crash or a failover). */
    static void stopPostgres() throws Exception {
        pgCtl("stop", "-m", "fast");
    }

    /** Starts the test cluster again on its port, as the launcher does. */
    static void startPostgres() throws Exception {
        String port = env("CATALYST_TEST_PG_URL").replaceAll(".*://[^:/]+:(\\d+)/.*", "$1");
        pgCtl("start", "-l", Path.of(env("CATALYST_PG_HOME")).resolve("log/postgres.log").toString(), "-o",
                "-c listen_addresses=127.0.0.1 -c port=" + port + " -c unix_socket_directories=''");
    }

    private static void pgCtl(String action, String... options) throws Exception {
        List<String> command = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.addAll(List.of(env("CATALYST_PG_BIN") + "/pg_ctl", "-D",
                Path.of(env("CATALYST_PG_HOME")).resolve("data").toString(), "-w", "-t", "60", action));
        command.addAll(List.of(options));
        Process pgCtl = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(pgCtl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (pgCtl.waitFor() != 0) {
            throw new IllegalStateException("pg_ctl " + action + " failed: " + output);
        }
    }

    /** Waits until /health/ready answers 200. */
    static void awaitReady() {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofMinutes(4))
                .pollInterval(java.time.Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> get("/health/ready").statusCode() == 200);
    }

    static String env(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set: run the integration tests with ./catalyst test");
        }
        return value;
    }
}
