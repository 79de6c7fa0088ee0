package dev.sonda.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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
        CommandLine cl = new CommandLine(new SondaCommand());
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
            ex.getCommandLine().getErr().println("Try 'sonda --help' for more information.");
            return 2;
        });
        return cl.execute(args);
    }
}
