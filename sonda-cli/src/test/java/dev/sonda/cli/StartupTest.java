package dev.sonda.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What keeps the command's start-up short: one subcommand's model, and a training run that still works. */
class StartupTest extends CapturedConsole {

    @Test
    void onlyTheNamedSubcommandIsBuiltSkippingGlobalOptionsAndTheirValues() {
        assertThat(Main.commandLine("run", "x.yaml").getSubcommands()).containsOnlyKeys("run");
        assertThat(Main.commandLine("-q", "--catalog", "run", "list").getSubcommands())
                .containsOnlyKeys("list");
        assertThat(Main.commandLine("--format", "json", "--dry-run", "test", "f")
                        .getSubcommands())
                .containsOnlyKeys("test");
    }

    @Test
    void theVersionNeedsNoSubcommand() {
        assertThat(Main.commandLine("--version").getSubcommands()).isEmpty();
        assertThat(Main.execute("-V")).isZero();
        assertThat(stdout()).isEqualTo("sonda 0.1.0 (JVM)\n");
    }

    @Test
    void helpCompletionsAndUnknownWordsGetEverySubcommand() {
        assertThat(Main.commandLine("--help").getSubcommands().keySet()).containsExactlyElementsOf(Main.SUBCOMMANDS);
        assertThat(Main.commandLine("-V", "--help").getSubcommands().keySet())
                .containsExactlyElementsOf(Main.SUBCOMMANDS);
        assertThat(Main.commandLine("completions", "bash").getSubcommands().keySet())
                .containsExactlyElementsOf(Main.SUBCOMMANDS);
        assertThat(Main.commandLine("rnu", "x.yaml").getSubcommands().keySet())
                .containsExactlyElementsOf(Main.SUBCOMMANDS);
    }

    @Test
    void aMistypedSubcommandIsStillAnsweredWithTheKnownOnes() {
        assertThat(Main.execute("runn", "x.yaml")).isEqualTo(2);
        assertThat(stderr()).contains("Unmatched argument").contains("Did you mean: sonda run?");
    }

    @Test
    void everyCommandOfTheClassDataSharingTrainingRunSucceedsAndPrintsNothing() {
        assertThat(CdsTraining.run()).hasSize(5).containsOnly(0);
        assertThat(stdout()).isEmpty();
        assertThat(stderr()).isEmpty();
    }
}
