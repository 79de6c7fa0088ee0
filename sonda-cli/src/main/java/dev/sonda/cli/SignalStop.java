package dev.sonda.cli;

import dev.sonda.engine.Run;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Stops a run cleanly on Ctrl+C (SIGINT) and SIGTERM: the JVM runs this shutdown hook, which stops
 * the run (every sink is flushed), lets the command print its stop banners and summary, and ends
 * the process with the command's exit code: 0, or 1 when an entry failed or records were dropped
 * ({@link RunVerdict}).
 *
 * <p>The hook is installed before the run starts ({@link #install()}, then {@link #watch}), so a
 * signal that arrives while the run is starting still waits for it and flushes it: there is no
 * moment at which a started run can be ended without its sinks being flushed.
 */
final class SignalStop {
    private static volatile boolean inProgress;
    private static volatile boolean signalOverride;
    private static volatile int signalExitCode;
    private static volatile String signalMessage;

    private final Thread hook;
    private final CountDownLatch watched = new CountDownLatch(1);
    private final CountDownLatch reported = new CountDownLatch(1);
    private volatile Run run;
    private volatile int exitCode;

    private SignalStop() {
        this.hook = new Thread(
                () -> {
                    inProgress = true;
                    try {
                        watched.await(10, TimeUnit.SECONDS);
                        Run r = run;
                        if (r != null) {
                            r.stop();
                            r.await(java.time.Duration.ofSeconds(30));
                        }
                        reported.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    if (signalMessage != null) {
                        System.err.println(signalMessage);
                    }
                    System.out.flush();
                    System.err.flush();
                    Runtime.getRuntime().halt(signalOverride ? signalExitCode : exitCode);
                },
                "sonda-signal-stop");
    }

    /**
     * What a signal stop ends with, for commands where a stopped run is a failure ({@code sonda
     * test}): the exit code and a line printed on stderr, in place of the command's own exit code.
     * Default: the command's exit code and nothing.
     *
     * @param exitCode the exit code of a signalled process
     * @param message the line printed on stderr, or null
     */
    static void onSignal(int exitCode, String message) {
        signalExitCode = exitCode;
        signalMessage = message;
        signalOverride = true;
    }

    /** Installs the hook; call before the run starts, then {@link #watch} it. */
    static SignalStop install() {
        SignalStop s = new SignalStop();
        Runtime.getRuntime().addShutdownHook(s.hook);
        return s;
    }

    /**
     * The run a signal stops, once it has started.
     *
     * @param run the run
     */
    void watch(Run run) {
        this.run = run;
        watched.countDown();
    }

    /**
     * The command finished reporting; removes the hook, or releases it if a signal came.
     *
     * @param exitCode the command's exit code, with which a signalled process ends
     */
    void reported(int exitCode) {
        this.exitCode = exitCode;
        watched.countDown();
        reported.countDown();
        if (!inProgress) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // shutdown already started: the hook is running and will halt
            }
        }
    }

    /** Whether a signal stop is under way (then the command must not call System.exit). */
    static boolean inProgress() {
        return inProgress;
    }
}
