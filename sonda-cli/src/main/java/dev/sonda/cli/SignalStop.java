package dev.sonda.cli;

import dev.sonda.engine.Run;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Stops a run cleanly on Ctrl+C (SIGINT) and SIGTERM: the JVM runs this shutdown hook, which stops
 * the run (every sink is flushed), lets the command print its stop banners and summary, and ends
 * the process with exit code 0.
 */
final class SignalStop {
    private static volatile boolean inProgress;
    private static volatile int signalExitCode;
    private static volatile String signalMessage;

    private final Thread hook;
    private final CountDownLatch reported = new CountDownLatch(1);

    private SignalStop(Run run) {
        this.hook = new Thread(
                () -> {
                    inProgress = true;
                    run.stop();
                    try {
                        run.await(java.time.Duration.ofSeconds(30));
                        reported.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    if (signalMessage != null) {
                        System.err.println(signalMessage);
                    }
                    System.out.flush();
                    System.err.flush();
                    Runtime.getRuntime().halt(signalExitCode);
                },
                "sonda-signal-stop");
    }

    /**
     * What a signal stop ends with, for commands where a stopped run is a failure ({@code sonda
     * test}): the exit code and a line printed on stderr. Default: 0 and nothing.
     */
    static void onSignal(int exitCode, String message) {
        signalExitCode = exitCode;
        signalMessage = message;
    }

    /** Installs the hook for {@code run}. */
    static SignalStop install(Run run) {
        SignalStop s = new SignalStop(run);
        Runtime.getRuntime().addShutdownHook(s.hook);
        return s;
    }

    /** The command finished reporting; removes the hook, or releases it if a signal came. */
    void reported() {
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
