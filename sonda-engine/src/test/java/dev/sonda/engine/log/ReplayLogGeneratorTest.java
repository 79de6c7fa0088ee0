package dev.sonda.engine.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sonda.api.InvalidScenarioException;
import dev.sonda.api.Problem;
import dev.sonda.api.Problems;
import dev.sonda.api.Severity;
import dev.sonda.api.internal.spec.MapSpecBlock;
import dev.sonda.api.internal.spec.MapSpecWriter;
import dev.sonda.api.spi.SpecKind;
import dev.sonda.api.spi.SpecRegistry;
import dev.sonda.engine.encode.Labels;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The seed README's log generator {@code replay}: lines in order, cycling, severity info. */
class ReplayLogGeneratorTest {
    private static final String P = "scenarios[0].log_generator";

    @TempDir
    Path dir;

    private ReplayLogGenerator load(String text) throws IOException {
        Files.writeString(dir.resolve("app.log"), text, StandardCharsets.UTF_8);
        return ReplayLogGenerator.load(new ReplayLogGenerator.Spec("app.log"), dir, P);
    }

    @Test
    void linesAreReplayedInOrderAndCycleBackToTheFirst() throws IOException {
        ReplayLogGenerator g = load("GET /a 200\nGET /b 404\r\nPOST /c 500\n");

        assertThat(g.lineCount()).isEqualTo(3);
        assertThat(g.generate(0).message()).isEqualTo("GET /a 200");
        assertThat(g.generate(1).message()).as("CR LF endings are stripped").isEqualTo("GET /b 404");
        assertThat(g.generate(2).message()).isEqualTo("POST /c 500");
        assertThat(g.generate(3).message()).isEqualTo("GET /a 200");
        assertThat(g.generate(7).message()).isEqualTo("GET /b 404");
    }

    @Test
    void everyEventIsInfoWithoutFieldsAndCarriesTheCallersStamp() throws IOException {
        ReplayLogGenerator g = load("one\ntwo\n");
        Labels labels = Labels.of(Map.of("host", "h1"));

        LogEvent e = g.generate(5, 1_700_000_000_000_000_000L, labels);

        assertThat(e.severity()).isEqualTo(Severity.INFO);
        assertThat(e.fields().toMap()).isEmpty();
        assertThat(e.message()).isEqualTo("two");
        assertThat(e.epochNanos()).isEqualTo(1_700_000_000_000_000_000L);
        assertThat(e.labels()).isEqualTo(labels);
    }

    @Test
    void blankLinesAreDroppedButOtherLinesKeepTheirSpaces() throws IOException {
        ReplayLogGenerator g = load("\n  indented  \n \t \n\nlast");

        assertThat(g.lineCount()).isEqualTo(2);
        assertThat(g.generate(0).message()).isEqualTo("  indented  ");
        assertThat(g.generate(1).message()).isEqualTo("last");
    }

    @Test
    void aFileWithOnlyBlankLinesIsRefusedAtTheFileKey() {
        assertThatThrownBy(() -> load("\n   \n"))
                .isInstanceOfSatisfying(InvalidScenarioException.class, e -> assertThat(e.problems())
                        .containsExactly(new Problem(P + ".file", "replay file \"app.log\" contains no lines")));
    }

    @Test
    void aMissingFileNamesTheFileAndTheReason() {
        assertThatThrownBy(() -> ReplayLogGenerator.load(new ReplayLogGenerator.Spec("nope.log"), dir, P))
                .isInstanceOfSatisfying(InvalidScenarioException.class, e -> assertThat(e.problems())
                        .containsExactly(
                                new Problem(P + ".file", "cannot read file \"nope.log\": No such file or directory")));
    }

    @Property(tries = 200)
    void tickTPlaysLineTModN(@ForAll @IntRange(min = 1, max = 20) int n, @ForAll long tick) {
        java.util.List<String> lines = java.util.stream.IntStream.range(0, n)
                .mapToObj(i -> "line-" + i)
                .toList();
        ReplayLogGenerator g = ReplayLogGenerator.of(lines);

        assertThat(g.generate(tick).message()).isEqualTo("line-" + Long.remainderUnsigned(tick, n));
    }

    @Test
    void theDefaultRegistryReadsWritesAndShowsTheBlock() {
        SpecRegistry registry = SpecRegistry.defaults();
        Problems problems = new Problems();

        Object spec =
                registry.read(SpecKind.LOG_GENERATOR, new MapSpecBlock("replay", Map.of("file", "x.log"), P, problems));
        MapSpecWriter out = new MapSpecWriter();
        registry.write(SpecKind.LOG_GENERATOR, spec, out);

        assertThat(problems.list()).isEmpty();
        assertThat(spec).isEqualTo(new ReplayLogGenerator.Spec("x.log"));
        assertThat(out.map()).containsExactly(Map.entry("type", "replay"), Map.entry("file", "x.log"));
        assertThat(registry.find(SpecKind.LOG_GENERATOR, "replay", LogGeneratorProvider.class)
                        .orElseThrow()
                        .display((ReplayLogGenerator.Spec) spec))
                .isEqualTo("replay (file: x.log)");
    }

    @Test
    void aBlockWithoutFileIsAProblemAtTheBlock() {
        Problems problems = new Problems();

        Object spec =
                SpecRegistry.defaults().read(SpecKind.LOG_GENERATOR, new MapSpecBlock("replay", Map.of(), P, problems));

        assertThat(spec).isNull();
        assertThat(problems.list()).containsExactly(new Problem(P, "missing required key 'file'"));
    }
}
