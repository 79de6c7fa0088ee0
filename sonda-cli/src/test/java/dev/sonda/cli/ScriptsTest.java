package dev.sonda.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The repository's shell scripts a user runs from the README and docs parse: a merge that leaves a
 * stray line in one would otherwise be found only when someone types {@code ./bench}.
 */
class ScriptsTest {

    @ParameterizedTest
    @ValueSource(strings = {"sonda", "bench", ".ci/run", ".ci/backends.sh"})
    void theScriptParsesAsBash(String script) throws IOException, InterruptedException {
        Path file = Path.of("..", script);
        assertThat(file).isRegularFile();
        Process bash = new ProcessBuilder("bash", "-n", file.toString())
                .redirectErrorStream(true)
                .start();
        assertThat(bash.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(bash.exitValue()).as(output).isZero();
        assertThat(Files.isExecutable(file)).as("%s is executable", script).isTrue();
    }
}
