package dev.sonda.bench;

import dev.sonda.api.ScenarioPlan;
import dev.sonda.api.workload.Endpoint;
import dev.sonda.api.workload.Push;
import dev.sonda.engine.Run;
import dev.sonda.engine.RunOptions;
import dev.sonda.engine.Sonda;
import dev.sonda.testing.BackendProcess;
import dev.sonda.testing.Net;
import dev.sonda.workload.WorkloadServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * A real Prometheus (Debian {@code prometheus}, {@code /usr/bin/prometheus}) scraping a workload of
 * {@code --series N} series (default 100,000: a 3-label profile of N/2 combinations spanned by a
 * Poisson counter and a random-walk gauge, one tick a second) every {@code --interval} seconds
 * (default 15) for {@code --minutes M} minutes (default 3). Prints what Prometheus recorded about
 * its own scrapes: how many, whether any failed ({@code up}), {@code scrape_duration_seconds} (last,
 * average, maximum) and {@code scrape_samples_scraped}. A manual harness, not a CI test.
 */
public final class WorkloadPrometheusBench {
    private WorkloadPrometheusBench() {}

    /**
     * Runs the benchmark.
     *
     * @param args the options
     * @throws Exception on any failure
     */
    public static void main(String[] args) throws Exception {
        long series = 100_000;
        int interval = 15;
        int minutes = 3;
        String binary = "/usr/bin/prometheus";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--series" -> series = Long.parseLong(args[++i]);
                case "--interval" -> interval = Integer.parseInt(args[++i]);
                case "--minutes" -> minutes = Integer.parseInt(args[++i]);
                case "--binary" -> binary = args[++i];
                default -> {
                    System.err.println(
                            "usage: WorkloadPrometheusBench [--series N] [--interval S] [--minutes M] [--binary PATH]");
                    System.exit(2);
                }
            }
        }
        Path dir = Files.createTempDirectory("sonda-workload-prom");
        int scrapePort = Net.freePort();
        int promPort = Net.freePort();
        String base = "http://127.0.0.1:" + promPort;
        ScenarioPlan plan = WorkloadBench.workload(series)
                .scrape(new Endpoint("127.0.0.1", scrapePort, "prom_", false))
                .push(Push.NONE)
                .buildPlan();
        Files.writeString(
                dir.resolve("prometheus.yml"),
                """
                global:
                  scrape_interval: %ds
                  scrape_timeout: %ds
                scrape_configs:
                  - job_name: workload
                    static_configs:
                      - targets: ['127.0.0.1:%d']
                """
                        .formatted(interval, Math.min(interval, 10), scrapePort));
        BackendProcess prometheus = BackendProcess.start(
                List.of(
                        binary,
                        "--config.file=" + dir.resolve("prometheus.yml"),
                        "--storage.tsdb.path=" + dir.resolve("data"),
                        "--web.listen-address=127.0.0.1:" + promPort),
                dir.resolve("prometheus.log"));
        try (Run run = Sonda.start(plan, RunOptions.defaults());
                WorkloadServer server = WorkloadServer.start(run, null)) {
            prometheus.awaitHealthy(base + "/-/ready", Duration.ofSeconds(30));
            System.out.printf(
                    "workload of %,d series on %s; Prometheus scraping every %d s for %d min%n",
                    Sonda.compile(plan).entries().get(0).runtime().workload().totalSeries(),
                    server.scrapeAddress("bench"),
                    interval,
                    minutes);
            long end = System.nanoTime() + Duration.ofMinutes(minutes).toNanos();
            while (System.nanoTime() < end) {
                LockSupport.parkNanos(Duration.ofSeconds(10).toNanos());
                System.out.println("  " + value(base, "scrape_duration_seconds") + " s last scrape, "
                        + value(base, "scrape_samples_scraped") + " samples");
            }
            String range = minutes + "m";
            System.out.println("scrapes:                  " + value(base, "count_over_time(up[" + range + "])"));
            System.out.println("min(up):                  " + value(base, "min_over_time(up[" + range + "])"));
            System.out.println("scrape_duration_seconds:  last " + value(base, "scrape_duration_seconds")
                    + ", avg " + value(base, "avg_over_time(scrape_duration_seconds[" + range + "])")
                    + ", max " + value(base, "max_over_time(scrape_duration_seconds[" + range + "])"));
            System.out.println("scrape_samples_scraped:   " + value(base, "scrape_samples_scraped"));
        } finally {
            prometheus.stop();
        }
    }

    /** The first value of an instant query, as text. */
    private static String value(String base, String query) throws Exception {
        String body = BackendProcess.get(
                        base + "/api/v1/query?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8))
                .body();
        int at = body.indexOf("\"value\":[");
        if (at < 0) {
            return "(none)";
        }
        int open = body.indexOf(",\"", at);
        return body.substring(open + 2, body.indexOf('"', open + 2));
    }
}
