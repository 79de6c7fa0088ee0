package dev.sonda.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sonda.engine.Clock;
import dev.sonda.engine.Run;
import dev.sonda.engine.RunOptions;
import dev.sonda.engine.RunStats;
import dev.sonda.engine.Sonda;
import dev.sonda.testing.Net;
import dev.sonda.testing.VictoriaMetrics;
import dev.sonda.yaml.ScenarioLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.ToLongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stops runs at random moments, a thousand times, and checks that no record goes unaccounted for:
 * for every run, what the receiver got equals what the run's stats report delivered, and what the
 * run emitted equals delivered plus dropped.
 *
 * <p>Targets, each a real receiver on loopback: a file; a TCP listener; an HTTP server taking
 * http_push; {@link VictoriaMetrics} (Debian {@code victoria-metrics})
 * taking remote_write, read back with {@code /api/v1/export} at the end; an OTLP/gRPC receiver
 * (grpc-java in this JVM). Ways of stopping: {@link Run#stop()} then {@code await}, {@link
 * Run#close()}, SIGTERM to a {@code sonda run} process (its shutdown hook flushes), and {@code
 * System.exit} in an application whose shutdown hook closes the run ({@link ChaosChild}). Runs use
 * the system clock at 200 to 5,000 events per second or, one in four, the simulated clock (as fast
 * as the sink goes); the moment of the stop is random within the first 40 ms (child processes:
 * within their first second and a half). Each run has its own {@code run} label, so every receiver
 * counts per run. Kafka joins when its sink lands.
 *
 * <p>Bounded: {@code sonda.chaos.stops} (default 1,000) stops, of which {@code
 * sonda.chaos.processes} (default 10) in child processes; about 90 s on two cores. The seed is
 * printed and can be set with {@code sonda.chaos.seed}.
 */
class ChaosIT {
    private static final int STOPS = Integer.getInteger("sonda.chaos.stops", 1000);
    private static final int PROCESSES = Integer.getInteger("sonda.chaos.processes", 10);
    private static final long SEED = Long.getLong("sonda.chaos.seed", System.nanoTime());
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    private static VictoriaMetrics vm;
    private static String vmBase;
    private static ChaosReceivers.TcpLines tcp;
    private static ChaosReceivers.HttpLines http;
    private static ChaosReceivers.OtlpPoints otlp;

    enum Target {
        FILE,
        TCP,
        HTTP_PUSH,
        REMOTE_WRITE,
        OTLP
    }

    enum How {
        STOP,
        CLOSE,
        SIGTERM,
        SHUTDOWN_HOOK
    }

    /** One stop's result: what the run said, for the final comparison with the receiver. */
    record Outcome(String run, Target target, How how, long emitted, long delivered, long dropped) {}

    @BeforeAll
    static void startReceivers() throws IOException {
        vm = VictoriaMetrics.start(dir);
        vmBase = vm.base();
        tcp = new ChaosReceivers.TcpLines();
        http = new ChaosReceivers.HttpLines();
        otlp = new ChaosReceivers.OtlpPoints();
    }

    @AfterAll
    static void stopReceivers() throws Exception {
        if (tcp != null) {
            tcp.close();
        }
        if (http != null) {
            http.close();
        }
        if (otlp != null) {
            otlp.close();
        }
        if (vm != null) {
            vm.close();
        }
    }

    @Test
    void aThousandStopsAtRandomMomentsLoseNoRecord() throws Exception {
        System.out.println("ChaosIT seed: " + SEED + " (-Dsonda.chaos.seed=" + SEED + " repeats it)");
        Random rnd = new Random(SEED);
        List<Outcome> outcomes = new ArrayList<>();
        int every = PROCESSES == 0 ? Integer.MAX_VALUE : Math.max(1, STOPS / PROCESSES);
        long started = System.nanoTime();
        for (int i = 0; i < STOPS; i++) {
            Target target = Target.values()[i % Target.values().length];
            How how = i % every == every / 2
                    ? ((i / every) % 2 == 0 ? How.SIGTERM : How.SHUTDOWN_HOOK)
                    : (rnd.nextBoolean() ? How.STOP : How.CLOSE);
            String run = "r" + i;
            Outcome o =
                    switch (how) {
                        case STOP, CLOSE -> inJvm(run, target, how, rnd);
                        case SIGTERM -> cli(run, target, rnd);
                        case SHUTDOWN_HOOK -> child(run, target, rnd);
                    };
            outcomes.add(o);
            assertThat(o.emitted()).as("%s: emitted == delivered + dropped", o).isEqualTo(o.delivered() + o.dropped());
            if (target != Target.REMOTE_WRITE) {
                assertReceived(o, received(target));
            }
        }
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);

