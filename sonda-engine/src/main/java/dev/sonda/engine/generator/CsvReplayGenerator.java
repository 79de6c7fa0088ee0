package dev.sonda.engine.generator;

import dev.sonda.api.InvalidScenarioException;
import dev.sonda.api.generator.GeneratorSpec;
import dev.sonda.api.internal.num.FloatText;
import dev.sonda.api.spi.SpecBlock;
import dev.sonda.api.spi.SpecWriter;
import dev.sonda.engine.internal.CsvReplayRate;
import dev.sonda.engine.internal.CsvText;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * {@code type: csv_replay}: replays one column of a CSV file (Sonda 1.20 {@code
 * generator/csv_replay.rs}). One generator serves one column; {@link CsvReplayExpansion} fans a
 * {@code csv_replay} block out into one entry per column and derives the rate.
 *
 * <p><b>Loading</b> (once, when the generator is built): the file's lines as Rust {@code
 * str::lines} (LF or CR LF), each trimmed (Unicode White_Space); blank lines and lines starting with
 * {@code #} are skipped. The first remaining line is skipped when it is a header (a single field
 * that is not a number, or any field after the first that is not one). Every other line is split
 * naively on {@code ,}; when field {@code column} exists and, trimmed, parses with Rust's float
 * grammar ({@code 1}, {@code -.5}, {@code 1e3}, {@code inf}, {@code NaN}; not {@code 0x10}, {@code
 * 1_000}, {@code 1d}) it becomes the next value, otherwise the row is dropped silently (so later
 * values move up, and a quoted number such as {@code "1.5"} is dropped).
 *
 * <p><b>Per tick</b> {@code t}, read as unsigned: {@code values[t mod n]} with {@code repeat} (the
 * default), else {@code values[min(t, n - 1)]}. Jitter, when the entry sets it, is applied on top by
 * {@link JitterGenerator} as for every metric generator.
 *
 * <p>Immutable and thread-safe; {@link #value(long)} does not allocate.
 */
public final class CsvReplayGenerator implements ValueGenerator {
    private final double[] values;
    private final double[] timestamps;
    private final boolean repeat;

    private CsvReplayGenerator(double[] values, double[] timestamps, boolean repeat) {
        this.values = values;
        this.timestamps = timestamps;
        this.repeat = repeat;
    }

    /**
     * Reads {@code spec.file()} and builds the generator of one column.
     *
     * @param spec the {@code csv_replay} block; {@code file} and {@code repeat} are used
     * @param column the 0-based column to replay
     * @param baseDir the directory a relative {@code file} resolves against, or null for the working
     *     directory
     * @param path where the block sits, such as {@code scenarios[3].generator}, for problems
     * @return the generator
     * @throws InvalidScenarioException at {@code path.file}: {@code cannot read file "f": cause}
     *     (missing, unreadable, a directory or not UTF-8), {@code CSV file "f" contains no valid
     *     numeric values in column N}
     */
    public static CsvReplayGenerator load(GeneratorSpec.CsvReplay spec, int column, Path baseDir, String path) {
        Objects.requireNonNull(spec, "spec");
        String at = path + ".file";
        String content = CsvText.readUtf8(CsvText.resolve(baseDir, spec.file(), at), spec.file(), at);
        return parse(content, spec.file(), column, spec.repeat(), at);
    }

    /**
     * Builds the generator from CSV text, as {@link #load} does after reading the file.
     *
     * @param content the whole CSV text
     * @param file the file as the user wrote it, quoted in the message
     * @param column the 0-based column to replay
     * @param repeat whether to cycle ({@code true}, the reference's default) or hold the last value
     * @param problemPath where the problem is reported, such as {@code scenarios[3].generator.file}
     * @return the generator
     * @throws InvalidScenarioException at {@code problemPath}: {@code CSV file "f" contains no valid
     *     numeric values in column N}
     */
    public static CsvReplayGenerator parse(
            String content, String file, int column, boolean repeat, String problemPath) {
        Objects.requireNonNull(content, "content");
        double[] values = new double[16];
        double[] timestamps = new double[16];
        int n = 0;
        boolean first = true;
        for (String line : CsvText.lines(content)) {
            String trimmed = CsvText.trim(line);
            if (trimmed.isEmpty() || trimmed.charAt(0) == '#') {
                continue;
            }
            if (first) {
                first = false;
                if (CsvText.isHeaderLine(trimmed)) {
                    continue;
                }
            }
            String[] fields = CsvText.splitNaive(trimmed);
            if (column < 0 || column >= fields.length) {
                continue;
            }
            Double v = CsvText.parseFloat(CsvText.trim(fields[column]));
            if (v == null) {
                continue;
            }
            if (n == values.length) {
                values = Arrays.copyOf(values, n * 2);
                timestamps = Arrays.copyOf(timestamps, n * 2);
            }
            values[n] = v;
            timestamps[n] = CsvReplayRate.timestampSeconds(fields[0]);
            n++;
        }
        if (n == 0) {
            throw CsvText.problem(
                    problemPath,
                    "CSV file " + FloatText.rustDebugString(file) + " contains no valid numeric values in column "
                            + column);
        }
        return new CsvReplayGenerator(Arrays.copyOf(values, n), Arrays.copyOf(timestamps, n), repeat);
    }

    /**
     * The value at {@code tick}.
     *
     * @param tick the event counter, unsigned
     * @return {@code values[index(tick)]}
     */
    @Override
    public double value(long tick) {
        return values[SequenceGenerator.index(tick, values.length, repeat)];
    }

    /**
     * The value index {@code tick} reads: {@code t mod size()} with repeat, else {@code min(t,
     * size() - 1)}, on the unsigned tick.
     *
     * @param tick the event counter, unsigned
     * @return the index, in {@code [0, size())}
     */
    public int index(long tick) {
        return SequenceGenerator.index(tick, values.length, repeat);
    }

    /**
     * The number of values loaded.
     *
     * @return at least 1
     */
    public int size() {
        return values.length;
    }

    /**
     * The timestamp the file carries for value {@code index}: column 0 of the row the value came
     * from, trimmed and parsed with Rust's float grammar, in seconds (a value above 10<sup>12</sup>
     * is epoch milliseconds and is divided by 1000, as the rate derivation does). Combine with
     * {@link #index(long)} to get the original time of a tick's value.
     *
     * @param index the value index, in {@code [0, size())}
     * @return seconds, or NaN when that row's column 0 is not a finite number
     * @throws IndexOutOfBoundsException if {@code index} is out of range
     */
    public double timestampSeconds(int index) {
        Objects.checkIndex(index, timestamps.length);
        return timestamps[index];
    }

    /**
     * Whether the replay cycles.
     *
     * @return {@code true} to cycle, {@code false} to hold the last value
     */
    public boolean repeat() {
        return repeat;
    }

    /**
     * Describes the generator.
     *
     * @return such as {@code CsvReplayGenerator[values=20, repeat=true]}
     */
    @Override
    public String toString() {
        return "CsvReplayGenerator[values=" + values.length + ", repeat=" + repeat + "]";
    }

    /**
     * The built-in provider of {@code type: csv_replay}: keys {@code file} (required), {@code
     * columns} (a list of {@code {index, name, labels}}; empty or absent to discover them from the
     * header), {@code repeat} (default true), {@code timescale} (default 1) and {@code
     * default_metric_name}.
     *
     * <p>It reads, writes and validates the block; it builds no generator by itself, because a
     * {@code csv_replay} entry becomes one entry per column with a rate derived from the file: the
     * compiler expands it with {@link CsvReplayExpansion}, which builds each column's {@link
     * CsvReplayGenerator}.
     */
    public static final class Provider implements GeneratorProvider {
        /** Creates the provider; called by {@link java.util.ServiceLoader}. */
        public Provider() {}

        @Override
        public String type() {
            return "csv_replay";
        }

        @Override
        public Class<GeneratorSpec.CsvReplay> specClass() {
            return GeneratorSpec.CsvReplay.class;
        }

        @Override
        public String summary() {
            return "the columns of a CSV file, one series per column, at the file's own cadence";
        }

        @Override
        public GeneratorSpec read(SpecBlock block) {
            List<GeneratorSpec.CsvColumn> columns = new ArrayList<>();
            for (SpecBlock c : block.blocks("columns")) {
                columns.add(new GeneratorSpec.CsvColumn(
                        (int) c.requiredInteger("index", 0, Integer.MAX_VALUE),
                        c.requiredString("name"),
                        c.stringMap("labels")));
            }
            return new GeneratorSpec.CsvReplay(
                    block.requiredString("file"),
                    columns,
                    block.bool("repeat", true),
                    block.number("timescale", 1.0),
                    block.string("default_metric_name"));
        }

        @Override
        public void write(GeneratorSpec spec, SpecWriter out) {
            GeneratorSpec.CsvReplay c = Specs.as(this, spec, GeneratorSpec.CsvReplay.class);
            out.put("file", c.file());
            if (!c.columns().isEmpty()) {
                List<Object> columns = new ArrayList<>();
                for (GeneratorSpec.CsvColumn col : c.columns()) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("index", col.index());
                    m.put("name", col.name());
                    if (!col.labels().isEmpty()) {
                        m.put("labels", new TreeMap<>(col.labels()));
                    }
                    columns.add(m);
                }
                out.put("columns", columns);
            }
            out.put("repeat", c.repeat())
                    .put("timescale", c.timescale())
                    .put("default_metric_name", c.defaultMetricName());
        }

        /**
         * Not supported: {@code csv_replay} entries are expanded by the compiler (see the class
         * comment).
         *
         * @param spec a {@link GeneratorSpec.CsvReplay}
         * @param context ignored
         * @return never
         * @throws IllegalStateException always
         */
        @Override
        public ValueGenerator create(GeneratorSpec spec, GeneratorContext context) {
            throw new IllegalStateException("csv_replay entries are expanded by the compiler into one entry per column"
                    + " (CsvReplayExpansion); " + context.path() + " cannot be built as one generator");
        }

        @Override
        public String display(GeneratorSpec spec) {
            return "csv_replay ("
                    + Specs.as(this, spec, GeneratorSpec.CsvReplay.class).file() + ")";
        }
    }
}
