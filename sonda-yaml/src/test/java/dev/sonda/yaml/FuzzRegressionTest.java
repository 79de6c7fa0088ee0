package dev.sonda.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonda.api.ScenarioPlan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Inputs that once broke {@link FuzzContract} (over a second, a stray exception, a problem without
 * a position, memory exhausted), kept under {@code src/test/resources/fuzz/regressions/} as found,
 * with the alias bombs of {@code hostile/}. Each must now end within a second in a plan or located
 * problems.
 *
 * <ul>
 *   <li>{@code alias-bomb-5-levels-13-wide-in-sink.yaml}: found by {@link ScenarioFuzzTest}; 770,000
 *       expanded nodes, within the node limit, took over a second to index.
 *   <li>{@code binary-bytes-0-to-255.yaml}, {@code latin1-text.yaml}: refused without a position
 *       ({@code Input length = 1}).
 *   <li>{@code long-keys-under-aliases.yaml}: 90,000 nodes under 3,000-character paths; indexing
 *       them built a quarter of a billion characters of paths, over a second.
 *   <li>{@code emoji-across-the-1024th-character.yaml}: found by {@code ScenarioWriterTest}'s
 *       round trip; a surrogate pair at characters 1023 and 1024 made SnakeYAML read past its
 *       buffer ({@code StringIndexOutOfBoundsException}).
 *   <li>{@code hostile/billion-laughs*.yaml}: ran past 20 seconds into {@code OutOfMemoryError}.
 *   <li>an emoji whose surrogate pair straddles character 1024 (found by {@link
 *       ScenarioWriterTest}): SnakeYAML asked for one character past its buffer.
 * </ul>
 */
class FuzzRegressionTest {

    @org.junit.jupiter.api.Test
    void anEmojiAcrossTheScannersBufferBoundaryLoads() {
        String emoji = "\uD83D\uDE00";
        for (int before = 1000; before < 1030; before++) {
            String prefix = "version: 2\nkind: runnable\nscenario_name: \"";
            String yaml = prefix + "a".repeat(before - prefix.length()) + emoji + "\"\n"
                    + "scenarios:\n  - {signal_type: metrics, name: m, rate: 1, generator: {type: constant, value: 1}}\n";
            ScenarioPlan plan = ScenarioLoader.load(yaml, "emoji.yaml");
            assertThat(plan.scenarioName()).as("emoji at char %d", before).endsWith(emoji);
        }
    }

    @TestFactory
    Stream<DynamicTest> everyInputThatOnceBrokeTheLoaderNowEndsInAPlanOrLocatedProblems() {
        List<Path> files = Stream.of("/fuzz/regressions", "/hostile")
                .flatMap(folder -> FuzzContract.files(folder, ".yaml").stream())
                .toList();
        assertThat(files).as("regression files").isNotEmpty();
        return files.stream()
                .map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
                    byte[] bytes = Files.readAllBytes(p);
                    FuzzContract.holds(bytes, p.getFileName().toString());
                }));
    }
}
