package dev.sonda.junit5;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * A Prometheus rule file evaluated against a capture by the real rule engine: the captured series
 * are handed to {@code promtool test rules} (Debian package {@code prometheus}), and the result
 * says, per alert and label set, when it fired and resolved, with its labels and its annotations.
 * For rules beyond a threshold ({@code rate()}, {@code absent()}, aggregations, templates); a
 * threshold alone is quicker with {@link ThresholdAlert}.
 *
 * <pre>{@code
 * Alerts alerts = PrometheusRules.fromClasspath("rules/cpu.yml")
 *         .evaluatedEvery(Duration.ofSeconds(15))
 *         .evaluate(captured);
 * assertThat(alerts).named("HighCpu").firesAt(Duration.ofMinutes(15)).hasLabel("severity", "page");
 * }</pre>
 *
 * <p><b>How.</b> A promtool unit test is written to a temporary directory: {@code rule_files} names
 * the rule file, {@code evaluation_interval} is {@link #evaluatedEvery(Duration)} (default 1m, as
 * in Prometheus), and {@code input_series} holds every captured series in promtool's expanding
 * notation ({@code 40x39 95x39 _x3 stale}) at the test {@code interval}, with the run's start as
 * time 0. That interval is {@link #sampledEvery(Duration)}, or else the greatest common divisor
 * of the samples' offsets (15 s for a scrape-like entry); every sample must lie on it, in whole
 * milliseconds; a grid point without a sample is a missing sample ({@code _}), a Prometheus
 * staleness marker is {@code stale}. Then one {@code alert_rule_test} per alert name and
 * evaluation time, expecting no alert: promtool prints the alerts it got at every time one fires,
 * and those are read back. The evaluation times run from 0 in steps of the evaluation interval up
 * to {@link #until(Duration)}, by default the last sample's offset plus the 5-minute lookback plus
 * one interval, so resolution by staleness is seen.
 *
 * <p>promtool reports firing alerts only: an {@link Alert} from here has no {@code pendingAt}. Its
 * times are evaluation times, as offsets from the run's start; its labels include {@code
 * alertname} and the rule's {@code labels:}; its annotations are rendered as at its first firing.
 *
 * <p><b>promtool</b> is found at the system property {@code sonda.promtool}, the environment
 * variable {@code PROMTOOL}, on the {@code PATH}, or at {@code /usr/bin/promtool}. When it is
 * missing, {@link #evaluate(Captured)} aborts the calling test (JUnit reports it skipped) with a
 * message naming the package to install. Immutable; the temporary files are deleted after each
 * evaluation.
 */
public final class PrometheusRules {
    /** The system property naming the promtool binary. */
    public static final String PROMTOOL_PROPERTY = "sonda.promtool";

    private static final Duration LOOKBACK = Duration.ofMinutes(5);
    private static final long MAX_GRID_POINTS = 2_000_000L;
    private static final Pattern HEADER = Pattern.compile("^\\s*alertname: (.*), time: (\\S+),\\s*$");
    private static final Pattern LABELS = Pattern.compile("^\\s*Labels:(\\{.*})\\s*$");
    private static final Pattern ANNOTATIONS = Pattern.compile("^\\s*Annotations:(\\{.*})\\s*$");
    private static final Pattern DURATION_PART = Pattern.compile("(\\d+)(ms|y|w|d|h|m|s)");

    private final String source;
    private final Path file;
    private final String text;
    private final Duration evaluationInterval;
    private final Duration inputInterval;
    private final Duration until;
    private final Path promtool;

    private PrometheusRules(
            String source,
            Path file,
            String text,
            Duration evaluationInterval,
            Duration inputInterval,
            Duration until,
            Path promtool) {
        this.source = source;
        this.file = file;
        this.text = text;
        this.evaluationInterval = evaluationInterval;
        this.inputInterval = inputInterval;
        this.until = until;
        this.promtool = promtool;
    }

    /**
     * A rule file on disk, in Prometheus' rule file format ({@code groups:} of {@code rules:}).
     *
     * @param file the file, such as {@code Path.of("src/test/resources/rules/cpu.yml")}
     * @return the rules, evaluated every minute
     * @throws IllegalArgumentException if the file does not exist
     * @throws NullPointerException if {@code file} is null
     */
    public static PrometheusRules fromFile(Path file) {
        Objects.requireNonNull(file, "file");
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("rule file " + file.toAbsolutePath() + " does not exist");
        }
        return new PrometheusRules(
                file.toString(), file.toAbsolutePath(), null, Duration.ofMinutes(1), null, null, null);
    }

    /**
     * A rule file on the classpath, through the thread's context class loader (else this class's).
     *
     * @param resource the resource path from the classpath root, such as {@code rules/cpu.yml}
     *     under {@code src/test/resources} (a leading {@code /} is ignored)
     * @return the rules, evaluated every minute
     * @throws IllegalArgumentException if there is no such resource
     * @throws UncheckedIOException if it cannot be read
     */
    public static PrometheusRules fromClasspath(String resource) {
        String name = Objects.requireNonNull(resource, "resource").startsWith("/") ? resource.substring(1) : resource;
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = PrometheusRules.class.getClassLoader();
        }
        try (InputStream in = loader.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("rule file classpath:" + name + " not found (paths are resolved"
                        + " from the classpath root, such as src/test/resources/" + name + ")");
            }
            return new PrometheusRules(
                    "classpath:" + name,
                    null,
                    new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    Duration.ofMinutes(1),
                    null,
                    null,
                    null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rule file classpath:" + name, e);
        }
    }

    /**
     * Rules given as text, in Prometheus' rule file format.
     *
     * @param yaml the rule file's text
     * @return the rules, evaluated every minute
     * @throws NullPointerException if {@code yaml} is null
     */
    public static PrometheusRules fromString(String yaml) {
        return new PrometheusRules(
                "rules text", null, Objects.requireNonNull(yaml, "yaml"), Duration.ofMinutes(1), null, null, null);
    }

    /**
     * These rules evaluated at another {@code evaluation_interval}.
     *
     * @param interval above zero, whole milliseconds (Prometheus' default is 1m)
     * @return the new rules
     * @throws IllegalArgumentException if {@code interval} is not above zero
     */
    public PrometheusRules evaluatedEvery(Duration interval) {
        return new PrometheusRules(
                source, file, text, positive(interval, "evaluation interval"), inputInterval, until, promtool);
    }

    /**
     * The test {@code interval} the captured samples are written at, instead of the greatest
     * common divisor of their offsets; every sample's offset must be a multiple of it.
     *
     * @param interval above zero, whole milliseconds
     * @return the new rules
     * @throws IllegalArgumentException if {@code interval} is not above zero
     */
    public PrometheusRules sampledEvery(Duration interval) {
        return new PrometheusRules(
                source, file, text, evaluationInterval, positive(interval, "input interval"), until, promtool);
    }

    /**
     * The last evaluation time, as an offset from the run's start.
     *
     * @param offset zero or more
     * @return the new rules
     * @throws IllegalArgumentException if {@code offset} is negative
     */
    public PrometheusRules until(Duration offset) {
        Objects.requireNonNull(offset, "offset");
        if (offset.isNegative()) {
            throw new IllegalArgumentException("until must not be negative, got " + offset);
        }
        return new PrometheusRules(source, file, text, evaluationInterval, inputInterval, offset, promtool);
    }

    /**
     * These rules evaluated with a given promtool binary.
     *
     * @param binary the executable
     * @return the new rules
     */
    public PrometheusRules withPromtool(Path binary) {
        return new PrometheusRules(
                source, file, text, evaluationInterval, inputInterval, until, Objects.requireNonNull(binary, "binary"));
    }

    private static Duration positive(Duration d, String what) {
        Objects.requireNonNull(d, what);
        if (d.isNegative() || d.isZero() || d.toNanos() % 1_000_000L != 0) {
            throw new IllegalArgumentException(
                    what + " must be above zero and in whole milliseconds, got " + Text.duration(d));
        }
        return d;
    }

    /**
     * The promtool this evaluation would use: {@link #withPromtool(Path)}, the system property
     * {@value #PROMTOOL_PROPERTY}, the environment variable {@code PROMTOOL}, the {@code PATH},
     * then {@code /usr/bin/promtool}.
     *
     * @return the executable, or null when none is found
     */
    public Path promtool() {
        if (promtool != null) {
            return Files.isExecutable(promtool) ? promtool : null;
        }
        List<String> candidates = new ArrayList<>();
        String property = System.getProperty(PROMTOOL_PROPERTY);
        if (property != null && !property.isBlank()) {
            candidates.add(property);
        }
        String env = System.getenv("PROMTOOL");
        if (env != null && !env.isBlank()) {
            candidates.add(env);
        }
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(java.io.File.pathSeparator)) {
                if (!dir.isEmpty()) {
                    candidates.add(Path.of(dir, "promtool").toString());
                }
            }
        }
        candidates.add("/usr/bin/promtool");
        for (String c : candidates) {
            Path p = Path.of(c);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    /**
     * The names of the alerting rules in the file ({@code alert:} of every rule of every group),
     * in file order.
     *
     * @return the names, possibly empty
     * @throws IllegalArgumentException if the file is not a YAML mapping with {@code groups:}
     * @throws UncheckedIOException if it cannot be read
     */
    public List<String> alertNames() {
        JsonNode root;
        try {
            ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
            root = yaml.readTree(text != null ? text : Files.readString(file));
        } catch (IOException e) {
            if (e instanceof com.fasterxml.jackson.core.JsonProcessingException) {
                throw new IllegalArgumentException(
                        "rule file " + source + " is not YAML: "
                                + e.getMessage().lines().findFirst().orElse(""),
                        e);
            }
            throw new UncheckedIOException("cannot read rule file " + source, e);
        }
        if (root == null || !root.path("groups").isArray()) {
            throw new IllegalArgumentException(
                    "rule file " + source + " has no groups: list; expected Prometheus' rule file format"
                            + " (groups: [{name, rules: [{alert, expr, for, labels, annotations}]}])");
        }
        Set<String> names = new LinkedHashSet<>();
        for (JsonNode group : root.path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                if (rule.hasNonNull("alert")) {
                    names.add(rule.get("alert").asText());
                }
            }
        }
        return List.copyOf(names);
    }

    /**
     * Evaluates the rules against everything the capture holds.
     *
     * @param captured a complete capture
     * @return every alert episode that fired, in order of firing; its evaluation names the rule
     *     file, the alerts and the evaluation times
     * @throws org.opentest4j.TestAbortedException when promtool is not installed (JUnit reports the
     *     test as skipped, with what to install)
     * @throws IllegalArgumentException if the rule file has no alerting rule, a sample lies off the
     *     input grid or before the run's start, or promtool rejects the rules (the message holds its
     *     output)
     * @throws IllegalStateException if promtool runs longer than a minute or cannot be started
     */
    public Alerts evaluate(Captured captured) {
        Objects.requireNonNull(captured, "captured");
        Path binary = promtool();
        if (binary == null) {
            Assumptions.abort("promtool is not installed, so " + source + " cannot be evaluated: install the Debian"
                    + " package prometheus (apt-get install prometheus), or set -D" + PROMTOOL_PROPERTY
                    + "=/path/to/promtool");
        }
        List<String> names = alertNames();
        if (names.isEmpty()) {
            throw new IllegalArgumentException("rule file " + source + " has no alerting rule (a rule with alert:)");
        }
        List<Series> series = captured.series();
        long grid = grid(series);
        long maxOffset = 0;
        for (Series s : series) {
            maxOffset = Math.max(maxOffset, offsetMillis(s, s.size() - 1));
        }
        long step = evaluationInterval.toMillis();
        long end = until != null ? until.toMillis() : maxOffset + LOOKBACK.toMillis() + step;
        List<Long> times = new ArrayList<>();
        for (long t = 0; t <= end; t += step) {
            times.add(t);
        }
        String output;
        Path dir = null;
        try {
            dir = Files.createTempDirectory("sonda-promtool");
            Path rules = file;
            if (rules == null) {
                rules = dir.resolve("rules.yml");
                Files.writeString(rules, text);
            }
            Path test = dir.resolve("test.yml");
            Files.writeString(test, testFile(rules, series, grid, names, times));
            output = run(binary, test, dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the promtool test for " + source, e);
        } finally {
            delete(dir);
        }
        List<Alert> alerts = parse(output, names, times);
        String evaluation = "rule file " + source + " (alerts " + String.join(", ", names) + ") by promtool test"
                + " rules, evaluated every " + Text.duration(evaluationInterval) + " from +0s to "
                + Text.offset(Duration.ofMillis(end)) + ", samples written every "
                + Text.duration(Duration.ofMillis(grid));
        return new Alerts(captured, alerts, evaluation);
    }

    private static long offsetMillis(Series s, int i) {
        long nanos = s.offset(i).toNanos();
        if (nanos < 0) {
            throw new IllegalArgumentException("sample " + s.sample(i) + " lies before the run's start; promtool"
                    + " series start at the run's start (set start_time so that samples follow it)");
        }
        if (nanos % 1_000_000L != 0) {
            throw new IllegalArgumentException("sample " + s.sample(i) + " is not on a whole millisecond; promtool"
                    + " works in milliseconds (use a rate whose interval is whole milliseconds)");
        }
        return nanos / 1_000_000L;
    }

    /** The input interval in milliseconds: the configured one, or the gcd of every sample offset. */
    private long grid(List<Series> series) {
        long g = inputInterval == null ? 0 : inputInterval.toMillis();
        long max = 0;
        for (Series s : series) {
            for (int i = 0; i < s.size(); i++) {
                long t = offsetMillis(s, i);
                max = Math.max(max, t);
                if (inputInterval == null) {
                    g = gcd(g, t);
                } else if (t % g != 0) {
                    throw new IllegalArgumentException("sample " + s.sample(i) + " does not lie on the input interval "
                            + Text.duration(inputInterval) + "; choose an interval that divides every sample's"
                            + " offset, or leave sampledEvery unset to derive it");
                }
            }
        }
        if (g == 0) {
            g = evaluationInterval.toMillis();
        }
        if (max / g + 1 > MAX_GRID_POINTS) {
            throw new IllegalArgumentException("the samples span " + Text.duration(Duration.ofMillis(max))
                    + " on a grid of " + Text.duration(Duration.ofMillis(g)) + ", over " + MAX_GRID_POINTS
                    + " points per series; pass sampledEvery(...) with the entries' interval, or shorten the run");
        }
        return g;
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long r = a % b;
            a = b;
            b = r;
        }
        return a;
    }

    private String testFile(Path rules, List<Series> series, long grid, List<String> names, List<Long> times) {
        StringBuilder sb = new StringBuilder();
        sb.append("# written by dev.sonda.junit5.PrometheusRules for ")
                .append(source)
                .append('\n');
        sb.append("rule_files:\n  - ").append(quote(rules.toString())).append('\n');
        sb.append("evaluation_interval: ").append(evaluationInterval.toMillis()).append("ms\n");
        sb.append("tests:\n  - interval: ").append(grid).append("ms\n");
        sb.append("    input_series:").append(series.isEmpty() ? " []\n" : "\n");
        for (Series s : series) {
            sb.append("      - series: ").append(quote(seriesText(s))).append('\n');
            sb.append("        values: ").append(quote(values(s, grid))).append('\n');
        }
        sb.append("    alert_rule_test:\n");
        for (long t : times) {
            for (String name : names) {
                sb.append("      - eval_time: ").append(t).append("ms\n");
                sb.append("        alertname: ").append(quote(name)).append('\n');
                sb.append("        exp_alerts: []\n");
            }
        }
        return sb.toString();
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    /** A series in PromQL selector text: {@code name{key="value", ...}}, values escaped as in PromQL. */
    private static String seriesText(Series s) {
        StringBuilder sb = new StringBuilder(s.name()).append('{');
        boolean first = true;
        for (Map.Entry<String, String> l : new TreeMap<>(s.labels()).entrySet()) {
            sb.append(first ? "" : ", ").append(l.getKey()).append("=\"");
            for (char c : l.getValue().toCharArray()) {
                switch (c) {
                    case '\\' -> sb.append("\\\\");
                    case '"' -> sb.append("\\\"");
                    case '\n' -> sb.append("\\n");
                    default -> sb.append(c);
                }
            }
            sb.append('"');
            first = false;
        }
        return sb.append('}').toString();
    }

    /** The series' values on the grid, in promtool's expanding notation. */
    static String values(Series s, long grid) {
        Map<Long, Double> at = new TreeMap<>();
        for (int i = 0; i < s.size(); i++) {
            at.put(offsetMillis(s, i) / grid, s.value(i));
        }
        long last = at.isEmpty() ? -1 : ((TreeMap<Long, Double>) at).lastKey();
        List<String> tokens = new ArrayList<>();
        String run = null;
        long runLength = 0;
        for (long k = 0; k <= last; k++) {
            Double v = at.get(k);
            String token = v == null ? "_" : token(v);
            if (token.equals(run)) {
                runLength++;
                continue;
            }
            if (run != null) {
                tokens.add(runText(run, runLength));
            }
            run = token;
            runLength = 1;
        }
        if (run != null) {
            tokens.add(runText(run, runLength));
        }
        return String.join(" ", tokens);
    }

    private static String token(double v) {
        if (Series.isStaleMarker(v)) {
            return "stale";
        }
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "Inf" : "-Inf";
        }
        return Double.toString(v);
    }

    /** {@code a} repeated: {@code axn} is n+1 values; {@code _xn} is n missing ones; {@code stale} has no form. */
    private static String runText(String token, long length) {
        if (length == 1) {
            return token;
        }
        if (token.equals("_")) {
            return "_x" + length;
        }
        if (token.equals("stale")) {
            return String.join(" ", java.util.Collections.nCopies((int) length, "stale"));
        }
        return token + "x" + (length - 1);
    }

    private String run(Path binary, Path test, Path dir) {
        ProcessBuilder pb = new ProcessBuilder(binary.toString(), "test", "rules", test.toString())
                .directory(dir.toFile())
                .redirectErrorStream(true);
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + binary + ": " + e.getMessage(), e);
        }
        try {
            byte[] out;
            try (InputStream in = p.getInputStream()) {
                out = in.readAllBytes();
            }
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(binary + " test rules ran over a minute on " + source);
            }
            String text = new String(out, StandardCharsets.UTF_8);
            int code = p.exitValue();
            if (code != 0 && !text.contains("alertname: ")) {
                throw new IllegalArgumentException(
                        "promtool could not evaluate " + source + " (exit " + code + "):\n" + text.strip());
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the output of " + binary, e);
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while promtool evaluated " + source, e);
        }
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // a leftover temporary file is harmless
        }
    }

    /** Reads promtool's report of unexpected alerts back into episodes. */
    private static List<Alert> parse(String output, List<String> names, List<Long> times) {
        record Key(String name, Map<String, String> labels) {}
        Map<Key, List<Long>> firing = new LinkedHashMap<>();
        Map<Key, Map<String, String>> annotations = new LinkedHashMap<>();
        String name = null;
        long time = -1;
        Map<String, String> labels = null;
        for (String line : output.split("\n")) {
            Matcher h = HEADER.matcher(line);
            if (h.matches()) {
                name = h.group(1);
                time = parseDuration(h.group(2));
                labels = null;
                continue;
            }
            Matcher l = LABELS.matcher(line);
            if (l.matches() && name != null) {
                labels = parseLabels(l.group(1));
                continue;
            }
            Matcher a = ANNOTATIONS.matcher(line);
            if (a.matches() && labels != null) {
                Key key = new Key(name, labels);
                firing.computeIfAbsent(key, k -> new ArrayList<>()).add(time);
                annotations.putIfAbsent(key, parseLabels(a.group(1)));
                labels = null;
            }
        }
        List<Alert> out = new ArrayList<>();
        for (Map.Entry<Key, List<Long>> e : firing.entrySet()) {
            List<Long> at = e.getValue().stream().sorted().distinct().toList();
            int i = 0;
            while (i < at.size()) {
                int k = times.indexOf(at.get(i));
                int j = i;
                while (j + 1 < at.size() && times.indexOf(at.get(j + 1)) == times.indexOf(at.get(j)) + 1) {
                    j++;
                }
                int after = times.indexOf(at.get(j)) + 1;
                out.add(new Alert(
                        e.getKey().name(),
                        e.getKey().labels(),
                        annotations.get(e.getKey()),
                        null,
                        Duration.ofMillis(times.get(k)),
                        after < times.size() ? Duration.ofMillis(times.get(after)) : null));
                i = j + 1;
            }
        }
        out.sort(Comparator.comparing(Alert::firedAt).thenComparing(a -> names.indexOf(a.name())));
        return out;
    }

    /** A Prometheus duration as promtool prints it, such as {@code 1h2m3s} or {@code 500ms}, in ms. */
    static long parseDuration(String text) {
        Matcher m = DURATION_PART.matcher(text);
        long ms = 0;
        int end = 0;
        while (m.find()) {
            if (m.start() != end) {
                break;
            }
            long n = Long.parseLong(m.group(1));
            ms += switch (m.group(2)) {
                case "ms" -> n;
                case "s" -> n * 1000;
                case "m" -> n * 60_000;
                case "h" -> n * 3_600_000;
                case "d" -> n * 86_400_000;
                case "w" -> n * 604_800_000;
                default -> n * 31_536_000_000L;
            };
            end = m.end();
        }
        if (end != text.length()) {
            throw new IllegalArgumentException("cannot read promtool's time '" + text + "'");
        }
        return ms;
    }

    /** A label set as Go prints it: {@code {name="value", ...}}, values quoted as Go's strconv.Quote. */
    static Map<String, String> parseLabels(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        int i = 1;
        int n = text.length() - 1;
        while (i < n) {
            int eq = text.indexOf('=', i);
            String key = text.substring(i, eq).strip();
            int j = eq + 2;
            StringBuilder v = new StringBuilder();
            while (j < n && text.charAt(j) != '"') {
                char c = text.charAt(j);
                if (c == '\\') {
                    char e = text.charAt(++j);
                    switch (e) {
                        case 'n' -> v.append('\n');
                        case 't' -> v.append('\t');
                        case 'r' -> v.append('\r');
                        case 'a' -> v.append('\u0007');
                        case 'b' -> v.append('\b');
                        case 'f' -> v.append('\f');
                        case 'v' -> v.append('\u000b');
                        case 'x' -> {
                            v.append((char) Integer.parseInt(text.substring(j + 1, j + 3), 16));
                            j += 2;
                        }
                        case 'u' -> {
                            v.append((char) Integer.parseInt(text.substring(j + 1, j + 5), 16));
                            j += 4;
                        }
                        case 'U' -> {
                            v.appendCodePoint(Integer.parseInt(text.substring(j + 1, j + 9), 16));
                            j += 8;
                        }
                        default -> v.append(e);
                    }
                } else {
                    v.append(c);
                }
                j++;
            }
            out.put(key, v.toString());
            i = j + 1;
            while (i < n && (text.charAt(i) == ',' || text.charAt(i) == ' ')) {
                i++;
            }
        }
        return out;
    }

    /**
     * The rule file and settings, for messages.
     *
     * @return such as {@code classpath:rules/cpu.yml, evaluated every 15s}
     */
    @Override
    public String toString() {
        return source + ", evaluated every " + Text.duration(evaluationInterval);
    }
}
