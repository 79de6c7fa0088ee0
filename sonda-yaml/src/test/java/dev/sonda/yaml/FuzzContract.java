package dev.sonda.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.sonda.api.ScenarioPlan;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What loading any input must end in, shared by the fuzz property and its regression files: within
 * one second, a plan or a {@link ScenarioParseException} whose every problem has a line and column
 * of at least 1; never another exception, a hang or an {@link OutOfMemoryError}.
 */
final class FuzzContract {
    private FuzzContract() {}

    /** One second per input: the bound the issue sets for refusing hostile input. */
    static final Duration BOUND = Duration.ofSeconds(1);

    /** The environment inputs see: two set variables, every other one unset. */
    static final Function<String, String> ENV = Map.of("HOME", "/home/fuzz", "RATE", "5")::get;

    /**
     * Loads {@code bytes} through the stream entry point and checks the outcome.
     *
     * @param bytes the input
     * @param describe what the input is, for the failure message
     * @return how it ended: {@code plan}, {@code problems}, or {@code refused by LoadLimits.x}
     */
    static String holds(byte[] bytes, String describe) {
        Object outcome = assertTimeoutPreemptively(
                BOUND,
                () -> {
                    try {
                        return ScenarioLoader.load(
                                new ByteArrayInputStream(bytes), "fuzz.yaml", ENV, LoadLimits.defaults());
                    } catch (ScenarioParseException e) {
                        return e;
                    }
                },
                () -> "loading took over " + BOUND.toMillis() + " ms: " + describe);
        if (outcome instanceof ScenarioParseException e) {
            assertThat(e.located()).as(describe).isNotEmpty();
            assertThat(e.located()).as(describe).allSatisfy(p -> {
                assertThat(p.line()).isGreaterThanOrEqualTo(1);
                assertThat(p.column()).isGreaterThanOrEqualTo(1);
                assertThat(p.problem().message()).isNotBlank();
            });
            Matcher limit = LIMIT.matcher(e.getMessage());
            return limit.find() ? "refused by " + limit.group(1) : "problems";
        }
        assertThat(outcome).as(describe).isInstanceOf(ScenarioPlan.class);
        return "plan";
    }

    /** A limit's name as messages give it. */
    private static final Pattern LIMIT = Pattern.compile("\\((LoadLimits\\.\\w+)\\)");

    /**
     * The files of a test-resources folder, sorted by name.
     *
     * @param folder such as {@code /fuzz/seeds}
     * @param suffix the file names' ending, such as {@code .yaml}
     * @return the paths
     */
    static List<Path> files(String folder, String suffix) {
        try (Stream<Path> list =
                Files.list(Path.of(FuzzContract.class.getResource(folder).toURI()))) {
            return list.filter(p -> p.getFileName().toString().endsWith(suffix))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
