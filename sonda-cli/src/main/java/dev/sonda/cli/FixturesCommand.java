package dev.sonda.cli;

import dev.sonda.api.DurationText;
import dev.sonda.api.InvalidScenarioException;
import dev.sonda.api.ScenarioPlan;
import dev.sonda.api.incident.IncidentOptions;
import dev.sonda.api.incident.IncidentPattern;
import dev.sonda.api.incident.Incidents;
import dev.sonda.engine.Clock;
import dev.sonda.engine.CompiledEntry;
import dev.sonda.engine.Run;
import dev.sonda.engine.RunObserver;
import dev.sonda.engine.RunOptions;
import dev.sonda.engine.Sonda;
import dev.sonda.engine.data.EventRecord;
import dev.sonda.engine.data.LogRecord;
import dev.sonda.engine.data.Series;
import dev.sonda.engine.data.SpanRecord;
import dev.sonda.yaml.ScenarioWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code sonda fixtures PATTERN --out DIR}: writes the incident library's NDJSON fixtures, in the
 * telemetry-simulation seed's tree ({@code normal/}, {@code incidents/NAME/}, {@code noise/KIND/},
 * each with {@code metrics.ndjson}, {@code logs.ndjson}, {@code traces.ndjson} and {@code
 * events.ndjson}), on the simulated clock: a pattern's fixtures depend only on its options, so the
 * same seed writes the same bytes. {@code --list} shows the patterns and what a directory holds.
 */
@Command(
        name = "fixtures",
        description = "Write the incident library's NDJSON fixtures (metrics, logs, traces, events) on simulated time.",
        mixinStandardHelpOptions = true)
final class FixturesCommand implements Callable<Integer> {
    /** The default start of the fixtures' timeline, the seed's example time: fixed, so reruns match. */
    static final String DEFAULT_START = "2024-01-15T10:30:00Z";

    private static final List<String> FILES =
            List.of("metrics.ndjson", "logs.ndjson", "traces.ndjson", "events.ndjson");

    @ParentCommand
    SondaCommand root;

    @Parameters(
            paramLabel = "PATTERN",
            arity = "0..1",
            description = "A pattern (see --list), or 'all' for the whole tree.")
    String pattern;

    @Option(names = "--out", paramLabel = "DIR", description = "Directory the fixture tree is written under.")
    Path out;

    @Option(names = "--list", description = "List the patterns, and the fixtures under --out if given.")
    boolean list;

    @Option(names = "--scenario", description = "Print the pattern's scenario with these options as YAML instead.")
    boolean scenario;

    @Option(
            names = "--duration",
            paramLabel = "D",
            description = "How long each pattern runs (default: 60s, cascade 90s).")
    String duration;

    @Option(names = "--interval", paramLabel = "D", description = "RED metrics sampling interval (default: 5s).")
    String interval;

    @Option(names = "--severity", paramLabel = "S", description = "low, medium, high (default) or a factor.")
    String severity;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of traces and noise (default: 42).")
    Long seed;

    @Option(
            names = "--services",
            paramLabel = "A,B,...",
            split = ",",
            description = "The services (at least two; default: the ten standard ones).")
    List<String> services;

    @Option(names = "--rate", paramLabel = "R", description = "Root requests per second (default: 5, high-volume 50).")
    Double rate;

    @Option(
            names = "--start",
            paramLabel = "INSTANT",
            description = "Start of the timeline: RFC 3339 or epoch milliseconds (default: " + DEFAULT_START + ").")
    String start;

    @Override
    public Integer call() throws Exception {
        if (list) {
            list(System.out);
            return 0;
        }
        if (pattern == null) {
            throw new CliException(
                    "a pattern is required: sonda fixtures PATTERN --out DIR; patterns: " + names()
                            + ", all (sonda fixtures --list)",
                    2);
        }
        List<IncidentPattern> patterns = pattern.equalsIgnoreCase("all")
                ? List.of(IncidentPattern.values())
                : List.of(IncidentPattern.byName(pattern)
                        .orElseThrow(() -> new CliException(
                                "unknown pattern \"" + pattern + "\"; known: " + names() + ", all", 2)));
        IncidentOptions options = options();
        if (scenario) {
            if (patterns.size() != 1) {
                throw new CliException("--scenario prints one pattern; name it instead of 'all'", 2);
            }
            System.out.print(ScenarioWriter.write(plan(patterns.get(0), options)));
            System.out.flush();
            return 0;
        }
        if (out == null) {
            throw new CliException("--out <dir> is required: where the fixture tree is written", 2);
        }
        for (IncidentPattern p : patterns) {
            write(p, options);
        }
        return 0;
    }

    private static String names() {
        return Arrays.stream(IncidentPattern.values())
                .map(IncidentPattern::patternName)
                .collect(Collectors.joining(", "));
    }

