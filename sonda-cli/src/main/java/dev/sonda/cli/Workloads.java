package dev.sonda.cli;

import dev.sonda.api.Entry;
import dev.sonda.api.ScenarioPlan;
import dev.sonda.api.Signal;
import dev.sonda.api.spi.SpecRegistry;
import dev.sonda.api.workload.Shard;
import dev.sonda.api.workload.Workload;
import dev.sonda.engine.CompiledEntry;
import dev.sonda.engine.Run;
import dev.sonda.workload.WorkloadServer;
import dev.sonda.yaml.ScenarioLoader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * What {@code sonda run} does for workload entries ({@code signal_type: workload}, and Mockingbird
 * files): the shard ({@code --shard i/n}, else {@code SONDA_SHARD=i/n}) applied to every workload,
 * and the pull endpoints and control APIs served for the run's duration, reloads reading the file
 * again.
 */
final class Workloads {
    /** The environment variable a Kubernetes StatefulSet sets from the pod's ordinal. */
    static final String SHARD_ENV = "SONDA_SHARD";

    private Workloads() {}

    /**
     * The plan with every workload entry set to the shard of {@code option}, else of {@code
     * SONDA_SHARD}; unchanged when neither is set.
     *
     * @throws CliException (exit 2) if the shard is not {@code i/n}
     */
    static ScenarioPlan shard(ScenarioPlan plan, String option, Function<String, String> env) {
        Shard shard = shardOf(option, env);
        if (shard == null) {
            return plan;
        }
        List<Entry> entries = new ArrayList<>();
        for (Entry e : plan.entries()) {
            entries.add(
                    e.signal() instanceof Signal.Workload w
                            ? e.withSignal(new Signal.Workload(w.workload().withShard(shard)))
                            : e);
        }
        return ScenarioFiles.withEntries(plan, entries);
    }

    static Shard shardOf(String option, Function<String, String> env) {
        String text = option != null ? option : env.apply(SHARD_ENV);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Shard.parse(text);
        } catch (IllegalArgumentException e) {
            throw new CliException("invalid " + (option != null ? "--shard" : SHARD_ENV) + ": " + e.getMessage(), 2);
        }
    }

    /**
     * Serves the run's workloads; a reload reads {@code file} again (with the same shard).
     *
     * @return the server to close when the run ends, or null when the run has no workload
     * @throws CliException (exit 1) if a port cannot be bound
     */
    static WorkloadServer serve(Run run, Path file, String shard, PrintStream err, boolean quiet) {
        if (run.workloads().isEmpty()) {
            return null;
        }
        WorkloadServer server;
        try {
            server = WorkloadServer.start(run, name -> {
                ScenarioPlan plan = shard(ScenarioLoader.load(file), shard, System::getenv);
                for (Entry e : plan.entries()) {
                    if (e.signal() instanceof Signal.Workload w && name.equals(e.name())) {
                        return w.workload();
                    }
                }
                throw new IllegalStateException(file + " has no workload named '" + name + "' any more");
            });
        } catch (UncheckedIOException e) {
            run.stop();
            throw new CliException(e.getMessage(), 1);
        }
        if (!quiet) {
            run.workloads().forEach(w -> {
                if (server.scrapeAddress(w.name()) != null) {
                    err.println("  " + w.name() + ": metrics on http://" + host(server.scrapeAddress(w.name()))
                            + "/metrics");
                }
                if (server.controlAddress(w.name()) != null) {
                    err.println("  " + w.name() + ": control API on http://" + host(server.controlAddress(w.name())));
                }
            });
        }
        return server;
    }

    private static String host(java.net.InetSocketAddress a) {
        String host = a.getAddress() != null && a.getAddress().isAnyLocalAddress() ? "0.0.0.0" : a.getHostString();
        return host + ":" + a.getPort();
    }

    /** One dry-run line for a workload entry: its metrics, series and endpoints. */
    static String describe(CompiledEntry e, Workload w) {
        StringBuilder b = new StringBuilder();
        b.append(w.metrics().size()).append(w.metrics().size() == 1 ? " metric" : " metrics");
        if (e.runtime().workload() != null) {
            b.append(", ")
                    .append(Texts.grouped(e.runtime().workload().totalSeries()))
                    .append(" series");
        }
        b.append(", shard ").append(w.effectiveShard());
        if (w.scrape() != null) {
            b.append(", scrape :").append(w.scrape().port());
        }
        if (w.control() != null) {
            b.append(", control :").append(w.control().port());
        }
        return b.toString();
    }

    /** Loads a scenario or Mockingbird file for {@code sonda convert}. */
    static dev.sonda.yaml.LoadResult load(Path file) {
        return ScenarioLoader.loadWithWarnings(file, System::getenv, SpecRegistry.defaults());
    }
}
