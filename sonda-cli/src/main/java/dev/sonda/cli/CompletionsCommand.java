package dev.sonda.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sonda completions bash|zsh|fish}: a completion script generated from the real parser
 * (§2.11), on stdout. Bash is picocli's {@link AutoComplete} script; zsh loads the same script
 * through {@code bashcompinit}; fish gets {@code complete} lines for every subcommand and option,
 * with the registry's type names for {@code --sink}, {@code --encoder}, {@code --value-mode} and
 * {@code --mode}. Another shell exits with code 2 and prints nothing on stdout.
 */
@Command(
        name = "completions",
        description = "Print a shell completion script: bash, zsh or fish.",
        mixinStandardHelpOptions = true)
final class CompletionsCommand implements Callable<Integer> {
    static final List<String> SHELLS = List.of("bash", "zsh", "fish");

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SHELL", description = "bash, zsh or fish.")
    String shell;

    @Override
    public Integer call() {
        CommandLine root = spec.root().commandLine();
        String script =
                switch (shell) {
                    case "bash" -> AutoComplete.bash("sonda", root);
                    case "zsh" -> zsh(root);
                    case "fish" -> fish(root.getCommandSpec());
                    default -> throw new CliException(
                            "unsupported shell \"" + shell + "\": expected one of " + String.join(", ", SHELLS), 2);
                };
        System.out.print(script);
        System.out.flush();
        return 0;
    }

    /** The bash script, loaded by zsh's bash completion emulation. */
    static String zsh(CommandLine root) {
        return "#compdef sonda\n"
                + "# zsh completion for sonda: load it with  source <(sonda completions zsh)\n"
                + "autoload -U +X compinit && compinit\n"
                + "autoload -U +X bashcompinit && bashcompinit\n"
                + AutoComplete.bash("sonda", root);
    }

    /** {@code complete} lines for fish: subcommands, then each command's options. */
    static String fish(CommandSpec root) {
        StringBuilder b = new StringBuilder(
                "# fish completion for sonda: sonda completions fish > ~/.config/fish/completions/sonda.fish\n");
        b.append("complete -c sonda -f\n");
        List<String> names = new ArrayList<>(root.subcommands().keySet());
        for (String name : names) {
            CommandSpec sub = root.subcommands().get(name).getCommandSpec();
            b.append("complete -c sonda -n __fish_use_subcommand -a ")
                    .append(name)
                    .append(" -d ")
                    .append(quote(first(sub.usageMessage().description())))
                    .append('\n');
        }
        for (OptionSpec o : root.options()) {
            b.append(option(o, null));
        }
        for (String name : names) {
            CommandSpec sub = root.subcommands().get(name).getCommandSpec();
            for (OptionSpec o : sub.options()) {
                if (!o.inherited()) {
                    b.append(option(o, name));
                }
            }
            if (!sub.positionalParameters().isEmpty()) {
                b.append("complete -c sonda -n '__fish_seen_subcommand_from ")
                        .append(name)
                        .append("' -F\n");
            }
        }
        return b.toString();
    }

    private static String option(OptionSpec o, String subcommand) {
        StringBuilder b = new StringBuilder("complete -c sonda");
        if (subcommand != null) {
            b.append(" -n '__fish_seen_subcommand_from ").append(subcommand).append('\'');
        }
        for (String n : o.names()) {
            if (n.startsWith("--")) {
                b.append(" -l ").append(n.substring(2));
            } else if (n.startsWith("-") && n.length() == 2) {
                b.append(" -s ").append(n.charAt(1));
            }
        }
        if (o.arity().max() > 0) {
            List<String> candidates = new ArrayList<>();
            if (o.completionCandidates() != null) {
                o.completionCandidates().forEach(candidates::add);
            }
            if (!candidates.isEmpty()) {
                b.append(" -x -a ").append(quote(String.join(" ", candidates)));
            } else if (o.paramLabel().toUpperCase(Locale.ROOT).matches("FILE|PATH|DIR|SCENARIO|OUT\\.SVG")) {
                b.append(" -r -F");
            } else {
                b.append(" -x");
            }
        }
        b.append(" -d ").append(quote(first(o.description()))).append('\n');
        return b.toString();
    }

    private static String first(String[] description) {
        return description.length == 0 ? "" : description[0].replaceAll("\\$\\{[^}]*}", "…");
    }

    private static String quote(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
