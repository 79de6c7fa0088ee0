package dev.sonda.engine.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonda.api.Offset;
import dev.sonda.api.ScenarioPlan;
import dev.sonda.api.trace.Fault;
import dev.sonda.engine.Clock;
import dev.sonda.engine.Run;
import dev.sonda.engine.RunOptions;
import dev.sonda.engine.Sonda;
import dev.sonda.engine.sink.ByteSink;
import dev.sonda.engine.sink.EncodingSink;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DeterminismTest {

    private static byte[] ndjson(long seed) throws InterruptedException {
        ScenarioPlan plan = Graphs.shop(seed)
                .circuitBreaker(3, Duration.ofSeconds(1))
                .fault(Fault.on("db")
                        .between(Offset.percent(20), Offset.percent(50))
                        .withErrorRate(0.5))
                .logs()
                .redMetrics(Duration.ofSeconds(5))
                .buildPlan();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteSink bytes = new ByteSink() {
            @Override
            public void write(byte[] buf, int off, int len) {
                out.write(buf, off, len);
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        RunOptions options = RunOptions.defaults()
                .withClock(Clock.simulated(Capture.START))
                .withSinkFactory((e, c) -> EncodingSink.of(bytes, c));
        try (Run run = Sonda.start(plan, options)) {
            run.join();
        }
        return out.toByteArray();
    }

    @Test
    void theSameSeedGivesTheSameBytesAndAnotherSeedOthers() throws InterruptedException {
        byte[] first = ndjson(99);

        assertThat(first.length).isGreaterThan(1_000_000);
        assertThat(ndjson(99)).isEqualTo(first);
        assertThat(ndjson(100)).isNotEqualTo(first);
    }
}