    private IncidentOptions options() {
        IncidentOptions o = IncidentOptions.defaults().withStart(parseStart());
        if (duration != null) {
            o = o.withDuration(parseDuration("--duration", duration));
        }
        if (interval != null) {
            o = o.withInterval(parseDuration("--interval", interval));
        }
        if (severity != null) {
            try {
                o = o.withSeverity(IncidentOptions.parseSeverity(severity));
            } catch (IllegalArgumentException e) {
                throw new CliException("invalid --severity: " + e.getMessage(), 2);
            }
        }
        if (seed != null) {
            o = o.withSeed(seed);
        }
        if (services != null) {
            o = o.withServices(services.stream().map(String::strip).toList());
        }
        if (rate != null) {
            o = o.withRate(rate);
        }
        return o;
    }

    private static Duration parseDuration(String option, String text) {
        try {
            return DurationText.parse(text);
        } catch (IllegalArgumentException e) {
            throw new CliException("invalid " + option + ": " + e.getMessage(), 2);
        }
    }

    private Instant parseStart() {
        String s = start == null ? DEFAULT_START : start;
        if (s.matches("-?\\d+")) {
            return Instant.ofEpochMilli(Long.parseLong(s));
        }
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            throw new CliException(
                    "invalid --start \"" + s + "\": expected epoch milliseconds or an RFC 3339 instant", 2);
        }
    }

    private static ScenarioPlan plan(IncidentPattern p, IncidentOptions o) {
        try {
            return Incidents.plan(p, o);
        } catch (InvalidScenarioException e) {
            throw new CliException(
                    "invalid options: "
                            + e.problems().stream()
                                    .map(x -> "--" + x.path() + ": " + x.message())
                                    .collect(Collectors.joining("; ")),
                    2);
        }
    }

    /** Runs one pattern on the simulated clock into its directory and reports what it wrote. */
    private void write(IncidentPattern p, IncidentOptions o) throws InterruptedException {
        Path dir = out.resolve(p.directory());
        ScenarioPlan plan = plan(p, o.withSinks(IncidentOptions.Sinks.files(dir.toString())));
        Counts counts = new Counts();
        PrintStream err = System.err;
        long t0 = System.nanoTime();
        RunOptions options = RunOptions.defaults()
                .withClock(Clock.simulated(o.start()))
                .withDiagnostics(err::println)
                .withObserver(counts);
        try (Run run = Sonda.start(plan, options)) {
            run.join();
            if (!run.failures().isEmpty()) {
                throw new CliException(
                        run.failures().stream().map(Object::toString).collect(Collectors.joining("; ")), 1);
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (!root.quiet) {
            err.printf(
                    Locale.ROOT,
                    "sonda: wrote %s: %d traces (%d spans), %d log lines, %d metric samples, %d events in %.2f s%n",
                    dir,
                    counts.traces.get(),
                    counts.spans.get(),
                    counts.logs.get(),
                    counts.samples.get(),
                    counts.events.get(),
                    seconds);
        }
    }

    /** What a run delivered, counted as it goes. */
    private static final class Counts implements RunObserver {
        final AtomicLong traces = new AtomicLong();
        final AtomicLong spans = new AtomicLong();
        final AtomicLong logs = new AtomicLong();
        final AtomicLong samples = new AtomicLong();
        final AtomicLong events = new AtomicLong();

        @Override
        public void onSample(CompiledEntry entry, Series series, long epochNanos, double value) {
            samples.incrementAndGet();
        }

        @Override
        public void onLog(CompiledEntry entry, LogRecord record) {
            logs.incrementAndGet();
        }

        @Override
        public void onSpan(CompiledEntry entry, SpanRecord span) {
            spans.incrementAndGet();
            if (span.parentSpanId() == 0) {
                traces.incrementAndGet();
            }
        }

        @Override
        public void onEvent(CompiledEntry entry, EventRecord event) {
            events.incrementAndGet();
        }
    }

    /** The patterns, then the fixture directories found under {@code --out}. */
    private void list(PrintStream o) throws IOException {
        o.println("PATTERN\tDIRECTORY\tDURATION\tDESCRIPTION");
        for (IncidentPattern p : IncidentPattern.values()) {
            o.println(p.patternName() + "\t" + p.directory() + "\t" + DurationText.format(p.defaultDuration()) + "\t"
                    + p.description());
        }
        if (out == null) {
            o.flush();
            return;
        }
        o.println();
        List<String> found = new ArrayList<>();
        for (IncidentPattern p : IncidentPattern.values()) {
            Path dir = out.resolve(p.directory());
            if (!Files.isDirectory(dir)) {
                continue;
            }
            StringBuilder line = new StringBuilder(p.directory());
            for (String f : FILES) {
                Path file = dir.resolve(f);
                line.append('\t')
                        .append(f.substring(0, f.indexOf('.')))
                        .append('=')
                        .append(Files.isRegularFile(file) ? lines(file) : "missing");
            }
            found.add(line.toString());
        }
        if (found.isEmpty()) {
            o.println("no fixtures under " + out);
        } else {
            o.println("FIXTURES UNDER " + out + " (lines per file)");
            found.forEach(o::println);
        }
        o.flush();
    }

    private static long lines(Path file) throws IOException {
        try (Stream<String> s = Files.lines(file)) {
            return s.count();
        }
    }
}
