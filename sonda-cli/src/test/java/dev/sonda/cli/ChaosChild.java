package dev.sonda.cli;

import dev.sonda.engine.Run;
import dev.sonda.engine.RunStats;
import dev.sonda.engine.Sonda;
import dev.sonda.yaml.ScenarioLoader;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * The chaos test's embedding application: starts a scenario with the library API, closes the run
 * from a JVM shutdown hook (as an application embedding Sonda does), and ends the JVM with {@code
 * System.exit} after the given delay, a random moment of the run. The hook prints the final stats
 * as {@code records=N delivered=N dropped=N events=N} on standard output.
 */
public final class ChaosChild {
    private ChaosChild() {}

    /**
     * Runs the child.
     *
     * @param args the scenario file, then the delay before {@code System.exit} in milliseconds
     */
    public static void main(String[] args) {
        AtomicReference<Run> running = new AtomicReference<>();
        CountDownLatch started = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                started.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Run run = running.get();
            if (run == null) {
                System.out.println("not started");
                return;
            }
            run.close();
            RunStats s = run.stats();
            System.out.println("records=" + s.records() + " delivered=" + s.delivered() + " dropped=" + s.dropped()
                    + " events=" + s.events());
            System.out.flush();
        }));
        try {
            running.set(Sonda.start(ScenarioLoader.load(Path.of(args[0]))));
        } finally {
            started.countDown();
        }
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(Long.parseLong(args[1])));
        System.exit(0);
    }
}
