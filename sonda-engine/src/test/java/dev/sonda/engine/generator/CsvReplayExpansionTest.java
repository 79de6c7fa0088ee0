package dev.sonda.engine.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sonda.api.InvalidScenarioException;
import dev.sonda.api.Problem;
import dev.sonda.api.generator.GeneratorSpec;
import dev.sonda.api.generator.GeneratorSpec.CsvColumn;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvReplayExpansionTest {
    private static final String P = "scenarios[3].generator";

    /** The spec's Grafana example (§4.6), two series of {@code up} plus rows 15 s apart in ms. */
    private static final String GRAFANA = "\"Time\",\"{__name__=\"\"up\"\", instance=\"\"localhost:9090\"\","
            + " job=\"\"prometheus\"\"}\",\"{__name__=\"\"up\"\", instance=\"\"localhost:9100\"\", job=\"\"node\"\"}\"\n"
            + "1704067200000,1,1\n"
            + "1704067215000,1,1\n"
            + "1704067230000,0,1\n";

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    private static GeneratorSpec.CsvReplay spec(String file, List<CsvColumn> columns, double timescale, String dflt) {
        return new GeneratorSpec.CsvReplay(file, columns, true, timescale, dflt);
    }

    private CsvReplayExpansion expand(GeneratorSpec.CsvReplay spec) {
        return CsvReplayExpansion.expand(spec, "cpu", Map.of(), null, dir, P);
    }

    private CsvReplayExpansion expand(String csv) throws IOException {
        write("data.csv", csv);
        return expand(spec("data.csv", List.of(), 1.0, null));
    }

    private static void assertProblems(ThrowingCallable call, Problem... expected) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidScenarioException.class, e -> assertThat(e.problems())
                .containsExactly(expected));
    }

    private static String tenSecondRows(int rows) {
        StringBuilder csv = new StringBuilder("timestamp,cpu\n");
        for (int i = 0; i < rows; i++) {
            csv.append(1_700_000_000L + 10L * i).append(',').append(i).append('\n');
        }
        return csv.toString();
    }

    @Test
    void tenSecondStepsGiveOneTenthPerSecondAndTimescaleScalesIt() throws IOException {
        write("data.csv", tenSecondRows(3));
        // spec §4.4 worked example: Δt 10 s -> 0.1/s at timescale 1, 0.2 at 2, 0.05 at 0.5
        assertThat(expand(spec("data.csv", List.of(), 1.0, null)).rate()).isEqualTo(0.1);
        assertThat(expand(spec("data.csv", List.of(), 2.0, null)).rate()).isEqualTo(0.2);
        CsvReplayExpansion half = expand(spec("data.csv", List.of(), 0.5, null));
        assertThat(half.rate()).isEqualTo(0.05);
        assertThat(half.deltaSeconds()).isEqualTo(10.0);
        assertThat(half.columns()).singleElement().satisfies(c -> assertThat(c.rate())
                .isEqualTo(0.05));
    }

    @Test
    void timestampsAboveTenToTheTwelfthAreMilliseconds() throws IOException {
        CsvReplayExpansion e = expand("Time,cpu\n1700000000000,1\n1700000010000,2\n1700000020000,3\n");
        assertThat(e.deltaSeconds()).isEqualTo(10.0);
        assertThat(e.rate()).isEqualTo(0.1);
    }

    @Test
    void theMedianOfAnEvenNumberOfDeltasIsTheMeanOfTheMiddleTwo() throws IOException {
        // deltas 1, 3, 5, 100 -> sorted middle (3 + 5) / 2 = 4
        assertThat(expand("t,v\n0,1\n1,1\n4,1\n9,1\n109,1\n").deltaSeconds()).isEqualTo(4.0);
        // deltas 2, 50, 3 -> sorted 2, 3, 50 -> 3
        assertThat(expand("t,v\n0,1\n2,1\n52,1\n55,1\n").deltaSeconds()).isEqualTo(3.0);
    }

    @Test
    void onlyTheFirstHundredDataRowsSetTheRate() throws IOException {
        // header + 100 data rows are sampled; the 101st data row is never looked at
        assertThat(expand(tenSecondRows(100) + "5,101st row\n").rate()).isEqualTo(0.1);
        String lastSampledBad = tenSecondRows(100).replace("1700000990,99\n", "5,99\n");
        assertProblems(
                () -> expand(lastSampledBad),
                new Problem(
                        P + ".file",
                        "csv_replay: non-monotonic timestamps in \"data.csv\" (row 99 value 5 <= previous"
                                + " 1700000980)"));
    }

    @Test
    void fewerThanTwoDataRowsCannotGiveARate() throws IOException {
        assertProblems(
                () -> expand("timestamp,cpu\n1700000000,1\n"),
                new Problem(
                        P + ".file",
                        "csv_replay: file \"data.csv\" has fewer than 2 data rows; cannot derive replay rate"));
    }

    @Test
    void timestampsMustIncrease() throws IOException {
        assertProblems(
                () -> expand("Time,cpu_usage\n1700000010,1\n1700000000,2\n"),
                new Problem(
                        P + ".file",
                        "csv_replay: non-monotonic timestamps in \"data.csv\" (row 1 value 1700000000 <= previous"
                                + " 1700000010)"));
        assertProblems(
                () -> expand("Time,cpu_usage\n1,1\n2,2\n2,3\n"),
                new Problem(
                        P + ".file",
                        "csv_replay: non-monotonic timestamps in \"data.csv\" (row 2 value 2 <= previous 2)"));
    }

    @Test
    void anUnparsableOrInfiniteTimestampIsNamedByDataRowAndColumn() throws IOException {
        assertProblems(
                () -> expand("Time,cpu\n1,1\n 2:00 ,2\n"),
                new Problem(P + ".file", "csv_replay: failed to parse timestamp at data row 1 column 0: \" 2:00 \""));
        assertProblems(
                () -> expand("Time,cpu\ninf,1\n2,2\n"),
                new Problem(P + ".file", "csv_replay: failed to parse timestamp at data row 0 column 0: \"inf\""));
    }

    @Test
    void theSpecsGrafanaExampleBecomesTwoUpSeriesWithTheirLabels() throws IOException {
        write("grafana.csv", GRAFANA);
        CsvReplayExpansion e = CsvReplayExpansion.expand(
                spec("grafana.csv", List.of(), 1.0, null),
                "grafana_replay",
                Map.of("env", "production", "job", "overridden"),
                1.0,
                dir,
                P);
        assertThat(e.columns()).hasSize(2);
        CsvReplayExpansion.Column a = e.columns().get(0);
        assertThat(a.name()).isEqualTo("up");
        assertThat(a.index()).isEqualTo(1);
        assertThat(a.columnLabels())
                .containsExactly(Map.entry("instance", "localhost:9090"), Map.entry("job", "prometheus"));
        assertThat(a.labels())
                .as("column labels go over the entry's, sorted by key")
                .containsExactly(
                        Map.entry("env", "production"),
                        Map.entry("instance", "localhost:9090"),
                        Map.entry("job", "prometheus"));
        CsvReplayExpansion.Column b = e.columns().get(1);
        assertThat(b.name()).as("duplicate header names are allowed").isEqualTo("up");
        assertThat(b.index()).isEqualTo(2);
        assertThat(b.labels()).containsEntry("instance", "localhost:9100").containsEntry("job", "node");
        // 15 s apart in milliseconds: 1/15 per second
        assertThat(e.rate()).isEqualTo(1.0 / 15.0);
        assertThat(a.generator().value(2)).isEqualTo(0.0);
        assertThat(b.generator().value(2)).isEqualTo(1.0);
        assertThat(e.warning())
                .hasValue("csv_replay 'grafana_replay': overriding rate=1 with derived rate=0.06666666666666667"
                        + " samples/s (CSV Δt=15s, timescale=1)");
    }

    @Test
    void theFiveHeaderFormatsGiveNamesAndLabels() throws IOException {
        CsvReplayExpansion e = expand("Time,\"{__name__=\"\"up\"\", job=\"\"a\"\"}\",up2{job=\"b\"},"
                + "\"{__name__=\"\"x\"\"}\",cpu_percent,  prometheus  \n"
                + "0,1,2,3,4,5\n10,1,2,3,4,5\n");
        assertThat(e.columns())
                .extracting(CsvReplayExpansion.Column::name)
                .containsExactly("up", "up2", "x", "cpu_percent", "prometheus");
        assertThat(e.columns())
                .extracting(CsvReplayExpansion.Column::columnLabels)
                .containsExactly(Map.of("job", "a"), Map.of("job", "b"), Map.of(), Map.of(), Map.of());
        assertThat(e.columns()).extracting(CsvReplayExpansion.Column::index).containsExactly(1, 2, 3, 4, 5);
        assertThat(e.columns().get(4).generator().value(0)).isEqualTo(5.0);
    }

    @Test
    void labelsOnlyColumnsTakeTheDefaultNameWithTheColumnIndexWhenMoreThanOneLacksAName() throws IOException {
        write("a.csv", "Time,{job=\"a\"},named,{job=\"c\"}\n0,1,2,3\n10,1,2,3\n");
        CsvReplayExpansion two = expand(spec("a.csv", List.of(), 1.0, "requests"));
        assertThat(two.columns())
                .extracting(CsvReplayExpansion.Column::name)
                .containsExactly("requests_1", "named", "requests_3");
        assertThat(two.columns().get(2).labels()).containsExactly(Map.entry("job", "c"));

        write("b.csv", "Time,named,{job=\"b\"}\n0,1,2\n10,1,2\n");
        assertThat(expand(spec("b.csv", List.of(), 1.0, "requests")).columns())
                .extracting(CsvReplayExpansion.Column::name)
                .as("one nameless column takes the name as it is")
                .containsExactly("named", "requests");
    }

    @Test
    void aLabelsOnlyColumnWithoutDefaultNameIsAProblemPerColumn() throws IOException {
        write("a.csv", "Time,{job=\"a\"},named,{job=\"c\"}\n0,1,2,3\n10,1,2,3\n");
        String message = " has no metric name (header has labels only with no __name__); set"
                + " 'default_metric_name' on the generator config";
        assertProblems(
                () -> expand(spec("a.csv", List.of(), 1.0, null)),
                new Problem(P + ".default_metric_name", "csv_replay: column 1" + message),
                new Problem(P + ".default_metric_name", "csv_replay: column 3" + message));
    }

    @Test
    void aDefaultDerivedNameMustNotEqualAHeaderName() throws IOException {
        write("a.csv", "Time,{job=\"a\"},up\n0,1,2\n10,1,2\n");
        assertProblems(
                () -> expand(spec("a.csv", List.of(), 1.0, "up")),
                new Problem(
                        P + ".default_metric_name",
                        "csv_replay: default_metric_name produced 'up' for column 1 which collides with an"
                                + " explicitly named column. Rename the conflicting __name__ in the CSV header or"
                                + " set a different 'default_metric_name'."));
    }

    @Test
    void aHeaderWithOnlyTheTimeColumnHasNoDataColumns() throws IOException {
        assertProblems(
                () -> expand("Time\n1\n2\n"),
                new Problem(P + ".file", "csv_replay: no data columns found after skipping column 0"));
    }

    @Test
    void headerDetectionLooksAtTheFirstDataBearingLineAfterCommentsAndBlanks() throws IOException {
        String numericFirst = "# exported\n\n   \n1700000000,1.5\n1700000010,2.5\n";
        assertProblems(
                () -> expand(numericFirst),
                new Problem(
                        P + ".columns",
                        "csv_replay: CSV file has no header row (first data line is all numeric); provide explicit"
                                + " 'columns' in the config"));
        write("n.csv", numericFirst);
        CsvReplayExpansion e = expand(spec("n.csv", List.of(new CsvColumn(1, "cpu", Map.of("host", "a"))), 1.0, null));
        assertThat(e.columns()).singleElement().satisfies(c -> {
            assertThat(c.name()).isEqualTo("cpu");
            assertThat(c.labels()).containsExactly(Map.entry("host", "a"));
            assertThat(c.generator().value(0))
                    .as("the first numeric row is data")
                    .isEqualTo(1.5);
        });
        // a non-numeric first column alone does not make a header (column 0 is ignored)
        write("c.csv", "a,1\nb,2\n");
        assertProblems(
                () -> expand(spec("c.csv", List.of(new CsvColumn(1, "v", Map.of())), 1.0, null)),
                new Problem(P + ".file", "csv_replay: failed to parse timestamp at data row 0 column 0: \"a\""));
    }

    @Test
    void explicitColumnsMergeHeaderLabelsUnderTheirOwn() throws IOException {
        write("grafana.csv", GRAFANA);
        CsvReplayExpansion e = CsvReplayExpansion.expand(
                spec(
                        "grafana.csv",
                        List.of(
                                new CsvColumn(2, "node_up", Map.of("job", "mine", "team", "x")),
                                new CsvColumn(0, "time_itself", Map.of())),
                        1.0,
                        null),
                "e",
                Map.of("team", "entry", "env", "prod"),
                null,
                dir,
                P);
        assertThat(e.columns()).extracting(CsvReplayExpansion.Column::name).containsExactly("node_up", "time_itself");
        assertThat(e.columns().get(0).columnLabels())
                .containsExactly(
                        Map.entry("instance", "localhost:9100"), Map.entry("job", "mine"), Map.entry("team", "x"));
        assertThat(e.columns().get(0).labels())
                .containsExactly(
                        Map.entry("env", "prod"),
                        Map.entry("instance", "localhost:9100"),
                        Map.entry("job", "mine"),
                        Map.entry("team", "x"));
        assertThat(e.columns().get(1).labels())
                .as("column 0's header has no labels")
                .containsExactly(Map.entry("env", "prod"), Map.entry("team", "entry"));
        assertThat(e.columns().get(1).generator().value(1)).isEqualTo(1704067215000.0);
        assertThat(e.warning()).as("no rate given, no warning").isEmpty();
    }

    @Test
    void aMalformedHeaderIsAProblemEvenWithExplicitColumns() throws IOException {
        write("bad.csv", "Time,up{job=\"x\"\n0,1\n10,2\n");
        assertProblems(
                () -> expand(spec("bad.csv", List.of(new CsvColumn(1, "up", Map.of())), 1.0, null)),
                new Problem(P + ".file", "csv_header: unmatched '{' — missing closing '}'"));
    }

    @Test
    void columnSpecsMustHaveDistinctNonNegativeIndicesAndDistinctNames() throws IOException {
        write("a.csv", tenSecondRows(3));
        List<CsvColumn> cols = List.of(
                new CsvColumn(1, "a", Map.of()), new CsvColumn(1, "b", Map.of()), new CsvColumn(-1, "a", Map.of()));
        assertProblems(
                () -> expand(spec("a.csv", cols, 1.0, null)),
                new Problem(
                        P + ".columns[1].index",
                        "csv_replay: duplicate column index 1; each column index must be unique"),
                new Problem(
                        P + ".columns[2].index",
                        "csv_replay: a column index must be 0 or more, got -1; column 0 is the first CSV column"),
                new Problem(
                        P + ".columns[2].name",
                        "csv_replay: duplicate column name 'a'; each column name must be unique"));
    }

    @Test
    void theTimescaleMustBePositiveAndFinite() throws IOException {
        write("a.csv", tenSecondRows(3));
        String m = "csv_replay: 'timescale' must be a positive finite number, got ";
        assertProblems(() -> expand(spec("a.csv", List.of(), 0.0, null)), new Problem(P + ".timescale", m + "0"));
        assertProblems(() -> expand(spec("a.csv", List.of(), -1.5, null)), new Problem(P + ".timescale", m + "-1.5"));
        assertProblems(
                () -> expand(spec("a.csv", List.of(), Double.NaN, null)), new Problem(P + ".timescale", m + "NaN"));
        assertProblems(
                () -> expand(spec("a.csv", List.of(), Double.POSITIVE_INFINITY, null)),
                new Problem(P + ".timescale", m + "inf"));
    }

    @Test
    void everyProblemIsCollectedNotOnlyTheFirst() throws IOException {
        write("a.csv", "Time,cpu\n10,1\n5,2\n");
        List<CsvColumn> cols = List.of(
                new CsvColumn(1, "a", Map.of()), new CsvColumn(1, "b", Map.of()), new CsvColumn(7, "c", Map.of()));
        assertProblems(
                () -> expand(spec("a.csv", cols, 0.0, null)),
                new Problem(
                        P + ".columns[1].index",
                        "csv_replay: duplicate column index 1; each column index must be unique"),
                new Problem(P + ".timescale", "csv_replay: 'timescale' must be a positive finite number, got 0"),
                new Problem(
                        P + ".file",
                        "csv_replay: non-monotonic timestamps in \"a.csv\" (row 1 value 5 <= previous 10)"),
                new Problem(
                        P + ".columns[2].index", "CSV file \"a.csv\" contains no valid numeric values in column 7"));
    }

    @Test
    void anAutoDiscoveredColumnWithoutNumbersIsReportedAtTheFile() throws IOException {
        assertProblems(
                () -> expand("Time,cpu,mem\n0,1,\n10,2,n/a\n"),
                new Problem(P + ".file", "CSV file \"data.csv\" contains no valid numeric values in column 2"));
    }

    @Test
    void aMissingOrEmptyFileIsReported() throws IOException {
        assertProblems(
                () -> expand(spec("missing.csv", List.of(), 1.0, null)),
                new Problem(P + ".file", "cannot read file \"missing.csv\": No such file or directory"));
        assertProblems(
                () -> expand(spec("missing.csv", List.of(), -1.0, null)),
                new Problem(P + ".timescale", "csv_replay: 'timescale' must be a positive finite number, got -1"),
                new Problem(P + ".file", "cannot read file \"missing.csv\": No such file or directory"));
        assertProblems(
                () -> expand("# only a comment\n\n  \t\n"),
                new Problem(P + ".file", "csv_replay: file \"data.csv\" has no non-comment, non-empty lines"));
        assertProblems(
                () -> expand(""),
                new Problem(P + ".file", "csv_replay: file \"data.csv\" has no non-comment, non-empty lines"));
    }

    @Test
    void relativePathsResolveAgainstTheBaseDirectoryAndAbsoluteOnesStay() throws IOException {
        Files.createDirectories(dir.resolve("data"));
        Path file = write("data/cpu.csv", tenSecondRows(3));
        assertThat(expand(spec("data/cpu.csv", List.of(), 1.0, null)).rate()).isEqualTo(0.1);
        CsvReplayExpansion abs = CsvReplayExpansion.expand(
                spec(file.toAbsolutePath().toString(), List.of(), 1.0, null),
                "x",
                Map.of(),
                null,
                Path.of("/nonexistent"),
                P);
        assertThat(abs.rate()).isEqualTo(0.1);
    }

    @Test
    void theWarningAppearsOnlyWhenTheRatesDifferByMoreThanABillionth() throws IOException {
        write("a.csv", tenSecondRows(3));
        GeneratorSpec.CsvReplay s = spec("a.csv", List.of(), 1.0, null);
        assertThat(CsvReplayExpansion.expand(s, "cpu", Map.of(), 0.1, dir, P).warning())
                .isEmpty();
        assertThat(CsvReplayExpansion.expand(s, "cpu", Map.of(), 0.1 + 1e-10, dir, P)
                        .warning())
                .isEmpty();
        assertThat(CsvReplayExpansion.expand(s, "cpu", Map.of(), 0.1 + 2e-9, dir, P)
                        .warning())
                .isPresent();
        assertThat(CsvReplayExpansion.expand(s, "cpu", Map.of(), 5.0, dir, P).warning())
                .hasValue("csv_replay 'cpu': overriding rate=5 with derived rate=0.1 samples/s (CSV Δt=10s,"
                        + " timescale=1)");
    }

    @Test
    void theColumnsAreImmutable() throws IOException {
        CsvReplayExpansion e = expand(tenSecondRows(3));
        List<CsvReplayExpansion.Column> columns = new ArrayList<>(e.columns());
        assertThatThrownBy(() -> e.columns().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> columns.get(0).labels().put("a", "b"))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
