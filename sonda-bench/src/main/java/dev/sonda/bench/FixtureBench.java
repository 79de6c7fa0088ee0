package dev.sonda.bench;

import dev.sonda.api.incident.IncidentOptions;
import dev.sonda.api.incident.IncidentPattern;
import dev.sonda.api.incident.Incidents;
import dev.sonda.engine.Clock;
import dev.sonda.engine.Run;
import dev.sonda.engine.RunOptions;
import dev.sonda.engine.Sonda;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The time to write a {@code normal} fixture set, as {@code sonda fixtures normal --duration D}
 * writes it: the incident library's {@code normal} pattern over the ten standard services at 5
 * requests per second, its traces, log lines (one per span), RED metrics (every 5 s) and events
 * in four NDJSON files under a temporary directory, on the simulated clock. One shot per
 * iteration, in seconds; the files are deleted after each.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 1)
@Measurement(iterations = 2)
public class FixtureBench {
    /** The simulated duration of the fixture set. */
    @Param({"24h"})
    public String duration;

    private Path dir;

    /** Creates the benchmark state; JMH calls it. */
    public FixtureBench() {}

    /**
     * Makes a fresh output directory.
     *
     * @throws IOException if it cannot be created
     */
    @Setup(Level.Iteration)
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("sonda-fixture-bench-");
    }

    /**
     * Writes the fixture set.
     *
     * @return the bytes written
     * @throws InterruptedException if interrupted while joining
     */
    @Benchmark
    public long write() throws InterruptedException {
        IncidentOptions options = IncidentOptions.defaults()
                .withDuration(dev.sonda.api.DurationText.parse(duration))
                .withStart(Instant.parse("2024-01-15T00:00:00Z"))
                .withSinks(IncidentOptions.Sinks.files(dir.toString()));
        try (Run run = Sonda.start(
                Incidents.plan(IncidentPattern.NORMAL, options),
                RunOptions.defaults().withClock(Clock.simulated(Instant.parse("2024-01-15T00:00:00Z"))))) {
            run.join();
            if (!run.failures().isEmpty()) {
                throw new IllegalStateException(run.failures().toString());
            }
        }
        long bytes = 0;
        for (String f : List.of("traces.ndjson", "logs.ndjson", "metrics.ndjson", "events.ndjson")) {
            try {
                bytes += Files.size(dir.resolve(f));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return bytes;
    }

    /**
     * Deletes the files.
     *
     * @throws IOException if they cannot be deleted
     */
    @TearDown(Level.Iteration)
    public void tearDown() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
