package dev.sonda.engine.generator;

import dev.sonda.api.InvalidScenarioException;
import dev.sonda.api.Problems;
import dev.sonda.api.generator.GeneratorSpec;
import dev.sonda.api.internal.num.FloatText;
import dev.sonda.engine.encode.Labels;
import dev.sonda.engine.internal.CsvHeader;
import dev.sonda.engine.internal.CsvReplayRate;
import dev.sonda.engine.internal.CsvText;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The fan-out of a metric {@code csv_replay} entry into one entry per column, with the replay rate
 * derived from the file (Sonda 1.20 {@code config/mod.rs}, {@code expand_scenario}; spec
 * generators-encoders §4.3–§4.6).
 *
 * <p><b>Columns.</b> With explicit {@code columns}, each names its index, metric name and labels;
 * when the file has a header, that column's header labels are merged under the spec's labels (the
 * spec wins). Without {@code columns}, the file must have a header: column 0 is the time column and
 * every other column becomes an entry named by its header ({@code {__name__="up", job="x"}}, {@code
 * up{job="x"}} or a plain name) or, for a labels-only header, by {@code default_metric_name}, with
 * suffix {@code _<i>} (i the column index) when more than one column lacks a name. Two columns with
 * the same header name (a Grafana export of one metric) are allowed. Each column's labels are
 * inserted over the entry's labels.
 *
 * <p><b>Rate.</b> {@code rate = timescale / median Δt} of column 0 over the first 100 data rows
 * (epoch milliseconds above 10<sup>12</sup> are divided by 1000), replacing the entry's {@code
 * rate:}; when that differs from the derived rate by more than 10<sup>-9</sup>, {@link #warning()}
 * carries the reference's warning text. Example: timestamps 10 s apart give 0.1 events per second
 * at timescale 1, 0.2 at 2 and 0.05 at 0.5.
 *
 * <p><b>Values.</b> Each column's {@link CsvReplayGenerator} is loaded from the same read of the
 * file, so the file is read once and a column without numbers is reported with the others.
 *
 * <p>Immutable and thread-safe.
 */
public final class CsvReplayExpansion {

    /**
     * One expanded column: the entry it becomes.
     *
     * @param name the metric name of the child entry (not validated here)
     * @param index the 0-based CSV column
     * @param columnLabels the column's own labels: header labels under the spec's, sorted by code
     *     point, unmodifiable, possibly empty (label keys are not validated here)
     * @param labels the child entry's labels: the entry's labels with {@code columnLabels} inserted
     *     over them, sorted by code point, unmodifiable
     * @param rate the derived rate in events per second, the same for every column
     * @param generator the column's values, loaded
     */
    public record Column(
            String name,
            int index,
            Map<String, String> columnLabels,
            Map<String, String> labels,
            double rate,
            CsvReplayGenerator generator) {
        /**
         * Creates the record.
         *
         * @param name the metric name
         * @param index the 0-based CSV column
         * @param columnLabels the column's own labels, copied in code-point order
         * @param labels the child entry's labels, copied in code-point order
         * @param rate events per second
         * @param generator the column's values
         * @throws NullPointerException if an argument is null
         */
        public Column {
            Objects.requireNonNull(name, "name");
            columnLabels = sorted(columnLabels);
            labels = sorted(labels);
            Objects.requireNonNull(generator, "generator");
        }
    }

    private final List<Column> columns;
    private final double rate;
    private final double deltaSeconds;
    private final String warning;

    private CsvReplayExpansion(List<Column> columns, double rate, double deltaSeconds, String warning) {
        this.columns = List.copyOf(columns);
        this.rate = rate;
        this.deltaSeconds = deltaSeconds;
        this.warning = warning;
    }

    /**
     * Expands a {@code csv_replay} entry, reading its file once.
     *
     * <p>Every problem is collected before throwing. Paths are below {@code path}: {@code .columns}
     * ({@code csv_replay: CSV file has no header row (first data line is all numeric); provide
     * explicit 'columns' in the config}), {@code .columns[k].index} ({@code csv_replay: duplicate
     * column index N; each column index must be unique}, a negative index, {@code CSV file "f"
     * contains no valid numeric values in column N}), {@code .columns[k].name} ({@code csv_replay:
     * duplicate column name 'x'; each column name must be unique}), {@code .timescale} ({@code
     * csv_replay: 'timescale' must be a positive finite number, got X}), {@code .default_metric_name}
     * ({@code csv_replay: column i has no metric name (header has labels only with no __name__); set
     * 'default_metric_name' on the generator config}, and the collision of a default-derived name
     * with a header name), and {@code .file} for the file itself: unreadable ({@code cannot read file
     * "f": cause}), {@code csv_replay: file "f" has no non-comment, non-empty lines}, a malformed
     * header ({@code csv_header: ...}, even with explicit columns), {@code csv_replay: no data columns
     * found after skipping column 0}, the rate derivation's problems ({@code failed to parse
     * timestamp at data row N column 0}, {@code fewer than 2 data rows}, {@code non-monotonic
     * timestamps}) and an auto-discovered column without numbers.
     *
     * @param spec the {@code csv_replay} block
     * @param entryName the entry's name, for the warning; null reads as empty
     * @param entryLabels the entry's static labels (after defaults and any CLI labels); column
     *     labels go over them
     * @param userRate the entry's {@code rate:} in events per second, or null when it set none (then
     *     there is no warning)
     * @param baseDir the directory a relative {@code file} resolves against, or null for the working
     *     directory
     * @param path where the block sits, such as {@code scenarios[3].generator}
     * @return the expansion, with at least one column
     * @throws InvalidScenarioException with every problem found
     */
    public static CsvReplayExpansion expand(
            GeneratorSpec.CsvReplay spec,
            String entryName,
            Map<String, String> entryLabels,
            Double userRate,
            Path baseDir,
            String path) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(entryLabels, "entryLabels");
        Objects.requireNonNull(path, "path");
        Problems problems = new Problems();
        validateColumns(spec.columns(), path, problems);
        double timescale = spec.timescale();
        boolean timescaleOk = Double.isFinite(timescale) && timescale > 0;
        if (!timescaleOk) {
            problems.add(
                    path + ".timescale",
                    "csv_replay: 'timescale' must be a positive finite number, got " + FloatText.display(timescale));
        }
        String fileAt = path + ".file";
        String content;
        try {
            content = CsvText.readUtf8(CsvText.resolve(baseDir, spec.file(), fileAt), spec.file(), fileAt);
        } catch (InvalidScenarioException e) {
            problems.addAll(e.problems());
            problems.throwIfAny();
            throw e;
        }
        String headerLine = CsvText.firstDataLine(content);
        if (headerLine == null) {
            problems.add(
                    fileAt,
                    "csv_replay: file " + FloatText.rustDebugString(spec.file())
                            + " has no non-comment, non-empty lines");
            problems.throwIfAny();
        }

        List<Spec> specs = specs(spec, headerLine, path, problems);
        double delta = Double.NaN;
        try {
            delta = CsvReplayRate.medianDeltaSeconds(content, 0, spec.file(), fileAt);
        } catch (InvalidScenarioException e) {
            problems.addAll(e.problems());
        }
        double derived = timescale / delta;
        List<Column> out = new ArrayList<>();
        for (Spec s : specs) {
            try {
                CsvReplayGenerator generator =
                        CsvReplayGenerator.parse(content, spec.file(), s.index, spec.repeat(), s.problemPath);
                Map<String, String> labels = new TreeMap<>(Labels.CODE_POINT_ORDER);
                labels.putAll(entryLabels);
                labels.putAll(s.labels);
                out.add(new Column(s.name, s.index, s.labels, labels, derived, generator));
            } catch (InvalidScenarioException e) {
                problems.addAll(e.problems());
            }
        }
        problems.throwIfAny();
        String warning = null;
        if (userRate != null && Math.abs(userRate - derived) > 1e-9) {
            warning = "csv_replay '" + (entryName == null ? "" : entryName) + "': overriding rate="
                    + FloatText.display(userRate) + " with derived rate=" + FloatText.display(derived)
                    + " samples/s (CSV Δt=" + FloatText.display(delta) + "s, timescale="
                    + FloatText.display(timescale) + ")";
        }
        return new CsvReplayExpansion(out, derived, delta, warning);
    }

    /**
     * The expanded columns, in spec order (explicit {@code columns}) or column order (auto-discovered).
     *
     * @return at least one column, unmodifiable
     */
    public List<Column> columns() {
        return columns;
    }

    /**
     * The derived rate, {@code timescale / deltaSeconds()}.
     *
     * @return events per second, above 0 (finite unless the median is tiny against the timescale)
     */
    public double rate() {
        return rate;
    }

    /**
     * The median interval between the file's timestamps.
     *
     * @return seconds, finite and above 0
     */
    public double deltaSeconds() {
        return deltaSeconds;
    }

    /**
     * The reference's warning when the derived rate replaces a different {@code rate:} (by more than
     * 10<sup>-9</sup>): {@code csv_replay 'name': overriding rate=R with derived rate=D samples/s
     * (CSV Δt=Ss, timescale=T)}, numbers as Rust's {@code Display}. The caller decides where it goes.
     *
     * @return the warning, or empty
     */
    public Optional<String> warning() {
        return Optional.ofNullable(warning);
    }

    /**
     * Describes the expansion.
     *
     * @return such as {@code CsvReplayExpansion[columns=[up, up], rate=0.1]}
     */
    @Override
    public String toString() {
        List<String> names = new ArrayList<>();
        for (Column c : columns) {
            names.add(c.name());
        }
        return "CsvReplayExpansion[columns=" + names + ", rate=" + FloatText.display(rate) + "]";
    }

    /** A column before its values are loaded. */
    private record Spec(String name, int index, Map<String, String> labels, String problemPath) {}

    private static void validateColumns(List<GeneratorSpec.CsvColumn> columns, String path, Problems problems) {
        Set<Integer> indices = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (int k = 0; k < columns.size(); k++) {
            GeneratorSpec.CsvColumn c = columns.get(k);
            String at = path + ".columns[" + k + "]";
            if (c.index() < 0) {
                problems.add(
                        at + ".index",
                        "csv_replay: a column index must be 0 or more, got " + c.index()
                                + "; column 0 is the first CSV column");
            } else if (!indices.add(c.index())) {
                problems.add(
                        at + ".index",
                        "csv_replay: duplicate column index " + c.index() + "; each column index must be unique");
            }
            if (!names.add(c.name())) {
                problems.add(
                        at + ".name",
                        "csv_replay: duplicate column name '" + c.name() + "'; each column name must be unique");
            }
        }
    }

    private static List<Spec> specs(GeneratorSpec.CsvReplay spec, String headerLine, String path, Problems problems) {
        String fileAt = path + ".file";
        List<CsvHeader.Column> header = null;
        if (CsvText.isHeaderLine(headerLine)) {
            try {
                header = CsvHeader.parseRow(headerLine);
            } catch (CsvHeader.MalformedHeaderException e) {
                problems.add(fileAt, e.getMessage());
                return List.of();
            }
        }
        List<Spec> out = new ArrayList<>();
        if (!spec.columns().isEmpty()) {
            for (int k = 0; k < spec.columns().size(); k++) {
                GeneratorSpec.CsvColumn c = spec.columns().get(k);
                Map<String, String> labels = new TreeMap<>(Labels.CODE_POINT_ORDER);
                if (header != null && c.index() >= 0 && c.index() < header.size()) {
                    labels.putAll(header.get(c.index()).labels());
                }
                labels.putAll(c.labels());
                if (c.index() >= 0) {
                    out.add(new Spec(c.name(), c.index(), labels, path + ".columns[" + k + "].index"));
                }
            }
            return out;
        }
        if (header == null) {
            problems.add(
                    path + ".columns",
                    "csv_replay: CSV file has no header row (first data line is all numeric); provide explicit"
                            + " 'columns' in the config");
            return out;
        }
        int nameless = 0;
        Set<String> explicitNames = new HashSet<>();
        for (int i = 1; i < header.size(); i++) {
            if (header.get(i).name() == null) {
                nameless++;
            } else {
                explicitNames.add(header.get(i).name());
            }
        }
        String base = spec.defaultMetricName();
        for (int i = 1; i < header.size(); i++) {
            CsvHeader.Column h = header.get(i);
            String name = h.name();
            if (name == null) {
                if (base == null) {
                    problems.add(
                            path + ".default_metric_name",
                            "csv_replay: column " + i + " has no metric name (header has labels only with no"
                                    + " __name__); set 'default_metric_name' on the generator config");
                    continue;
                }
                name = nameless > 1 ? base + "_" + i : base;
                if (explicitNames.contains(name)) {
                    problems.add(
                            path + ".default_metric_name",
                            "csv_replay: default_metric_name produced '" + name + "' for column " + i
                                    + " which collides with an explicitly named column. Rename the conflicting"
                                    + " __name__ in the CSV header or set a different 'default_metric_name'.");
                    continue;
                }
            }
            out.add(new Spec(name, i, h.labels(), fileAt));
        }
        if (header.size() < 2) {
            problems.add(fileAt, "csv_replay: no data columns found after skipping column 0");
        }
        return out;
    }

    private static Map<String, String> sorted(Map<String, String> labels) {
        Map<String, String> m = new TreeMap<>(Labels.CODE_POINT_ORDER);
        m.putAll(labels);
        return Collections.unmodifiableMap(m);
    }
}
