package dev.sonda.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The root {@code sonda} command and its global options. Its subcommands are added by {@link
 * Main#commandLine(String...)}: only the one a command line names, so picocli reflects over one
 * command's options at start-up, or all of them for help, completions and mistakes.
 */
@Command(
        name = "sonda",
        description = "Synthetic telemetry generator",
        mixinStandardHelpOptions = true,
        version = "sonda 0.1.0 (JVM)")
final class SondaCommand {

    @Option(
            names = {"-q", "--quiet"},
            scope = ScopeType.INHERIT,
            description = "Suppress banners, progress and summaries (errors still print).")
    boolean quiet;

    @Option(
            names = {"-v", "--verbose"},
            scope = ScopeType.INHERIT,
            description = "Print the version line and each entry's resolved configuration first.")
    boolean verbose;

    @Option(
            names = "--catalog",
            scope = ScopeType.INHERIT,
            paramLabel = "DIR",
            description = "Catalog directory for @name references and pack: names.")
    java.nio.file.Path catalog;

    @Option(
            names = "--dry-run",
            scope = ScopeType.INHERIT,
            description = "Parse, compile and validate, print the resolved plan, and exit.")
    boolean dryRun;

    @Option(
            names = "--format",
            scope = ScopeType.INHERIT,
            paramLabel = "FORMAT",
            description = "Dry-run output: text (default, stderr) or json (stdout).")
    String format = "text";

    void checkQuietVerbose() {
        if (quiet && verbose) {
            throw new CliException("--quiet and --verbose cannot be used together", 2);
        }
    }
}
