package dev.sonda.engine.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sonda.api.InvalidScenarioException;
import dev.sonda.api.Problem;
import dev.sonda.api.generator.GeneratorSpec;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvReplayGeneratorTest {
    private static final String P = "scenarios[0].generator";
    private static final long U64_MAX = -1L;

    private static CsvReplayGenerator parse(String csv, int column, boolean repeat) {
        return CsvReplayGenerator.parse(csv, "data.csv", column, repeat, P + ".file");
    }

    private static double[] values(CsvReplayGenerator g) {
        double[] out = new double[g.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = g.value(i);
        }
        return out;
    }

    private static void assertProblem(ThrowingCallable call, String path, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidScenarioException.class, e -> assertThat(e.problems())
                .containsExactly(new Problem(path, message)));
    }

    @Test
    void theChosenColumnIsReplayedAfterAHeader() {
        CsvReplayGenerator g = parse("ts,cpu,mem\n1000,42.5,60.0\n2000,55.3,70.1\n3000,18.9,45.2\n", 1, true);
        assertThat(values(g)).containsExactly(42.5, 55.3, 18.9);
        assertThat(values(parse("ts,cpu,mem\n1000,42.5,60.0\n2000,55.3,70.1\n", 2, true)))
                .containsExactly(60.0, 70.1);
        assertThat(values(parse("ts,cpu\n1000,42.5\n2000,55.3\n", 0, true))).containsExactly(1000.0, 2000.0);
    }

    @Test
    void anAllNumericFirstLineIsData() {
        assertThat(values(parse("999.0\n100.0\n200.0\n", 0, true))).containsExactly(999.0, 100.0, 200.0);
        assertThat(values(parse("abc,1,2\n3,4,5\n", 1, true)))
                .as("column 0 does not decide the header")
                .containsExactly(1.0, 4.0);
        assertThat(values(parse("header\n10.0\n20.0\n", 0, true))).containsExactly(10.0, 20.0);
    }

    @Test
    void commentsBlankLinesAndWhitespaceAreSkippedBeforeTheHeaderAndBetweenRows() {
        String csv = "# exported\n\n   \n  # indented comment\nheader\n10.0\n\n\t \n# mid\n20.0\r\n 30.0 \n";
        assertThat(values(parse(csv, 0, true))).containsExactly(10.0, 20.0, 30.0);
        assertThat(values(parse("\u3000# ideographic space then comment\n5\n", 0, true)))
                .containsExactly(5.0);
    }

    @Test
    void onlyTheFirstDataBearingLineCanBeAHeader() {
        assertThat(values(parse("t,v\n1,5\nt,v\n2,6\n", 1, true)))
                .as("a later text row is a data row whose cell does not parse, so it is dropped")
                .containsExactly(5.0, 6.0);
    }

    @Test
    void rowsWhoseCellIsMissingOrNotARustFloatAreDropped() {
        String csv = "t,v\n"
                + "1,1.5\n"
                + "2,\"2.5\"\n" // quoted numbers are not numbers
                + "3\n" // no column 1
                + "4,0x10\n"
                + "5,1_000\n"
                + "6,1d\n"
                + "7, +.5 \n" // trimmed; sign and leading dot are fine
                + "8,5.\n"
                + "9,1e3\n"
                + "10,-Infinity\n"
                + "11,nan\n"
                + "12,\n";
        CsvReplayGenerator g = parse(csv, 1, true);
        assertThat(values(g)).containsExactly(1.5, 0.5, 5.0, 1000.0, Double.NEGATIVE_INFINITY, Double.NaN);
        assertThat(g.timestampSeconds(1)).as("timestamps follow the kept rows").isEqualTo(7.0);
    }

    @Test
    void aQuotedCommaSplitsNaively() {
        assertThat(values(parse("t,name,v\n1,\"a,b\",7\n2,c,8\n", 2, true)))
                .as("field 2 of the first row's naive split is 'b\"', not 7, so the row is dropped")
                .containsExactly(8.0);
    }

    @Test
    void repeatCyclesOnTheUnsignedTick() {
        CsvReplayGenerator g = parse("10\n20\n30\n", 0, true);
        assertThat(new double[] {g.value(0), g.value(1), g.value(2), g.value(3), g.value(4), g.value(5)})
                .containsExactly(10.0, 20.0, 30.0, 10.0, 20.0, 30.0);
        // 2^64 - 1 = 18446744073709551615 = 3 * 6148914691236517205, so it is index 0
        long expected = new BigInteger("18446744073709551615")
                .mod(BigInteger.valueOf(3))
                .longValueExact();
        assertThat(g.index(U64_MAX)).isEqualTo((int) expected).isZero();
        assertThat(g.value(U64_MAX)).isEqualTo(10.0);
        assertThat(g.value(Long.MIN_VALUE)).as("2^63 mod 3 = 2").isEqualTo(30.0);
        assertThat(g.repeat()).isTrue();
    }

    @Test
    void withoutRepeatTheLastValueHolds() {
        CsvReplayGenerator g = parse("10\n20\n30\n", 0, false);
        assertThat(new double[] {g.value(0), g.value(1), g.value(2), g.value(3), g.value(100)})
                .containsExactly(10.0, 20.0, 30.0, 30.0, 30.0);
        assertThat(g.value(U64_MAX)).as("a huge unsigned tick is not negative").isEqualTo(30.0);
        assertThat(g.value(Long.MIN_VALUE)).isEqualTo(30.0);
        assertThat(parse("5\n", 0, false).value(1)).isEqualTo(5.0);
        assertThat(g.repeat()).isFalse();
    }

    @Test
    void theFileCarriesTimestampsInSeconds() {
        CsvReplayGenerator ms = parse("Time,v\n1700000000000,1\n1700000010500,2\n", 1, true);
        assertThat(ms.timestampSeconds(0)).isEqualTo(1_700_000_000.0);
        assertThat(ms.timestampSeconds(1)).isEqualTo(1_700_000_010.5);
        assertThat(ms.timestampSeconds(ms.index(3))).isEqualTo(1_700_000_010.5);
        CsvReplayGenerator s = parse("Time,v\n1e12,1\n 2023 ,2\nnoon,3\ninf,4\n", 1, true);
        assertThat(s.timestampSeconds(0)).as("exactly 1e12 is seconds").isEqualTo(1e12);
        assertThat(s.timestampSeconds(1)).isEqualTo(2023.0);
        assertThat(s.timestampSeconds(2)).isNaN();
        assertThat(s.timestampSeconds(3)).isNaN();
        assertThatThrownBy(() -> s.timestampSeconds(4)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void aColumnWithoutNumbersIsAProblem() {
        assertProblem(
                () -> parse("t,v\n1,a\n2,b\n", 1, true),
                P + ".file",
                "CSV file \"data.csv\" contains no valid numeric values in column 1");
        assertProblem(
                () -> parse("t,v\n1,2\n", 5, true),
                P + ".file",
                "CSV file \"data.csv\" contains no valid numeric values in column 5");
        assertProblem(
                () -> parse("", 0, true),
                P + ".file",
                "CSV file \"data.csv\" contains no valid numeric values in column 0");
    }

    @Test
    void loadReadsTheFileRelativeToTheBaseDirectory(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("cpu.csv"), "timestamp,cpu\n0,1.25\n10,2.5\n", StandardCharsets.UTF_8);
        GeneratorSpec.CsvReplay spec = new GeneratorSpec.CsvReplay("cpu.csv", List.of(), false, 1.0, null);
        CsvReplayGenerator g = CsvReplayGenerator.load(spec, 1, dir, P);
        assertThat(values(g)).containsExactly(1.25, 2.5);
        assertThat(g.value(9)).isEqualTo(2.5);

        GeneratorSpec.CsvReplay missing = new GeneratorSpec.CsvReplay("gone.csv", List.of(), true, 1.0, null);
        assertProblem(
                () -> CsvReplayGenerator.load(missing, 1, dir, P),
                P + ".file",
                "cannot read file \"gone.csv\": No such file or directory");
        Files.write(dir.resolve("latin1.csv"), new byte[] {'1', ',', (byte) 0xE9, '\n'});
        GeneratorSpec.CsvReplay latin1 = new GeneratorSpec.CsvReplay("latin1.csv", List.of(), true, 1.0, null);
        assertProblem(
                () -> CsvReplayGenerator.load(latin1, 0, dir, P),
                P + ".file",
                "cannot read file \"latin1.csv\": stream did not contain valid UTF-8");
        GeneratorSpec.CsvReplay directory = new GeneratorSpec.CsvReplay(".", List.of(), true, 1.0, null);
        assertProblem(
                () -> CsvReplayGenerator.load(directory, 0, dir, P),
                P + ".file",
                "cannot read file \".\": Is a directory");
    }

    /** Exact decimal text of a double, independent of {@link Double#toString(double)}. */
    private static String exactText(double d, boolean exponentForm) {
        if (d == 0.0) {
            return Double.doubleToRawLongBits(d) < 0 ? "-0" : "0";
        }
        BigDecimal exact = new BigDecimal(d);
        return exponentForm ? exact.unscaledValue() + "e" + -exact.scale() : exact.toPlainString();
    }

    @Property(tries = 200)
    void aHeaderlessColumnReplaysEveryFiniteValueBitForBit(@ForAll @Size(min = 1, max = 40) List<Double> values)
            throws IOException {
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            csv.append(i)
                    .append(", ")
                    .append(exactText(values.get(i), i % 2 == 1))
                    .append('\n');
        }
        Path file = Files.createTempFile("csv-replay", ".csv");
        try {
            Files.writeString(file, csv, StandardCharsets.UTF_8);
            GeneratorSpec.CsvReplay spec = new GeneratorSpec.CsvReplay(file.toString(), List.of(), true, 1.0, null);
            CsvReplayGenerator g = CsvReplayGenerator.load(spec, 1, null, P);
            int n = values.size();
            assertThat(g.size()).isEqualTo(n);
            for (int i = 0; i < n; i++) {
                long want = Double.doubleToRawLongBits(values.get(i));
                assertThat(Double.doubleToRawLongBits(g.value(i))).isEqualTo(want);
                assertThat(Double.doubleToRawLongBits(g.value(i + (long) n))).isEqualTo(want);
                assertThat(g.timestampSeconds(i)).isEqualTo(i);
            }
        } finally {
            Files.delete(file);
        }
    }
}
