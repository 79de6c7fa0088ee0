package dev.sonda.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.sonda.api.ScenarioPlan;
import dev.sonda.api.SondaException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile and broken input is refused within a second, with one located problem that names what
 * was wrong, where, and the {@link LoadLimits} limit when one was exceeded.
 */
class HostileInputTest {
    private static final Duration FAST = Duration.ofSeconds(1);

    @TempDir
    Path dir;

    /** Loads within a second and returns the exception, failing if a plan or anything else came. */
    private static ScenarioParseException refused(Supplier<ScenarioPlan> load) {
        return assertTimeoutPreemptively(FAST, () -> catchThrowableOfType(ScenarioParseException.class, load::get));
    }

    private static ScenarioParseException refused(String yaml, LoadLimits limits) {
        return refused(() -> ScenarioLoader.load(yaml, "t.yaml", name -> null, limits));
    }

    private static ScenarioParseException refused(byte[] bytes) {
        return refused(() ->
                ScenarioLoader.load(new ByteArrayInputStream(bytes), "t.yaml", name -> null, LoadLimits.defaults()));
    }

    private static String only(ScenarioParseException e) {
        assertThat(e).as("refused").isNotNull();
        assertThat(e.located()).hasSize(1);
        return e.located().get(0).problem().message();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    private static final String QUICK_START = ScenarioLoaderTest.resource("/examples/quick-start.yaml");

    // ---- aliases ----------------------------------------------------------------------------------

    @Test
    void aBillionLaughsFileIsRefusedWithinASecondAtTheAliasThatCrossesTheLimit() {
        ScenarioParseException e = refused(() -> ScenarioLoader.loadResource("hostile/billion-laughs.yaml"));

        // Nodes added by aliases: each *a adds a's list and its 10 scalars (11), so line b adds 110;
        // each *b adds 111 (line c: 1110), each *c 1111 (line d: 11110), 12330 in all; each *d adds
        // 11111, so the 8th one on line 7 (column 8 + 7 * 3) reaches 101218.
        assertThat(only(e))
                .isEqualTo("expanding alias *d makes aliases add 101218 nodes to the document, which exceeds the"
                        + " limit of 100000 nodes (LoadLimits.maxAliasedNodes); aliases of aliases multiply (a"
                        + " \"billion laughs\" document): write the values out, or raise the limit with"
                        + " LoadLimits.withMaxAliasedNodes");
        assertThat(e.located())
                .extracting(p -> p.problem().path(), LocatedProblem::line, LocatedProblem::column)
                .containsExactly(tuple("e[7]", 7, 29));
        assertThat(e.sourceName()).isEqualTo("classpath:hostile/billion-laughs.yaml");
    }

    @Test
    void theExpandedNodeCountIsBoundedEvenWhenAliasesMayAddMore() {
        ScenarioParseException e = refused(() -> ScenarioLoader.loadResource(
                "hostile/billion-laughs.yaml",
                getClass().getClassLoader(),
                LoadLimits.defaults().withMaxAliasedNodes(Integer.MAX_VALUE)));

        // the nodes written before line 8: root 1, version and kind 2 each, then a key and its
        // expanded list for a to e (12, 112, 1112, 11112, 111112): 123465; f's key and list make
        // 123467 and each *e adds 111111, so the 8th one reaches 1012355
        assertThat(only(e))
                .isEqualTo("expanding alias *e makes the document 1012355 nodes, which exceeds the limit of 1000000"
                        + " nodes (LoadLimits.maxNodes); each use of an alias repeats its value: write fewer aliases, or"
                        + " raise the limit with LoadLimits.withMaxNodes");
        assertThat(e.located())
                .extracting(LocatedProblem::line, LocatedProblem::column)
                .containsExactly(tuple(8, 29));
    }

    @Test
    void aBillionLaughsInsideAPluginBlockIsRefusedWithinASecond() {
        ScenarioParseException e =
                refused(() -> ScenarioLoader.loadResource("/hostile/billion-laughs-in-generator.yaml"));

        assertThat(only(e)).startsWith("expanding alias *").contains("(LoadLimits.max");
        assertThat(e.located().get(0).line()).isBetween(10, 17);
    }

    @Test
    void theAliasOverTheAliasLimitIsNamed() {
        String yaml = "a: &a [1]\nb: [*a, *a, *a]\n";

        ScenarioParseException e = refused(yaml, LoadLimits.defaults().withMaxAliases(2));

        assertThat(only(e))
                .isEqualTo("alias *a is alias number 3 of the document, which exceeds the limit of 2 aliases"
                        + " (LoadLimits.maxAliases); write the values out, or raise the limit with"
                        + " LoadLimits.withMaxAliases");
        assertThat(e.located())
                .extracting(LocatedProblem::line, LocatedProblem::column)
                .containsExactly(tuple(2, 13));
    }

    @Test
    void anAliasCannotReferToItself() {
        ScenarioParseException e = refused("version: 2\nkind: runnable\na: &a [*a]\n", LoadLimits.defaults());

        assertThat(e.located())
                .extracting(p -> p.problem().path(), LocatedProblem::line)
                .contains(tuple("a[0]", 3));
    }

    // ---- nesting ----------------------------------------------------------------------------------

    @Test
    void deepNestingIsRefusedAtTheFirstLevelOverTheLimit() {
        String yaml = "version: 2\nkind: runnable\nscenarios: " + "[".repeat(100_000) + "]".repeat(100_000) + "\n";

        ScenarioParseException e = refused(yaml, LoadLimits.defaults());

        // the top-level mapping is level 1, so the 64th bracket (column 12 + 63) opens level 65
        assertThat(only(e))
                .isEqualTo("nesting level 65 exceeds the limit of 64 levels (LoadLimits.maxDepth); flatten the"
                        + " structure, or raise the limit with LoadLimits.withMaxDepth");
        assertThat(e.located())
                .extracting(LocatedProblem::line, LocatedProblem::column)
                .containsExactly(tuple(3, 75));
    }

    @Test
    void nestingReachedThroughAnAliasCounts() {
        String yaml = "a: &a [[[1]]]\nb: [[*a]]\n";

        // a's lists are levels 2 to 4; *a sits in level 3, so its lists reach level 6
        ScenarioParseException e = refused(yaml, LoadLimits.defaults().withMaxDepth(5));

        assertThat(only(e))
                .startsWith("alias *a nests its value to level 6, which exceeds the limit of 5 levels"
                        + " (LoadLimits.maxDepth)");
        assertThat(refused(yaml, LoadLimits.defaults().withMaxDepth(6))
                        .located()
                        .get(0)
                        .problem()
                        .message())
                .doesNotContain("LoadLimits");
    }

    // ---- scalars, numbers, entries, expanded size --------------------------------------------------

    @Test
    void aHugeScalarOnOneLineIsRefusedBeforeItIsScannedWhole() {
        String yaml = "version: 2\nkind: runnable\nscenario_name: " + "x".repeat(2 * 1024 * 1024) + "\n";

        ScenarioParseException e = refused(yaml, LoadLimits.defaults());

        assertThat(only(e))
                .isEqualTo("a scalar, comment or anchor starting here exceeds the limit of 65536 characters"
                        + " (LoadLimits.maxScalarLength) on one line; shorten it, or raise the limit with"
                        + " LoadLimits.withMaxScalarLength");
        assertThat(e.located())
                .extracting(LocatedProblem::line, LocatedProblem::column)
                .containsExactly(tuple(3, 16));
    }

    @Test
    void aHugeCommentIsRefusedAtItsHash() {
        String yaml = "version: 2\nkind: runnable\n  # " + "c".repeat(1024 * 1024) + "\n";

        ScenarioParseException e = refused(yaml, LoadLimits.defaults());

        assertThat(only(e)).startsWith("a scalar, comment or anchor starting here exceeds the limit of 65536");
        assertThat(e.located())
                .extracting(LocatedProblem::line, LocatedProblem::column)
                .containsExactly(tuple(3, 3));
    }

    @Test
    void aMultiLineScalarOverTheLimitIsRefusedNamingItsLength() {
        String yaml = "version: 2\nkind: runnable\ndescription: |\n" + "  ten chars\n".repeat(20);

        ScenarioParseException e = refused(yaml, LoadLimits.defaults().withMaxScalarLength(100));

        // 20 lines of "ten chars" and a line feed
        assertThat(only(e))
                .isEqualTo("a scalar of 200 characters exceeds the limit of 100 characters"
                        + " (LoadLimits.maxScalarLength); shorten it, or raise the limit with"
                        + " LoadLimits.withMaxScalarLength");
        assertThat(e.located())
                .extracting(p -> p.problem().path(), LocatedProblem::line, LocatedProblem::column)
                .containsExactly(tuple("description", 3, 14));
    }

    @Test
    void longLinesOfShortTokensPass() {
        String entry = "{\"signal_type\":\"metrics\",\"name\":\"m\",\"rate\":1,\"generator\":{\"type\":\"constant\","
                + "\"value\":1}},";
        String json = "{\"version\":2,\"kind\":\"runnable\",\"scenarios\":[" + entry.repeat(1000)
                + entry.replace("},", "}") + "]}";

        ScenarioPlan plan = ScenarioLoader.load(json, "minified.json", name -> null, LoadLimits.defaults());

        assertThat(json.length()).isGreaterThan(LoadLimits.DEFAULT_MAX_SCALAR_LENGTH + ScanWindowReader.LOOKAHEAD);
        assertThat(plan.entries()).hasSize(1001);
    }

    @Test
    void aHugeKeyIsRefusedLikeAScalar() {
        ScenarioParseException e =
                refused("k".repeat(20) + ": 1\n", LoadLimits.defaults().withMaxScalarLength(10));

        assertThat(only(e)).startsWith("a key of 20 characters exceeds the limit of 10 characters");
    }

    @Test
    void aNumberTooLongToConvertQuicklyIsRefused() {
        String decimal = "version: 2\nkind: runnable\nname: x\nrate: " + "7".repeat(1020) + "\n";
        String hex = "version: 2\nkind: runnable\nname: x\nrate: 0x" + "f".repeat(1010) + "\n";

        ScenarioParseException e = refused(decimal, LoadLimits.defaults());

        assertThat(only(e))
                .isEqualTo("a number of 1020 characters exceeds the limit of 1000 characters"
                        + " (LoadLimits.maxNumberLength); write it with an exponent (such as 1.5e300), quote it if it is"
                        + " text, or raise the limit with LoadLimits.withMaxNumberLength");
        assertThat(e.located())
                .extracting(LocatedProblem::line, LocatedProblem::column)
                .containsExactly(tuple(4, 7));
        ScenarioParseException h = refused(hex, LoadLimits.defaults());
        assertThat(only(h))
                .startsWith("a number longer than the limit of 1000 characters (LoadLimits.maxNumberLength) starts"
                        + " here; write it with an exponent");
        assertThat(h.located())
                .extracting(LocatedProblem::line, LocatedProblem::column)
                .containsExactly(tuple(4, 7));
    }

    @Test
    void anEntryOverTheEntryLimitIsRefusedAtItsPosition() {
        String entry = "  - {signal_type: metrics, name: m, rate: 1, generator: {type: constant, value: 1}}\n";
        String yaml = "version: 2\nkind: runnable\nscenarios:\n" + entry.repeat(4);

        ScenarioParseException e = refused(yaml, LoadLimits.defaults().withMaxEntries(3));

        assertThat(only(e))
                .isEqualTo(
                        "scenarios has more than 3 entries, which exceeds the limit of 3 entries"
                                + " (LoadLimits.maxEntries); split the file, or raise the limit with LoadLimits.withMaxEntries");
        assertThat(e.located())
                .extracting(LocatedProblem::line, LocatedProblem::column)
                .containsExactly(tuple(7, 5));
        assertThat(ScenarioLoader.load(
                                yaml,
                                "t.yaml",
                                name -> null,
                                LoadLimits.defaults().withMaxEntries(4))
                        .entries())
                .hasSize(4);
    }

    @Test
    void longKeysUnderDeepNestingAreBoundedByTheExpandedSize() {
        StringBuilder yaml = new StringBuilder();
        for (int level = 0; level < 30; level++) {
            yaml.append("  ".repeat(level)).append("k".repeat(1000)).append(":\n");
        }
        yaml.append("  ".repeat(30)).append("[").append("1,".repeat(100_000)).append("1]\n");

        String message = only(refused(yaml.toString(), LoadLimits.defaults()));

        assertThat(message)
                .startsWith("the document reaches ")
                .contains("exceeds the limit of 33554432 characters (LoadLimits.maxExpandedChars)");
    }

    @Test
    void aNodeCountOverTheLimitIsRefusedWithoutAliases() {
        String yaml = "a: [" + "1,".repeat(20) + "1]\n";

        assertThat(only(refused(yaml, LoadLimits.defaults().withMaxNodes(10))))
                .startsWith("the document reaches 11 nodes, which exceeds the limit of 10 nodes (LoadLimits.maxNodes)");
    }

    // ---- size ------------------------------------------------------------------------------------

    @Test
    void aDocumentOverTheSizeLimitIsRefusedAtTheFirstByteBeyondIt() {
        String yaml = "version: 2\nkind: runnable\n# " + "x".repeat(100) + "\n";

        ScenarioParseException e = refused(yaml, LoadLimits.defaults().withMaxDocumentBytes(40));

        // 26 bytes make the first two lines, so byte offset 40 is column 15 of line 3
        assertThat(only(e))
                .isEqualTo("scenario text exceeds the limit of 40 bytes (LoadLimits.maxDocumentBytes) at line 3, column"
                        + " 15; split it into several files, or raise the limit with LoadLimits.withMaxDocumentBytes");
        assertThat(e.located())
                .extracting(LocatedProblem::line, LocatedProblem::column)
                .containsExactly(tuple(3, 15));
    }

    @Test
    void anEndlessStreamIsReadOnlyUpToTheSizeLimit() {
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return '#';
            }
        };

