package dev.sonda.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Four {@code sonda run} processes, shards 0/4 to 3/4 (one by {@code --shard}, three by {@code
 * SONDA_SHARD} as a StatefulSet sets it), together write exactly the lines of one unsharded run:
 * the same series with the same values at the same timestamps, none twice.
 */
class ShardProcessesIT {
    @TempDir
    Path tmp;

    private Process sonda(Path out, String shardOption, String shardEnv) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-cp",
                System.getProperty("java.class.path"),
                "dev.sonda.cli.Main",
                "run",
                WorkloadCommandsTest.SHARDS.toString(),
                "--clock",
                "simulated",
                "--start",
                "1700000000000",
                "--duration",
                "3s",
                "-o",
                out.toString(),
                "-q"));
        if (shardOption != null) {
            cmd.add("--shard");
            cmd.add(shardOption);
        }
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.redirectOutput(new File(out + ".log"));
        pb.environment().remove("SONDA_SHARD");
        if (shardEnv != null) {
            pb.environment().put("SONDA_SHARD", shardEnv);
        }
        return pb.start();
    }

    @Test
    void fourShardProcessesTogetherWriteExactlyTheUnshardedRunWithNoSeriesTwice() throws Exception {
        Path whole = tmp.resolve("whole.prom");
        List<Path> parts = new ArrayList<>();
        List<Process> processes = new ArrayList<>();
        processes.add(sonda(whole, null, null));
        for (int i = 0; i < 4; i++) {
            Path part = tmp.resolve("shard-" + i + ".prom");
            parts.add(part);
            processes.add(i == 0 ? sonda(part, "0/4", "3/4") : sonda(part, null, i + "/4"));
        }
        for (Process p : processes) {
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("process finished").isTrue();
            assertThat(p.exitValue()).isZero();
        }

        List<String> expected = Files.readAllLines(whole);
        Set<String> union = new HashSet<>();
        int total = 0;
        for (Path part : parts) {
            List<String> lines = Files.readAllLines(part);
            assertThat(lines).as(part + " is a quarter").hasSize(expected.size() / 4);
            total += lines.size();
            union.addAll(lines);
        }
        assertThat(total).as("no line twice").isEqualTo(union.size());
        assertThat(union).isEqualTo(new HashSet<>(expected));
        // 1500 series per metric, 3 ticks: (1 + 1 + 6) lines per series per tick
        assertThat(expected).hasSize(3 * 1500 * 8);
    }
}
