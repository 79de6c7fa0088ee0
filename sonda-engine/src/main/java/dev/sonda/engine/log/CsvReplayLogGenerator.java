package dev.sonda.engine.log;

import dev.sonda.api.InvalidScenarioException;
import dev.sonda.api.Problems;
import dev.sonda.api.Severity;
import dev.sonda.api.generator.LogGeneratorSpec;
import dev.sonda.api.internal.num.FloatText;
import dev.sonda.api.spi.SpecBlock;
import dev.sonda.api.spi.SpecWriter;
import dev.sonda.engine.encode.Labels;
import dev.sonda.engine.internal.CsvReplayRate;
import dev.sonda.engine.internal.CsvText;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * {@code log_generator: {type: csv_replay}}: replays the rows of a CSV file as log events, as
 * Sonda 1.20 {@code generator/log_csv_replay.rs} and {@code config/mod.rs}
 * ({@code expand_log_scenario}).
 *
 * <p><b>Loading</b> (once, when the generator is built):
 *
 * <ul>
 *   <li>lines as Rust {@code str::lines} (LF, or CR LF); lines blank after a Unicode trim or
 *       starting with {@code #} after it are dropped. None left: {@code log_csv_replay: CSV content
 *       is empty};
 *   <li>the first line is always the header; header and rows are split with the quote-aware
 *       splitter ({@code "} enters and leaves quoted mode, {@code ""} inside is one quote). No data
 *       rows: {@code log_csv_replay: CSV has fewer than 2 data rows (header only)};
 *   <li>roles: {@code columns.timestamp / severity / message} name a header (trimmed, ASCII
 *       case-insensitive; missing: {@code log_csv_replay: column "x" not found in CSV header});
 *       unset roles match the first header equal, case-insensitively, to {@code timestamp|ts|time},
 *       {@code severity|level}, {@code message|msg|log}. Every other column is a field named by its
 *       raw header text;
 *   <li>per row: severity = the trimmed cell parsed case-insensitively ({@code warning} = {@code
 *       warn}); empty, missing or unknown: {@code default_severity}, counted in {@link
 *       #severityFallbacks()} (only when a severity column exists). Message = the raw cell, {@code
 *       ""} if missing. Field values are trimmed; empty or missing cells are left out. The timestamp
 *       cell only sets the rate.
 * </ul>
 *
 * <p><b>Per tick</b> {@code t}: row {@code t mod rows} when {@code repeat} (default), else row
 * {@code min(t, rows - 1)}; unsigned. No allocation beyond the stamped event.
 *
 * <p><b>Rate</b>: {@link #replayRate} gives {@code timescale / median Δt} of the timestamp column,
 * which replaces the entry's {@code rate:}. Immutable and thread-safe.
 */
public final class CsvReplayLogGenerator implements LogGenerator {
    private static final String[] TIMESTAMP_NAMES = {"timestamp", "ts", "time"};
    private static final String[] SEVERITY_NAMES = {"severity", "level"};
    private static final String[] MESSAGE_NAMES = {"message", "msg", "log"};

    private final LogEvent[] rows;
    private final boolean repeat;
    private final int severityFallbacks;

    private CsvReplayLogGenerator(LogEvent[] rows, boolean repeat, int severityFallbacks) {
        this.rows = rows;
        this.repeat = repeat;
        this.severityFallbacks = severityFallbacks;
    }

    /**
     * Reads {@code spec.file()} (relative to the working directory) and builds the generator.
     *
     * @param spec the {@code csv_replay} block
     * @param path where the block sits, such as {@code scenarios[0].log_generator}, for problems
     * @return the generator
     * @throws InvalidScenarioException at {@code path.file}: {@code cannot read file "f": err}
     *     (also for content that is not UTF-8), and the content errors of {@link #parse}
     */
    public static CsvReplayLogGenerator load(LogGeneratorSpec.CsvReplay spec, String path) {
        return load(spec, null, path);
    }

    /**
     * Reads {@code spec.file()} (relative to {@code baseDir}) and builds the generator.
     *
     * @param spec the {@code csv_replay} block
     * @param baseDir the directory a relative {@code file} resolves against, or null for the
     *     working directory
     * @param path where the block sits, such as {@code scenarios[0].log_generator}, for problems
     * @return the generator
     * @throws InvalidScenarioException as {@link #load(LogGeneratorSpec.CsvReplay, String)}
     */
    public static CsvReplayLogGenerator load(LogGeneratorSpec.CsvReplay spec, Path baseDir, String path) {
        Objects.requireNonNull(spec, "spec");
        return parse(read(baseDir, spec.file(), path), spec, path);
    }

    /**
     * Builds the generator from CSV text, as {@link #load} does after reading the file.
     *
     * @param content the whole CSV text
     * @param spec the {@code csv_replay} block; {@code file} is only used in messages
     * @param path where the block sits, for problems
     * @return the generator
     * @throws InvalidScenarioException at {@code path.file}: {@code log_csv_replay: CSV content is
     *     empty}, {@code log_csv_replay: CSV has fewer than 2 data rows (header only)}; at {@code
     *     path.columns.<role>}: {@code log_csv_replay: column "x" not found in CSV header}
     */
    public static CsvReplayLogGenerator parse(String content, LogGeneratorSpec.CsvReplay spec, String path) {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(spec, "spec");
        List<String> lines = new ArrayList<>();
        for (String line : CsvText.lines(content)) {
            if (!CsvText.skippable(line)) {
                lines.add(line);
            }
        }
        if (lines.isEmpty()) {
            throw problem(path + ".file", "log_csv_replay: CSV content is empty");
        }
        List<String> header = CsvText.splitQuoted(lines.get(0));
        int ts = role(header, spec.timestampColumn(), TIMESTAMP_NAMES, path + ".columns.timestamp");
        int sev = role(header, spec.severityColumn(), SEVERITY_NAMES, path + ".columns.severity");
        int msg = role(header, spec.messageColumn(), MESSAGE_NAMES, path + ".columns.message");
        if (lines.size() < 2) {
            throw problem(path + ".file", "log_csv_replay: CSV has fewer than 2 data rows (header only)");
        }
        List<Integer> fieldColumns = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            if (i != ts && i != sev && i != msg) {
                fieldColumns.add(i);
            }
        }
        Severity fallback = spec.defaultSeverity();
        LogEvent[] rows = new LogEvent[lines.size() - 1];
        int fallbacks = 0;
        Map<String, String> fields = new TreeMap<>(Labels.CODE_POINT_ORDER);
        for (int r = 1; r < lines.size(); r++) {
            List<String> cells = CsvText.splitQuoted(lines.get(r));
            Severity severity = fallback;
            if (sev >= 0) {
                String cell = sev < cells.size() ? CsvText.trim(cells.get(sev)) : "";
                Severity parsed = cell.isEmpty() ? null : parseSeverity(cell);
                if (parsed == null) {
                    fallbacks++;
                } else {
                    severity = parsed;
                }
            }
            String message = msg >= 0 && msg < cells.size() ? cells.get(msg) : "";
            fields.clear();
            for (int c : fieldColumns) { // in column order: a later duplicate header wins
                if (c < cells.size()) {
                    String v = CsvText.trim(cells.get(c));
                    if (!v.isEmpty()) {
                        fields.put(header.get(c), v);
                    }
                }
            }
            rows[r - 1] = new LogEvent(0L, severity, message, Labels.empty(), LogFields.of(fields));
        }
        return new CsvReplayLogGenerator(rows, spec.repeat(), fallbacks);
    }

    /**
     * The stored row of {@code tick}, stamped.
     *
     * @param tick the 0-based event counter, read as unsigned
     * @param epochNanos the tick's wall clock in nanoseconds since the epoch
     * @param labels the entry's labels for this tick
     * @return the row's event with this timestamp and these labels
     */
    @Override
    public LogEvent generate(long tick, long epochNanos, Labels labels) {
        int n = rows.length;
        int index = repeat
                ? (int) Long.remainderUnsigned(tick, n)
                : Long.compareUnsigned(tick, n - 1) < 0 ? (int) tick : n - 1;
        return rows[index].withStamp(epochNanos, labels);
    }

    /**
     * The data rows loaded.
     *
     * @return at least 1
     */
    public int rowCount() {
        return rows.length;
    }

    /**
     * How many rows fell back to {@code default_severity} because their severity cell was empty,
     * missing or unknown (0 without a severity column). The reference warns {@code log_csv_replay
     * '{name}': {n} row(s) used default_severity due to missing or unparseable severity values}
     * when this is positive.
     *
     * @return the count
     */
    public int severityFallbacks() {
        return severityFallbacks;
    }

    /**
     * The replay rate of a log csv_replay entry, which replaces its {@code rate:} ({@code
     * expand_log_scenario}): {@code timescale / median Δt}, Δt between consecutive timestamps of the
     * sampled rows, in seconds.
     *
     * <p>The timestamp column is {@code columns.timestamp}, else the first of {@code
     * timestamp|ts|time}, found in the first data-bearing line split <em>naively</em> on {@code ,}
     * (so a quoted header name does not match, as in the reference). Up to 101 non-blank,
     * non-comment lines are read; the first is dropped when it looks like a header (some field
     * after the first is not a number). Each sampled cell is trimmed and parsed with Rust's float
     * grammar, must be finite, and counts as milliseconds above 1e12. The median of the deltas
     * (mean of the two middle ones for an even count) must be positive.
     *
     * @param spec the {@code csv_replay} block
     * @param path where the block sits, for problems
     * @return events per second, finite and above 0
     * @throws InvalidScenarioException at {@code path.timescale}: {@code csv_replay: 'timescale'
     *     must be a positive finite number, got X}; at {@code path.file}: {@code cannot read file
     *     "f": err}, {@code log_csv_replay: file "f" has no header line}, {@code log_csv_replay: no
     *     timestamp column found in CSV header of "f" (expected one of: timestamp, ts, time, or an
     *     explicit 'columns.timestamp' mapping)}, {@code csv_replay: failed to parse timestamp at
     *     data row N column C: "cell"}, {@code csv_replay: file "f" has fewer than 2 data rows;
     *     cannot derive replay rate}, {@code csv_replay: non-monotonic timestamps in "f" (row N
     *     value X <= previous Y)}; at {@code path.columns.timestamp}:
     *     {@code log_csv_replay: column "x" not found in CSV header}
     */
    public static double replayRate(LogGeneratorSpec.CsvReplay spec, String path) {
        return replayRate(spec, null, path);
    }

    /**
     * {@link #replayRate(LogGeneratorSpec.CsvReplay, String)} with {@code file} relative to {@code
     * baseDir}.
     *
     * @param spec the {@code csv_replay} block
     * @param baseDir the directory a relative {@code file} resolves against, or null for the
     *     working directory
     * @param path where the block sits, for problems
     * @return events per second, finite and above 0
     * @throws InvalidScenarioException as {@link #replayRate(LogGeneratorSpec.CsvReplay, String)}
     */
    public static double replayRate(LogGeneratorSpec.CsvReplay spec, Path baseDir, String path) {
        Objects.requireNonNull(spec, "spec");
        return replayRate(read(baseDir, spec.file(), path), spec, path);
    }

    /**
     * {@link #replayRate(LogGeneratorSpec.CsvReplay, String)} over CSV text already read.
     *
     * @param content the whole CSV text
     * @param spec the {@code csv_replay} block; {@code file} is only used in messages
     * @param path where the block sits, for problems
     * @return events per second
     * @throws InvalidScenarioException as {@link #replayRate(LogGeneratorSpec.CsvReplay, String)}
     */
    public static double replayRate(String content, LogGeneratorSpec.CsvReplay spec, String path) {
        double timescale = spec.timescale();
        if (!(Double.isFinite(timescale) && timescale > 0)) {
            throw problem(
                    path + ".timescale",
                    "csv_replay: 'timescale' must be a positive finite number, got " + FloatText.display(timescale));
        }
        String file = FloatText.rustDebugString(spec.file());
        String firstLine = CsvText.firstDataLine(content);
        if (firstLine == null) {
            throw problem(path + ".file", "log_csv_replay: file " + file + " has no header line");
        }
        List<String> naiveHeader = Arrays.asList(CsvText.splitNaive(firstLine));
        int col;
        if (spec.timestampColumn() != null) {
            col = find(naiveHeader, spec.timestampColumn(), path + ".columns.timestamp");
        } else {
            col = autoMatch(naiveHeader, TIMESTAMP_NAMES);
            if (col < 0) {
                throw problem(
                        path + ".file",
                        "log_csv_replay: no timestamp column found in CSV header of " + file
                                + " (expected one of: timestamp, ts, time, or an explicit 'columns.timestamp'"
                                + " mapping)");
            }
        }
        return timescale / CsvReplayRate.medianDeltaSeconds(content, col, spec.file(), path + ".file");
    }

    /**
     * Describes the generator.
     *
     * @return such as {@code CsvReplayLogGenerator[rows=3, repeat=true]}
     */
    @Override
    public String toString() {
        return "CsvReplayLogGenerator[rows=" + rows.length + ", repeat=" + repeat + "]";
    }

    private static Severity parseSeverity(String cell) {
        try {
            return Severity.parse(cell);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static int role(List<String> header, String explicit, String[] names, String problemPath) {
        return explicit != null ? find(header, explicit, problemPath) : autoMatch(header, names);
    }

    private static int find(List<String> header, String name, String problemPath) {
        for (int i = 0; i < header.size(); i++) {
            if (CsvText.equalsIgnoreAsciiCase(CsvText.trim(header.get(i)), name)) {
                return i;
            }
        }
        throw problem(
                problemPath, "log_csv_replay: column " + FloatText.rustDebugString(name) + " not found in CSV header");
    }

    private static int autoMatch(List<String> header, String[] names) {
        for (int i = 0; i < header.size(); i++) {
            String h = CsvText.trim(header.get(i));
            for (String n : names) {
                if (CsvText.equalsIgnoreAsciiCase(h, n)) {
                    return i;
                }
            }
        }
        return -1;
    }

    private static String read(Path baseDir, String file, String path) {
        return CsvText.readUtf8(CsvText.resolve(baseDir, file, path + ".file"), file, path + ".file");
    }

    private static InvalidScenarioException problem(String path, String message) {
        return CsvText.problem(path, message);
    }

    /**
     * The built-in provider of {@code type: csv_replay} for logs: keys {@code file} (required),
     * {@code columns} ({@code timestamp}, {@code severity}, {@code message}: header names, each
     * detected when absent), {@code repeat} (default true), {@code timescale} (default 1) and {@code
     * default_severity} (default {@code info}). The entry runs at the file's own cadence ({@link
     * #replayRate}).
     */
    public static final class Provider implements LogGeneratorProvider {
        private static final Map<String, Severity> SEVERITIES = new LinkedHashMap<>();

        static {
            for (Severity s : Severity.values()) {
                SEVERITIES.put(s.yamlName(), s);
            }
            SEVERITIES.put("warning", Severity.WARN);
        }

        /** Creates the provider; called by {@link java.util.ServiceLoader}. */
        public Provider() {}

        @Override
        public String type() {
            return "csv_replay";
        }

        @Override
        public Class<LogGeneratorSpec.CsvReplay> specClass() {
            return LogGeneratorSpec.CsvReplay.class;
        }

        @Override
        public String summary() {
            return "the rows of a CSV file (timestamp, severity, message) at the file's own cadence";
        }

        @Override
        public LogGeneratorSpec read(SpecBlock block) {
            SpecBlock columns = block.block("columns");
            return new LogGeneratorSpec.CsvReplay(
                    block.requiredString("file"),
                    columns == null ? null : columns.string("timestamp"),
                    columns == null ? null : columns.string("severity"),
                    columns == null ? null : columns.string("message"),
                    block.bool("repeat", true),
                    block.number("timescale", 1.0),
                    block.choice("default_severity", SEVERITIES));
        }

        @Override
        public void write(LogGeneratorSpec spec, SpecWriter out) {
            LogGeneratorSpec.CsvReplay c = (LogGeneratorSpec.CsvReplay) spec;
            out.put("file", c.file());
            if (c.timestampColumn() != null || c.severityColumn() != null || c.messageColumn() != null) {
                out.block("columns")
                        .put("timestamp", c.timestampColumn())
                        .put("severity", c.severityColumn())
                        .put("message", c.messageColumn());
            }
            out.put("repeat", c.repeat())
                    .put("timescale", c.timescale())
                    .put("default_severity", c.defaultSeverity().yamlName());
        }

        /**
         * Adds a problem at {@code timescale} unless it is finite and above 0.
         *
         * @param spec a {@link LogGeneratorSpec.CsvReplay}
         * @param path where the block sits
         * @param problems collector of problems
         */
        @Override
        public void validate(LogGeneratorSpec spec, String path, Problems problems) {
            double timescale = ((LogGeneratorSpec.CsvReplay) spec).timescale();
            if (!(Double.isFinite(timescale) && timescale > 0)) {
                problems.add(
                        path + ".timescale",
                        "csv_replay: 'timescale' must be a positive finite number, got "
                                + FloatText.display(timescale));
            }
        }

        /**
         * Reads the file and builds the generator.
         *
         * @param spec a {@link LogGeneratorSpec.CsvReplay}
         * @param context the block's path and the data directory
         * @return the generator
         * @throws InvalidScenarioException as {@link CsvReplayLogGenerator#load(LogGeneratorSpec.CsvReplay,
         *     Path, String)}
         */
        @Override
        public LogGenerator create(LogGeneratorSpec spec, LogGeneratorContext context) {
            return load((LogGeneratorSpec.CsvReplay) spec, context.baseDir(), context.path());
        }

        /**
         * The file's cadence: {@code timescale / median Δt}.
         *
         * @param spec a {@link LogGeneratorSpec.CsvReplay}
         * @param context the block's path and the data directory
         * @return events per second
         * @throws InvalidScenarioException as {@link
         *     CsvReplayLogGenerator#replayRate(LogGeneratorSpec.CsvReplay, Path, String)}
         */
        @Override
        public OptionalDouble replayRate(LogGeneratorSpec spec, LogGeneratorContext context) {
            return OptionalDouble.of(CsvReplayLogGenerator.replayRate(
                    (LogGeneratorSpec.CsvReplay) spec, context.baseDir(), context.path()));
        }

        @Override
        public String display(LogGeneratorSpec spec) {
            return "csv_replay (" + ((LogGeneratorSpec.CsvReplay) spec).file() + ")";
        }
    }
}