        ScenarioParseException e = refused(() -> ScenarioLoader.load(
                endless, "request body", name -> null, LoadLimits.defaults().withMaxDocumentBytes(1000)));

        assertThat(only(e))
                .startsWith("scenario text exceeds the limit of 1000 bytes (LoadLimits.maxDocumentBytes)"
                        + " at byte offset 1000 (line 1, column 1001)");
        assertThat(e.sourceName()).isEqualTo("request body");
    }

    @Test
    void anEnvironmentValueCannotGrowTheTextPastTheSizeLimit() {
        String yaml = "version: 2\nkind: runnable\nname: ${BIG}\n";

        ScenarioParseException e = refused(() -> ScenarioLoader.load(
                yaml, "t.yaml", name -> "x".repeat(500), LoadLimits.defaults().withMaxDocumentBytes(100)));

        assertThat(only(e))
                .startsWith("the scenario text exceeds the limit of 100 characters"
                        + " (LoadLimits.maxDocumentBytes) once environment variable BIG is substituted");
        assertThat(e.located())
                .extracting(LocatedProblem::line, LocatedProblem::column)
                .containsExactly(tuple(3, 7));
    }

    // ---- encoding ---------------------------------------------------------------------------------

    @Test
    void invalidUtf8IsRefusedWithItsByteOffsetLineAndColumn() throws IOException {
        // "version: 2\n" is 11 bytes and "scenario_name: caf" 18 more: 0xC3 sits at offset 29
        byte[] latin = concat(bytes("version: 2\nscenario_name: caf"), new byte[] {(byte) 0xC3, '('}, bytes("\n"));
        Path file = Files.write(dir.resolve("latin.yaml"), latin);

        ScenarioParseException e = refused(() -> ScenarioLoader.load(file));

        assertThat(only(e))
                .isEqualTo("scenario file is not valid UTF-8: invalid byte sequence 0xC3 0x28 at byte offset 29 (line"
                        + " 2, column 19); save the file as UTF-8 (text in Latin-1 or Windows-1252 looks like this)");
        assertThat(e.located())
                .extracting(LocatedProblem::line, LocatedProblem::column)
                .containsExactly(tuple(2, 19));
        assertThat(e.getMessage()).startsWith(file + ":2:19: scenario file is not valid UTF-8");
    }

    @Test
    void aByteThatCannotStartUtf8AndATruncatedEndAreNamed() {
        assertThat(only(refused(concat(bytes("a: é"), new byte[] {(byte) 0xFF}))))
                .startsWith("scenario text is not valid UTF-8: invalid byte 0xFF at byte offset 5 (line 1, column 5)");
        assertThat(only(refused(concat(bytes("a: "), new byte[] {(byte) 0xE2, (byte) 0x82}))))
                .startsWith("scenario text is not valid UTF-8: incomplete byte sequence 0xE2 0x82 at byte offset 3"
                        + " (line 1, column 4)");
        // an encoded surrogate (CESU-8) is not UTF-8
        assertThat(only(refused(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80})))
                .startsWith("scenario text is not valid UTF-8: invalid byte sequence 0xED 0xA0");
    }

    @Test
    void aBinaryFileIsRefusedAtItsFirstControlByte() throws IOException {
        byte[] binary = new byte[256];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (byte) i;
        }
        Path file = Files.write(dir.resolve("bin.yaml"), binary);

        ScenarioParseException e = refused(() -> ScenarioLoader.load(file));

        assertThat(only(e))
                .isEqualTo("scenario file contains the control character U+0000 (NUL) at byte offset 0 (line 1, column"
                        + " 1); YAML text allows no control characters but tab, line feed and carriage return: this"
                        + " looks like a binary file, not YAML text: check that it is the scenario you meant");
        assertThat(e.getMessage()).doesNotContain("failed to read");
    }

    @Test
    void aControlCharacterInTextIsRefusedWithTheEscapeToUseInstead() {
        String yaml = "version: 2\nname: \"bell\u0007\"\n";

        assertThat(only(refused(yaml, LoadLimits.defaults())))
                .isEqualTo("scenario text contains the control character U+0007 at line 2, column 12; YAML text"
                        + " allows no control characters but tab, line feed and carriage return: remove it, or write"
                        + " it as an escape such as \"\\x07\" inside a double-quoted string");
        assertThat(only(refused(bytes(yaml))))
                .startsWith("scenario text contains the control character U+0007 at byte offset 22 (line 2, column"
                        + " 12)");
    }

    @Test
    void aUtf8ByteOrderMarkIsAccepted() throws IOException {
        ScenarioPlan plain = ScenarioLoader.load(QUICK_START, "q.yaml", name -> null);
        Path file = Files.write(
                dir.resolve("bom.yaml"),
                concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, bytes(QUICK_START)));

        assertThat(ScenarioLoader.load(file, name -> null)).isEqualTo(plain);
        assertThat(ScenarioLoader.load("\uFEFF" + QUICK_START, "q.yaml", name -> null))
                .isEqualTo(plain);
    }

    @Test
    void aBomPositionsProblemsAsIfItWereNotThere() {
        byte[] yaml = concat(
                new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                bytes("version: 2\nkind: runnable\nscenarioz: []\nname: x\nrate: 1\n"
                        + "generator: {type: constant, value: 1}\n"));

        ScenarioParseException e = refused(yaml);

        assertThat(e.located())
                .extracting(LocatedProblem::line, LocatedProblem::column)
                .containsExactly(tuple(3, 1));
    }

    @Test
    void utf16IsRefusedByItsByteOrderMark() {
        byte[] utf16 =
                concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, "version: 2\n".getBytes(StandardCharsets.UTF_16LE));

        assertThat(only(refused(utf16)))
                .isEqualTo("scenario text is encoded as UTF-16 (it starts with the byte order mark 0xFF 0xFE); save it"
                        + " as UTF-8");
    }

    @Test
    void anUnpairedSurrogateInAStringIsRefused() {
        assertThat(only(refused("name: \"a\uD800\"\n", LoadLimits.defaults())))
                .startsWith("scenario text is not valid text: unpaired surrogate U+D800 at line 1, column 9");
    }

    // ---- entry points -----------------------------------------------------------------------------

    @Test
    void everyEntryPointLoadsTheSamePlan() throws IOException {
        ScenarioPlan expected = ScenarioLoader.load(QUICK_START, "q.yaml", name -> null);
        Path file = Files.writeString(dir.resolve("q.yaml"), QUICK_START);

        assertThat(ScenarioLoader.load(file, LoadLimits.defaults())).isEqualTo(expected);
        assertThat(ScenarioLoader.load(file, name -> null, LoadLimits.defaults()))
                .isEqualTo(expected);
        assertThat(ScenarioLoader.load(QUICK_START, "q.yaml", LoadLimits.defaults()))
                .isEqualTo(expected);
        assertThat(ScenarioLoader.load(new ByteArrayInputStream(bytes(QUICK_START)), "q.yaml", LoadLimits.defaults()))
                .isEqualTo(expected);
        assertThat(ScenarioLoader.loadResource("examples/quick-start.yaml")).isEqualTo(expected);
        assertThat(ScenarioLoader.loadResource(
                        "/examples/quick-start.yaml", getClass().getClassLoader()))
                .isEqualTo(expected);
    }

    @Test
    void aMissingResourceIsASondaExceptionSayingWhereNamesAreResolved() {
        assertThatThrownBy(() -> ScenarioLoader.loadResource("nope/missing.yaml"))
                .isInstanceOf(SondaException.class)
                .isNotInstanceOf(ScenarioParseException.class)
                .hasMessage("failed to read scenario file classpath:nope/missing.yaml: no such resource (names are"
                        + " paths from the classpath root, such as the path under src/test/resources)");
    }

    @Test
    void aMissingFileIsNamedOnce() {
        Path missing = dir.resolve("missing.yaml");

        assertThatThrownBy(() -> ScenarioLoader.load(missing))
                .isInstanceOf(SondaException.class)
                .hasMessage("failed to read scenario file " + missing + ": no such file");
    }

    @Test
    void aStreamThatFailsIsASondaExceptionWithTheReason() {
        InputStream failing = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("connection reset");
            }
        };

        assertThatThrownBy(() -> ScenarioLoader.load(failing, "request body", LoadLimits.defaults()))
                .isInstanceOf(SondaException.class)
                .hasMessage("failed to read scenario text request body: connection reset");
    }
}
