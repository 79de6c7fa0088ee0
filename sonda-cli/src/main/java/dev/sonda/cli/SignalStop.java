package dev.sonda.cli;

import dev.sonda.engine.Run;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Stops a run cleanly on Ctrl+C (SIGINT) and SIGTERM: the JVM runs this shutdown hook, which stops
 * the run (every sink is flushed), lets the command print its stop banners and summary, and ends
 * the process with the command's exit code: 0, or 1 when an entry failed or records were dropped
 * ({@link RunVerdict}).
 */
final class SignalStop {
    private static volatile boolean inProgress;

    private final Thread hook;
    private final CountDownLatch reported = new CountDownLatch(1);
    private volatile int exitCode;

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
                    System.out.flush();
                    System.err.flush();
                    Runtime.getRuntime().halt(exitCode);
                },
                "sonda-signal-stop");
    }

    /** Installs the hook for {@code run}. */
    static SignalStop install(Run run) {
        SignalStop s = new SignalStop(run);
        Runtime.getRuntime().addShutdownHook(s.hook);
        return s;
    }

    /**
     * The command finished reporting; removes the hook, or releases it if a signal came.
     *
     * @param exitCode the command's exit code, with which a signalled process ends
     */
    void reported(int exitCode) {
        this.exitCode = exitCode;
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
