package dev.sonda.bench;

import java.lang.management.ManagementFactory;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * A JMH profiler ({@code -prof dev.sonda.bench.CpuProfiler}) that normalises throughput by the CPU
 * the benchmark actually got, for machines shared with other work.
 *
 * <p>Around each iteration it reads the fork's process CPU time and the wall time, and reports two
 * secondary results:
 *
 * <ul>
 *   <li>{@code cpu.cores}: process CPU time over wall time, the number of cores the fork used
 *       (1.0 for a single-threaded benchmark on an idle machine; less when other processes took
 *       the CPU away; a little more when the JIT compiler or the GC ran alongside);
 *   <li>{@code per.cpu.core}: the iteration's score divided by {@code cpu.cores}, the throughput
 *       per second of CPU time, in the score's unit.
 * </ul>
 *
 * <p>On a loaded machine the primary score measures the share of a core the benchmark was given
 * as much as the code; {@code per.cpu.core} removes most of that (not the cache and frequency
 * effects of sharing). Process CPU time includes the JIT and GC threads, so the figure is slightly
 * conservative.
 */
public final class CpuProfiler implements InternalProfiler {
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private long cpuStart;
    private long wallStart;

    /** Creates the profiler; JMH calls it in each fork. */
    public CpuProfiler() {}

    /**
     * Describes the profiler for {@code -lprof}.
     *
     * @return a one-line description
     */
    @Override
    public String getDescription() {
        return "Process CPU time per iteration: cores used and throughput per CPU core";
    }

    /**
     * Reads the process CPU time and the wall time before an iteration.
     *
     * @param benchmarkParams the benchmark's parameters
     * @param iterationParams the iteration's parameters
     */
    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        cpuStart = os.getProcessCpuTime();
        wallStart = System.nanoTime();
    }

    /**
     * Reports {@code cpu.cores} and {@code per.cpu.core} for the iteration that just ended.
     *
     * @param benchmarkParams the benchmark's parameters
     * @param iterationParams the iteration's parameters
     * @param result the iteration's result, whose primary score is normalised
     * @return the two results, or none if the clocks did not advance
     */
    @Override
    public List<? extends Result<?>> afterIteration(
            BenchmarkParams benchmarkParams, IterationParams iterationParams, IterationResult result) {
        long wall = System.nanoTime() - wallStart;
        long cpu = os.getProcessCpuTime() - cpuStart;
        if (wall <= 0 || cpu <= 0) {
            return List.of();
        }
        double cores = (double) cpu / wall;
        double score = result.getPrimaryResult().getScore();
        return List.of(
                new ScalarResult("cpu.cores", cores, "cores", AggregationPolicy.AVG),
                new ScalarResult("per.cpu.core", score / cores, result.getScoreUnit(), AggregationPolicy.AVG));
    }
}
