package dev.sonda.engine.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.sonda.api.InvalidScenarioException;
import dev.sonda.api.Problem;
import dev.sonda.api.Severity;
import dev.sonda.api.generator.LogGeneratorSpec;
import dev.sonda.engine.encode.Labels;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvReplayLogGeneratorTest {
    private static final String P = "scenarios[0].log_generator";

    private static LogGeneratorSpec.CsvReplay spec(String ts, String sev, String msg, boolean repeat, double scale) {
        return new LogGeneratorSpec.CsvReplay("logs.csv", ts, sev, msg, repeat, scale, Severity.INFO);
    }

    private static LogGeneratorSpec.CsvReplay spec() {
        return spec(null, null, null, true, 1.0);
    }

    private static CsvReplayLogGenerator parse(String csv) {
        return CsvReplayLogGenerator.parse(csv, spec(), P);
    }

    private static void assertProblem(ThrowingCallable call, String path, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidScenarioException.class, e -> assertThat(e.problems())
                .containsExactly(new Problem(path, message)));
    }

    @Test
    void rowsBecomeEventsWithSeverityMessageAndTheOtherColumnsAsFields() {
        CsvReplayLogGenerator g = parse("timestamp,severity,message,user_id,region\n"
                + "1700000000,info,login,u1,us-east\n"
                + "1700000003,WARNING, logout ,u2,eu-west\n");
        LogEvent e0 = g.generate(0);
        assertThat(e0.severity()).isEqualTo(Severity.INFO);
        assertThat(e0.message()).isEqualTo("login");
        assertThat(e0.fields().toMap()).containsExactly(Map.entry("region", "us-east"), Map.entry("user_id", "u1"));
        LogEvent e1 = g.generate(1);
        assertThat(e1.severity()).isEqualTo(Severity.WARN);
        assertThat(e1.message()).as("message cells are not trimmed").isEqualTo(" logout ");
        assertThat(g.rowCount()).isEqualTo(2);
        assertThat(g.severityFallbacks()).isZero();
    }

    @Test
    void theRowIsStampedWithTheCallersTimestampAndLabels() {
        CsvReplayLogGenerator g = parse("ts,level,msg\n1,error,a\n2,info,b\n");
        Labels l = Labels.of(Map.of("job", "x"));
        LogEvent e = g.generate(1, 99L, l);
        assertThat(e.epochNanos()).isEqualTo(99L);
        assertThat(e.labels()).isSameAs(l);
        assertThat(e.message()).isEqualTo("b");
        assertThat(g.generate(0).epochNanos()).isZero();
    }

    @Test
    void repeatCyclesWithAnUnsignedTickAndNoRepeatClampsToTheLastRow() {
        String csv = "timestamp,severity,message\n1,info,a\n2,info,b\n3,info,c\n";
        CsvReplayLogGenerator cyc = parse(csv);
        assertThat(cyc.generate(3).message()).isEqualTo("a");
        assertThat(cyc.generate(-1L).message()).as("u64::MAX %% 3 == 0").isEqualTo("a");
        CsvReplayLogGenerator once = CsvReplayLogGenerator.parse(csv, spec(null, null, null, false, 1.0), P);
        assertThat(once.generate(1).message()).isEqualTo("b");
        assertThat(once.generate(7).message()).isEqualTo("c");
        assertThat(once.generate(-1L).message()).isEqualTo("c");
    }

    @Test
    void emptyMissingOrUnknownSeveritiesFallBackAndAreCounted() {
        LogGeneratorSpec.CsvReplay s = new LogGeneratorSpec.CsvReplay("f", null, null, null, true, 1.0, Severity.ERROR);
        CsvReplayLogGenerator g =
                CsvReplayLogGenerator.parse("time,severity,message\n1,,a\n2,bogus,b\n3\n4, debug ,d\n", s, P);
        assertThat(g.generate(0).severity()).isEqualTo(Severity.ERROR);
        assertThat(g.generate(1).severity()).isEqualTo(Severity.ERROR);
        assertThat(g.generate(2).severity()).isEqualTo(Severity.ERROR);
        assertThat(g.generate(2).message()).isEmpty();
        assertThat(g.generate(3).severity()).isEqualTo(Severity.DEBUG);
        assertThat(g.severityFallbacks()).isEqualTo(3);
    }

    @Test
    void withoutASeverityColumnEveryRowHasTheDefaultAndNothingIsCounted() {
        CsvReplayLogGenerator g = parse("timestamp,message\n1,a\n2,b\n");
        assertThat(g.generate(0).severity()).isEqualTo(Severity.INFO);
        assertThat(g.severityFallbacks()).isZero();
    }

    @Test
    void cellsAreSplitQuoteAwareAndEmptyFieldsAreLeftOut() {
        CsvReplayLogGenerator g = parse("timestamp,severity,message,\"user, id\",extra\n"
                + "1,info,\"hello, \"\"world\"\"\",\"u,1\",\n"
                + "# a comment\n"
                + "\n"
                + "2,info,x,  ,  y  \r\n");
        LogEvent e0 = g.generate(0);
        assertThat(e0.message()).isEqualTo("hello, \"world\"");
        assertThat(e0.fields().toMap()).containsExactly(Map.entry("user, id", "u,1"));
        assertThat(g.generate(1).fields().toMap()).containsExactly(Map.entry("extra", "y"));
        assertThat(g.rowCount()).isEqualTo(2);
    }

    @Test
    void explicitColumnsAreMatchedTrimmedAndCaseInsensitively() {
        CsvReplayLogGenerator g = CsvReplayLogGenerator.parse(
                " When , Lvl ,Text,level\n1,error,boom,info\n", spec("when", "LVL", "text", true, 1.0), P);
        LogEvent e = g.generate(0);
        assertThat(e.severity()).isEqualTo(Severity.ERROR);
        assertThat(e.message()).isEqualTo("boom");
        assertThat(e.fields().toMap()).containsExactly(Map.entry("level", "info"));
    }

    @Test
    void aMissingExplicitColumnIsAProblemAtItsRole() {
        assertProblem(
                () -> CsvReplayLogGenerator.parse("ts,msg\n1,a\n", spec(null, "sev", null, true, 1.0), P),
                P + ".columns.severity",
                "log_csv_replay: column \"sev\" not found in CSV header");
    }

    @Test
    void emptyContentAndAHeaderOnlyFileAreProblems() {
        assertProblem(() -> parse("\n  \n# only a comment\n"), P + ".file", "log_csv_replay: CSV content is empty");
        assertProblem(
                () -> parse("timestamp,message\n"),
                P + ".file",
                "log_csv_replay: CSV has fewer than 2 data rows (header only)");
    }

    @Test
    void theReplayRateIsTheTimescaleOverTheMedianDelta() {
        String csv = "timestamp,severity,message\n1700000000,info,a\n1700000010,info,b\n1700000020,info,c\n";
        assertThat(CsvReplayLogGenerator.replayRate(csv, spec(), P)).isEqualTo(0.1);
        assertThat(CsvReplayLogGenerator.replayRate(csv, spec(null, null, null, true, 2.0), P))
                .isEqualTo(0.2);
        assertThat(CsvReplayLogGenerator.replayRate(csv, spec(null, null, null, true, 0.5), P))
                .isEqualTo(0.05);
    }

    @Test
    void theMedianOfAnEvenCountIsTheMeanOfTheMiddleDeltasAndMillisecondsAreDetected() {
        // deltas 1, 3, 5, 100 s -> median 4 s
        String csv = "msg,ts\na,1700000000000\nb,1700000001000\nc,1700000004000\nd,1700000009000\ne,1700000109000\n";
        assertThat(CsvReplayLogGenerator.replayRate(csv, spec(), P)).isCloseTo(0.25, within(1e-15));
    }

    @Test
    void anAllNumericFirstLineIsDataForTheRateAsInTheReference() {
        // The timestamp column is looked up in the first line even when it is data ("10" is column 0).
        String csv = "10,1\n12,2\n14,3\n";
        assertThat(CsvReplayLogGenerator.replayRate(csv, spec("10", null, null, true, 1.0), P))
                .isEqualTo(0.5);
        assertProblem(
                () -> CsvReplayLogGenerator.replayRate("a,10\nb,12\n", spec("a", null, null, true, 1.0), P),
                P + ".file",
                "csv_replay: failed to parse timestamp at data row 0 column 0: \"a\"");
    }

    @Test
    void onlyTheFirst101LinesAreSampled() {
        StringBuilder csv = new StringBuilder("timestamp,message\n");
        for (int i = 0; i < 100; i++) {
            csv.append(1000 + i * 2).append(",m\n");
        }
        csv.append("999,late non-monotonic row\n");
        assertThat(CsvReplayLogGenerator.replayRate(csv.toString(), spec(), P)).isEqualTo(0.5);
    }

    @Test
    void aQuotedTimestampHeaderIsNotFoundByTheNaiveSplitAsInTheReference() {
        assertProblem(
                () -> CsvReplayLogGenerator.replayRate("\"timestamp\",message\n1,a\n2,b\n", spec(), P),
                P + ".file",
                "log_csv_replay: no timestamp column found in CSV header of \"logs.csv\" (expected one of:"
                        + " timestamp, ts, time, or an explicit 'columns.timestamp' mapping)");
    }

    @Test
    void rateDerivationProblemsHaveTheReferenceMessages() {
        assertProblem(
                () -> CsvReplayLogGenerator.replayRate("ts,m\n1,a\nx,b\n", spec(), P),
                P + ".file",
                "csv_replay: failed to parse timestamp at data row 1 column 0: \"x\"");
        assertProblem(
                () -> CsvReplayLogGenerator.replayRate("ts,m\n1,a\n", spec(), P),
                P + ".file",
                "csv_replay: file \"logs.csv\" has fewer than 2 data rows; cannot derive replay rate");
        assertProblem(
                () -> CsvReplayLogGenerator.replayRate("ts,m\n1,a\n3,b\n3,c\n", spec(), P),
                P + ".file",
                "csv_replay: non-monotonic timestamps in \"logs.csv\" (row 2 value 3 <= previous 3)");
        assertProblem(
                () -> CsvReplayLogGenerator.replayRate("ts,m\n1,a\ninf,b\n", spec(), P),
                P + ".file",
                "csv_replay: failed to parse timestamp at data row 1 column 0: \"inf\"");
        assertProblem(
                () -> CsvReplayLogGenerator.replayRate("\n# c\n", spec(), P),
                P + ".file",
                "log_csv_replay: file \"logs.csv\" has no header line");
        assertProblem(
                () -> CsvReplayLogGenerator.replayRate("ts,m\n1,a\n2,b\n", spec(null, null, null, true, 0.0), P),
                P + ".timescale",
                "csv_replay: 'timescale' must be a positive finite number, got 0");
        assertProblem(
                () -> CsvReplayLogGenerator.replayRate("ts,m\n1,a\n2,b\n", spec("when", null, null, true, 1.0), P),
                P + ".columns.timestamp",
                "log_csv_replay: column \"when\" not found in CSV header");
    }

    @Test
    void loadReadsTheFileAndReportsAnUnreadableOne(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("app.csv");
        Files.writeString(file, "timestamp,severity,message\n1,warn,a\n3,info,b\n", StandardCharsets.UTF_8);
        LogGeneratorSpec.CsvReplay s =
                new LogGeneratorSpec.CsvReplay(file.toString(), null, null, null, true, 1.0, null);
        assertThat(CsvReplayLogGenerator.load(s, P).generate(0).severity()).isEqualTo(Severity.WARN);
        assertThat(CsvReplayLogGenerator.replayRate(s, P)).isEqualTo(0.5);
        assertThat(LogGenerators.create(s, P)).isInstanceOf(CsvReplayLogGenerator.class);

        String missing = dir.resolve("missing.csv").toString();
        assertProblem(
                () -> CsvReplayLogGenerator.load(
                        new LogGeneratorSpec.CsvReplay(missing, null, null, null, true, 1.0, null), P),
                P + ".file",
                "cannot read file \"" + missing + "\": No such file or directory");

        Path latin1 = dir.resolve("latin1.csv");
        Files.write(latin1, new byte[] {'t', 's', ',', 'm', '\n', '1', ',', (byte) 0xE9, '\n'});
        assertThatThrownBy(() -> CsvReplayLogGenerator.load(
                        new LogGeneratorSpec.CsvReplay(latin1.toString(), null, null, null, true, 1.0, null), P))
                .isInstanceOf(InvalidScenarioException.class)
                .hasMessageContaining("stream did not contain valid UTF-8");
    }
}
