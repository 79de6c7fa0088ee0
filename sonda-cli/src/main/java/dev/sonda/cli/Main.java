package dev.sonda.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import picocli.CommandLine;

/**
 * The {@code sonda} command's entry point.
 *
 * <p>Exit codes: 0 success (also a stop by Ctrl+C or SIGTERM), 1 runtime failure (a sink that
 * cannot be opened, an entry failing under {@code on_sink_error: fail}, records dropped by an
 * entry that did not choose {@code on_sink_error: warn} explicitly), 2 invalid input (bad
 * arguments, an invalid scenario file).
 */
public final class Main {
    private Main() {}

    /**
     * Runs the command and exits with its code.
     *
     * @param args command-line arguments
     */
    public static void main(String[] args) {
        if (System.getProperty(CdsTraining.PROPERTY) != null) {
            CdsTraining.run();
            return;
        }
        // Data goes to stdout through the sinks' own 8 KiB buffers; no second buffer, no autoflush.
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8));
        int code = execute(args);
        System.out.flush();
        System.err.flush();
        if (!SignalStop.inProgress()) {
            System.exit(code);
        }
    }

    /**
     * Runs the command without exiting (for tests and embedding).
     *
     * @param args command-line arguments
     * @return the exit code
     */
    public static int execute(String... args) {
        if (System.getProperty(CONVERTER_EXCLUDES) == null) {
            // No option takes a java.sql or java.time type: skip picocli's reflective converters for them.
            System.setProperty(CONVERTER_EXCLUDES, "java\\.sql\\..*,java\\.time\\..*");
        }
        CommandLine cl = commandLine(args);
        cl.setCaseInsensitiveEnumValuesAllowed(false);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof CliException c) {
                commandLine.getErr().println("error: " + c.getMessage());
                return c.exitCode();
            }
            commandLine.getErr().println("error: " + ex);
            return 1;
        });
        cl.setParameterExceptionHandler((ex, args1) -> {
            ex.getCommandLine().getErr().println("error: " + ex.getMessage());
            if (ex instanceof CommandLine.UnmatchedArgumentException u) {
                CommandLine.UnmatchedArgumentException.printSuggestions(
                        u, ex.getCommandLine().getErr());
            }
            ex.getCommandLine().getErr().println("Try 'sonda --help' for more information.");
            return 2;
        });
        return cl.execute(args);
    }

    /** picocli's system property of built-in converters not to register (comma-separated regular expressions). */
    private static final String CONVERTER_EXCLUDES = "picocli.converters.excludes";

    /** The subcommands, in the order help lists them. */
    static final List<String> SUBCOMMANDS = List.of(
            "metrics",
            "logs",
            "run",
            "test",
            "preview",
            "list",
            "show",
            "new",
            "server",
            "fixtures",
            "completions",
            "convert");

    /** Global options that take a value, so the word after them is not the subcommand. */
    private static final List<String> GLOBAL_WITH_VALUE = List.of("--catalog", "--format");

    /**
     * The parser for {@code args}: the root command with only the subcommand the arguments name,
     * alone for {@code --version}, or with every subcommand when they name none, an unknown one,
     * or {@code completions} (which describes them all). Building one command's model instead of nine is most of picocli's
     * start-up cost.
     *
     * @param args command-line arguments
     * @return the parser
     */
    static CommandLine commandLine(String... args) {
        CommandLine cl = new CommandLine(new SondaCommand());
        String named = subcommand(args);
        if (named != null && !named.equals("completions")) {
            cl.addSubcommand(named, create(named));
        } else if (named == null && versionOnly(args)) {
            return cl;
        } else {
            for (String name : SUBCOMMANDS) {
                cl.addSubcommand(name, create(name));
            }
        }
        return cl;
    }

    /** Whether the arguments ask for the version and no help: the root command alone answers. */
    private static boolean versionOnly(String... args) {
        boolean version = false;
        for (String a : args) {
            if (a.equals("-h") || a.equals("--help")) {
                return false;
            }
            version |= a.equals("-V") || a.equals("--version");
        }
        return version;
    }

    /** The known subcommand the arguments name, or null. */
    static String subcommand(String... args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (GLOBAL_WITH_VALUE.contains(a)) {
                i++;
            } else if (!a.startsWith("-")) {
                return SUBCOMMANDS.contains(a) ? a : null;
            }
        }
        return null;
    }

    /** A new instance of a subcommand (a switch, not reflection or lambdas, to keep start-up short). */
    private static Object create(String name) {
        switch (name) {
            case "metrics":
                return new MetricsCommand();
            case "logs":
                return new LogsCommand();
            case "run":
                return new RunCommand();
            case "test":
                return new TestCommand();
            case "preview":
                return new PreviewCommand();
            case "list":
                return new ListCommand();
            case "show":
                return new ShowCommand();
            case "new":
                return new NewCommand();
            case "server":
                return new ServerCommand();
            case "fixtures":
                return new FixturesCommand();
            case "completions":
                return new CompletionsCommand();
            case "convert":
                return new ConvertCommand();
            default:
                throw new IllegalArgumentException("no subcommand " + name);
        }
    }
}
