package dev.sonda.engine.internal;

import dev.sonda.api.InvalidScenarioException;
import dev.sonda.api.internal.num.FloatText;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Not API. The replay interval of a CSV file, shared by the metric and the log {@code csv_replay}
 * (Sonda 1.20 {@code config/mod.rs}, {@code compute_csv_delta_seconds} and {@code
 * parse_csv_timestamp}). Not on a hot path.
 */
public final class CsvReplayRate {
    /** Data rows the derivation samples ({@code MAX_SAMPLE_ROWS}); one more line is read for a header. */
    public static final int SAMPLE_ROWS = 100;

    /** Timestamps above this are epoch milliseconds and are divided by 1000. */
    private static final double MILLIS_THRESHOLD = 1e12;

    private CsvReplayRate() {}

    /**
     * A timestamp cell in seconds ({@code parse_csv_timestamp}): trimmed, parsed with Rust's float
     * grammar, finite; a value above 10<sup>12</sup> is taken as epoch milliseconds and divided by
     * 1000.
     *
     * @param cell the raw cell
     * @return seconds, or NaN when the cell is not a finite number
     */
    public static double timestampSeconds(String cell) {
        Double v = CsvText.parseFloat(CsvText.trim(cell));
        if (v == null || !Double.isFinite(v)) {
            return Double.NaN;
        }
        return v > MILLIS_THRESHOLD ? v / 1000.0 : v;
    }

    /**
     * The median interval between the timestamps of column {@code tsColumn}, in seconds.
     *
     * <p>Up to 101 lines that are neither blank nor {@code #} comments are sampled; the first is
     * dropped when it is a header ({@link CsvText#isHeaderLine}). Every sampled row's cell (naive
     * comma split, a missing cell is empty) must be a finite number ({@link #timestampSeconds});
     * consecutive timestamps must increase. The median of the deltas is the middle one, or the mean
     * of the two middle ones for an even count. Rows after the sample are never looked at.
     *
     * @param content the whole CSV text
     * @param tsColumn the 0-based timestamp column
     * @param file the file as the user wrote it, quoted in messages
     * @param problemPath where problems are reported, such as {@code scenarios[0].generator.file}
     * @return the median delta, finite and above 0
     * @throws InvalidScenarioException with one problem at {@code problemPath}: {@code csv_replay:
     *     file "f" has no non-comment, non-empty lines}, {@code csv_replay: failed to parse timestamp
     *     at data row N column C: "cell"} (N counts data rows from 0), {@code csv_replay: file "f" has
     *     fewer than 2 data rows; cannot derive replay rate}, {@code csv_replay: non-monotonic
     *     timestamps in "f" (row N value X <= previous Y)}, {@code csv_replay: derived median Δt is
     *     not positive in "f"}
     */
    public static double medianDeltaSeconds(String content, int tsColumn, String file, String problemPath) {
        String shown = FloatText.rustDebugString(file);
        List<String> sampled = new ArrayList<>();
        for (String line : CsvText.lines(content)) {
            if (!CsvText.skippable(line)) {
                sampled.add(line);
                if (sampled.size() > SAMPLE_ROWS) {
                    break;
                }
            }
        }
        if (sampled.isEmpty()) {
            throw CsvText.problem(problemPath, "csv_replay: file " + shown + " has no non-comment, non-empty lines");
        }
        int first = CsvText.isHeaderLine(sampled.get(0)) ? 1 : 0;
        double[] ts = new double[sampled.size() - first];
        for (int r = first; r < sampled.size(); r++) {
            String[] cells = CsvText.splitNaive(sampled.get(r));
            String cell = tsColumn >= 0 && tsColumn < cells.length ? cells[tsColumn] : "";
            double v = timestampSeconds(cell);
            if (Double.isNaN(v)) {
                throw CsvText.problem(
                        problemPath,
                        "csv_replay: failed to parse timestamp at data row " + (r - first) + " column " + tsColumn
                                + ": " + FloatText.rustDebugString(cell));
            }
            ts[r - first] = v;
        }
        if (ts.length < 2) {
            throw CsvText.problem(
                    problemPath,
                    "csv_replay: file " + shown + " has fewer than 2 data rows; cannot derive replay rate");
        }
        double[] deltas = new double[ts.length - 1];
        for (int i = 1; i < ts.length; i++) {
            double d = ts[i] - ts[i - 1];
            if (d <= 0.0) {
                throw CsvText.problem(
                        problemPath,
                        "csv_replay: non-monotonic timestamps in " + shown + " (row " + i + " value "
                                + FloatText.display(ts[i]) + " <= previous " + FloatText.display(ts[i - 1]) + ")");
            }
            deltas[i - 1] = d;
        }
        Arrays.sort(deltas);
        int mid = deltas.length / 2;
        double median = deltas.length % 2 == 0 ? (deltas[mid - 1] + deltas[mid]) / 2.0 : deltas[mid];
        if (median <= 0.0 || !Double.isFinite(median)) {
            throw CsvText.problem(problemPath, "csv_replay: derived median Δt is not positive in " + shown);
        }
        return median;
    }
}
