package dev.sonda.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sonda completions}: the bash script is run by a real bash (the machine's {@code
 * /bin/bash}) to complete partial command lines; fish and zsh scripts are checked for the lines
 * their shells read.
 */
class CompletionsCommandTest extends CapturedConsole {
    @TempDir
    Path tmp;

    /** What bash completes for the words, with the script sourced. */
    private List<String> bashCompletes(String script, String... words) throws IOException, InterruptedException {
        Path bash = Path.of("/bin/bash");
        assumeTrue(Files.isExecutable(bash), "needs /bin/bash");
        Path file = tmp.resolve("sonda.bash");
        Files.writeString(file, script);
        String line = String.join(" ", words);
        String program = "source '" + file + "' 2>/dev/null; COMP_WORDS=(" + line + "); COMP_CWORD="
                + (words.length - 1) + "; COMP_LINE='" + line + "'; COMP_POINT=${#COMP_LINE}; _complete_sonda"
                + " 2>/dev/null; printf '%s\\n' \"${COMPREPLY[@]}\"";
        Process p = new ProcessBuilder(bash.toString(), "--norc", "-c", program)
                .redirectErrorStream(true)
                .start();
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                .lines()
                .filter(l -> !l.isBlank())
                .toList();
    }

    @Test
    void theBashScriptCompletesSubcommandsOptionsAndRegistryTypes() throws Exception {
        assertThat(sonda("completions", "bash")).isZero();
        String script = stdout();

        assertThat(bashCompletes(script, "sonda", "me")).containsExactly("metrics");
        assertThat(bashCompletes(script, "sonda", "metrics", "--value-m")).containsExactly("--value-mode");
        assertThat(bashCompletes(script, "sonda", "run", "--sink", "ht")).containsExactly("http_push");
        assertThat(bashCompletes(script, "sonda", "logs", "--mode", "re")).containsExactly("replay");
    }

    @Test
    void theZshScriptLoadsTheBashScriptThroughBashcompinit() {
        assertThat(sonda("completions", "zsh")).isZero();

        assertThat(stdout())
                .startsWith("#compdef sonda\n")
                .contains("autoload -U +X bashcompinit && bashcompinit\n")
                .contains("complete -F _complete_sonda");
    }

    @Test
    void theFishScriptHasALinePerSubcommandAndTheRegistrysTypesForSink() {
        assertThat(sonda("completions", "fish")).isZero();
        List<String> lines = stdoutLines();

        for (String sub : List.of("metrics", "logs", "run", "list", "show", "new", "completions")) {
            assertThat(lines)
                    .anyMatch(l -> l.startsWith("complete -c sonda -n __fish_use_subcommand -a " + sub + " -d '"));
        }
        var sinks = dev.sonda.api.spi.SpecRegistry.defaults().names(dev.sonda.api.spi.SpecKind.SINK);
        assertThat(sinks).contains("file", "http_push", "stdout", "tcp", "udp");
        assertThat(lines)
                .contains("complete -c sonda -n '__fish_seen_subcommand_from run' -l sink -x -a '"
                        + String.join(" ", sinks) + "' -d 'The sink: " + String.join(", ", sinks) + ".'")
                .anyMatch(l ->
                        l.startsWith("complete -c sonda -n '__fish_seen_subcommand_from metrics' -l scenario -r -F"));
    }

    @Test
    void anotherShellExitsWith2AndPrintsNothingOnStdout() {
        assertThat(sonda("completions", "powershell")).isEqualTo(2);
        assertThat(stdout()).isEmpty();
        assertThat(stderr()).contains("error: unsupported shell \"powershell\": expected one of bash, zsh, fish");
    }
}
