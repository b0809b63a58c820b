package io.catalyst.runtime;

import io.catalyst.api.rest.RestEndpoint;
import io.catalyst.runtime.PluginStatus.State;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.pf4j.DefaultPluginManager;
import org.pf4j.PluginWrapper;

/**
 * The {@code plugins} benchmark, run by {@code benchmarks/plugins/bench.sh} (not a test): generates small signed
 * plugins, then times in one JVM, after one unmeasured warm-up of each, Catalyst's {@link PluginRuntime#loadInstalled}
 * (signature checks, manifest checks, API-only class loaders, extension creation) against raw PF4J's
 * {@link DefaultPluginManager} loading, starting and instantiating the extensions of the same jars.
 *
 * <p>Arguments: {@code [plugins=50] [runs=5]}. Per-run figures go to stderr; stdout gets the one line
 * {@code plugins value=<median s> baseline=<median s> ratio=<x> unit=s}.
 */
public final class PluginLoadBenchmark {

    private PluginLoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        // 50 plugins log several INFO lines each; writing them would be most of what gets measured
        Logger.getLogger("").setLevel(Level.WARNING);

        Path dir = Files.createTempDirectory("catalyst-bench-plugins-");
        KeyPair keys = PluginSignatures.generateKeyPair();
        long started = System.nanoTime();
        TestPlugins.generateMany(dir, count, keys);
        System.err.printf(Locale.ROOT, "generated %d signed plugins in %.1f s (%s)%n", count, seconds(started), dir);

        ExecutorService executor = Executors.newCachedThreadPool();
        try {
            catalyst(dir, keys, count, executor);
            pf4j(dir, count);
            System.err.println("warm-up done (one load of each, not counted)");
            List<Double> catalyst = new ArrayList<>();
            List<Double> pf4j = new ArrayList<>();
            for (int run = 1; run <= runs; run++) {
                catalyst.add(catalyst(dir, keys, count, executor));
                pf4j.add(pf4j(dir, count));
                System.err.printf(Locale.ROOT, "run %d: catalyst %.3f s  pf4j %.3f s%n", run,
                        catalyst.get(run - 1), pf4j.get(run - 1));
            }
            double value = median(catalyst);
            double baseline = median(pf4j);
            System.out.printf(Locale.ROOT, "plugins value=%.3f baseline=%.3f ratio=%.2f unit=s%n", value, baseline,
                    value / baseline);
        } finally {
            executor.shutdownNow();
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
            Files.delete(dir);
        }
    }

    /** Seconds from a fresh runtime to every plugin STARTED with its extensions created. */
    private static double catalyst(Path dir, KeyPair keys, int count, ExecutorService executor) throws Exception {
        long started = System.nanoTime();
        PluginRuntime runtime = new PluginRuntime(PluginRuntime.Config.of(dir, List.of(keys.getPublic())), executor);
        List<PluginStatus> statuses = runtime.loadInstalled();
        double elapsed = seconds(started);
        long ok = statuses.stream().filter(s -> s.state() == State.STARTED).count();
        int endpoints = runtime.extensions(RestEndpoint.class).size();
        runtime.close();
        if (ok != count || endpoints != count) {
            throw new IllegalStateException("catalyst started " + ok + " plugins with " + endpoints
                    + " endpoints of " + count + ": " + statuses);
        }
        return elapsed;
    }

    /** Seconds for raw PF4J to load and start the same jars and instantiate their extensions. */
    private static double pf4j(Path dir, int count) {
        long started = System.nanoTime();
        DefaultPluginManager manager = new DefaultPluginManager(dir);
        manager.loadPlugins();
        manager.startPlugins();
        int endpoints = 0;
        for (PluginWrapper plugin : manager.getStartedPlugins()) {
            endpoints += manager.getExtensions(plugin.getPluginId()).size();
        }
        double elapsed = seconds(started);
        // PF4J 3.15.0's own stopPlugins() throws with 3+ started plugins (STACK.md, PF4J traps)
        List<PluginWrapper> startedPlugins = new ArrayList<>(manager.getStartedPlugins());
        Collections.reverse(startedPlugins);
        startedPlugins.forEach(p -> manager.stopPlugin(p.getPluginId()));
        manager.unloadPlugins();
        if (endpoints != count) {
            throw new IllegalStateException("pf4j found " + endpoints + " extensions of " + count + " plugins");
        }
        return elapsed;
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