        // Late arrivals would show now: every in-JVM receiver once more, and VictoriaMetrics.
        long rwDelivered = outcomes.stream()
                .filter(o -> o.target() == Target.REMOTE_WRITE)
                .mapToLong(Outcome::delivered)
                .sum();
        Map<String, Long> stored = new HashMap<>();
        Net.pollUntil(Duration.ofSeconds(30), () -> {
            try {
                stored.clear();
                stored.putAll(victoriaMetricsSamplesByRun());
            } catch (IOException e) {
                return false;
            }
            return stored.values().stream().mapToLong(Long::longValue).sum() >= rwDelivered;
        });
        for (Outcome o : outcomes) {
            if (o.target() == Target.REMOTE_WRITE) {
                assertThat(stored.getOrDefault(o.run(), 0L))
                        .as("%s: VictoriaMetrics stored == delivered", o)
                        .isEqualTo(o.delivered());
            } else {
                assertThat(received(o.target()).applyAsLong(o.run()))
                        .as("%s: received == delivered (final sweep)", o)
                        .isEqualTo(o.delivered());
            }
        }
        assertThat(tcp.unlabelled() + http.unlabelled() + otlp.unlabelled())
                .as("records without a run label, or reset connections")
                .isZero();

        Map<How, Integer> byHow = new EnumMap<>(How.class);
        outcomes.forEach(o -> byHow.merge(o.how(), 1, Integer::sum));
        long emitted = outcomes.stream().mapToLong(Outcome::emitted).sum();
        long delivered = outcomes.stream().mapToLong(Outcome::delivered).sum();
        long dropped = outcomes.stream().mapToLong(Outcome::dropped).sum();
        System.out.println("ChaosIT: " + outcomes.size() + " stops " + byHow + " in " + seconds + " s; records emitted "
                + emitted + ", delivered " + delivered + ", dropped " + dropped + ", lost "
                + (emitted - delivered - dropped) + "; seed " + SEED);
        assertThat(dropped)
                .as("records dropped: the receivers were up the whole time")
                .isZero();
    }

    private static void assertReceived(Outcome o, ToLongFunction<String> counts) {
        // The in-JVM receivers have the bytes once the sink closed; a TCP reader may still be reading.
        boolean equal = Net.pollUntil(Duration.ofSeconds(10), () -> counts.applyAsLong(o.run()) == o.delivered());
        assertThat(counts.applyAsLong(o.run()))
                .as("%s: received == delivered", o)
                .isEqualTo(o.delivered());
        assertThat(equal).isTrue();
    }

    private static ToLongFunction<String> received(Target target) {
        return switch (target) {
            case FILE -> ChaosIT::fileLines;
            case TCP -> tcp::of;
            case HTTP_PUSH -> http::of;
            case OTLP -> otlp::of;
            case REMOTE_WRITE -> run -> -1;
        };
    }

    private static long fileLines(String run) {
        Path f = dir.resolve(run + ".prom");
        try {
            return Files.exists(f) ? Files.readAllLines(f).size() : 0;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- the scenario ----------------------------------------------------------------------------

    private static String yaml(String run, Target target, double rate, String duration) {
        String sink =
                switch (target) {
                    case FILE -> "{ type: file, path: '" + dir.resolve(run + ".prom") + "' }";
                    case TCP -> "{ type: tcp, address: '" + tcp.address() + "' }";
                    case HTTP_PUSH -> "{ type: http_push, url: '" + http.url() + "', batch_size: 2048 }";
                    case REMOTE_WRITE -> "{ type: remote_write, url: '" + vmBase + "/api/v1/write', batch_size: 50 }";
                    case OTLP -> "{ type: otlp_grpc, endpoint: '" + otlp.endpoint()
                            + "', signal_type: metrics, batch_size: 20 }";
                };
        return "version: 2\nkind: runnable\nscenarios:\n"
                + "  - signal_type: metrics\n"
                + "    name: chaos_" + target.name().toLowerCase(java.util.Locale.ROOT) + "\n"
                + "    rate: " + rate + "\n"
                + "    duration: " + duration + "\n"
                + "    generator: { type: sawtooth, min: 0, max: 100, period_secs: 10 }\n"
                + "    labels: { run: " + run + " }\n"
                + "    sink: " + sink + "\n";
    }

    // ---- in this JVM: stop() and close() ------------------------------------------------------------

    private static Outcome inJvm(String run, Target target, How how, Random rnd) throws Exception {
        boolean simulated = rnd.nextInt(4) == 0;
        double rate = simulated ? 1000 : new double[] {200, 1000, 5000}[rnd.nextInt(3)];
        if (target == Target.REMOTE_WRITE) {
            rate = Math.min(rate, 1000); // one sample per series per millisecond, as remote write stores them
        }
        String yaml = yaml(run, target, rate, simulated ? "2s" : "1h");
        RunOptions options = RunOptions.defaults().withDiagnostics(line -> System.out.println(run + ": " + line));
        if (simulated) {
            options = options.withClock(Clock.simulated(Instant.now()));
        }
        Run r = Sonda.start(ScenarioLoader.load(yaml, run + ".yaml"), options);
        LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(rnd.nextInt(40_000)));
        if (how == How.STOP) {
            r.stop();
            assertThat(r.await(Duration.ofSeconds(60))).as("%s stopped", run).isTrue();
            assertThat(r.failures()).isEmpty();
        } else {
            r.close();
        }
        RunStats s = r.stats();
        assertThat(s.events()).as("%s: one record per event", run).isEqualTo(s.records());
        return new Outcome(run, target, how, s.records(), s.delivered(), s.dropped());
    }

    // ---- child processes: SIGTERM to sonda run, System.exit under a shutdown hook ---------------------

    private static final Pattern BANNER =
            Pattern.compile("■ chaos_\\w+  completed in [0-9.]+s \\| events: (\\d+) \\| bytes: [^|]+ \\| errors: (\\d+)"
                    + " \\| delivered: (\\d+) \\| dropped: (\\d+)");
    private static final Pattern HOOK = Pattern.compile("records=(\\d+) delivered=(\\d+) dropped=(\\d+) events=(\\d+)");

    private static Outcome cli(String run, Target target, Random rnd) throws Exception {
        Path file = Files.writeString(dir.resolve(run + ".yaml"), yaml(run, target, childRate(target), "1h"));
        Path err = dir.resolve(run + ".err");
        Process p = java("dev.sonda.cli.Main", "run", file.toString())
                .redirectError(err.toFile())
                .redirectOutput(dir.resolve(run + ".out").toFile())
                .start();
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(300 + rnd.nextInt(1200)));
        p.destroy(); // SIGTERM
        assertThat(p.waitFor(60, TimeUnit.SECONDS))
                .as("%s ended after SIGTERM", run)
                .isTrue();
        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        Matcher m = BANNER.matcher(stderr);
        if (!m.find()) {
            // The signal came before the run started: the JVM ended without running anything.
            assertThat(p.exitValue())
                    .as("%s exit without a banner; stderr: %s", run, stderr)
                    .isEqualTo(143);
            return new Outcome(run, target, How.SIGTERM, 0, 0, 0);
        }
        assertThat(p.exitValue()).as("%s exit code; stderr: %s", run, stderr).isZero();
        assertThat(Long.parseLong(m.group(2))).as("%s sink errors", run).isZero();
        return new Outcome(
                run,
                target,
                How.SIGTERM,
                Long.parseLong(m.group(1)),
                Long.parseLong(m.group(3)),
                Long.parseLong(m.group(4)));
    }

    private static Outcome child(String run, Target target, Random rnd) throws Exception {
        Path file = Files.writeString(dir.resolve(run + ".yaml"), yaml(run, target, childRate(target), "1h"));
        Path out = dir.resolve(run + ".out");
        Process p = java(ChaosChild.class.getName(), file.toString(), String.valueOf(100 + rnd.nextInt(1000)))
                .redirectOutput(out.toFile())
                .redirectError(dir.resolve(run + ".err").toFile())
                .start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("%s ended", run).isTrue();
        String stdout = Files.readString(out, StandardCharsets.UTF_8);
        Matcher m = HOOK.matcher(stdout);
        assertThat(m.find()).as("%s printed its stats: %s", run, stdout).isTrue();
        assertThat(p.exitValue()).isZero();
        assertThat(m.group(4)).as("%s: one record per event", run).isEqualTo(m.group(1));
        return new Outcome(
                run,
                target,
                How.SHUTDOWN_HOOK,
                Long.parseLong(m.group(1)),
                Long.parseLong(m.group(2)),
                Long.parseLong(m.group(3)));
    }

    private static double childRate(Target target) {
        return target == Target.REMOTE_WRITE ? 500 : 2000;
    }

    private static ProcessBuilder java(String mainClass, String... args) {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                mainClass));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd);
    }

    // ---- VictoriaMetrics read-back ------------------------------------------------------------------

    private static Map<String, Long> victoriaMetricsSamplesByRun() throws IOException {
        String body = vm.export("{__name__=\"chaos_remote_write\"}");
        Map<String, Long> byRun = new HashMap<>();
        for (String line : body.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode series = JSON.readTree(line);
            byRun.merge(
                    series.get("metric").get("run").asText(),
                    (long) series.get("values").size(),
                    Long::sum);
        }
        return byRun;
    }
}
