package dev.sonda.engine.sink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonda.api.sink.SinkSpec;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MemorySinkTest {

    private static void write(ByteSink sink, String text) {
        byte[] b = ("##" + text).getBytes(StandardCharsets.UTF_8);
        sink.write(b, 2, b.length - 2);
    }

    @Test
    void everyByteIsKeptAndReadableAsBytesTextLinesAndEvents() {
        MemorySink sink = (MemorySink) TestSupport.open(SinkSpec.memory(), SinkContext.simple("e"));
        write(sink, "up{a=\"1\"} 1\n");
        write(sink, "up{a=\"2\"} 2\n");
        write(sink, "tail");
        sink.flush();
        sink.close();
        assertThat(new String(sink.bytes(), StandardCharsets.UTF_8)).isEqualTo("up{a=\"1\"} 1\nup{a=\"2\"} 2\ntail");
        assertThat(sink.lines()).containsExactly("up{a=\"1\"} 1", "up{a=\"2\"} 2", "tail");
        assertThat(sink.events()).hasSize(3);
        assertThat(new String(sink.events().get(1), StandardCharsets.UTF_8)).isEqualTo("up{a=\"2\"} 2\n");
        assertThat(sink.eventCount()).isEqualTo(3);
        assertThat(sink.size()).isEqualTo(28);
        sink.clear();
        assertThat(sink.lines()).isEmpty();
        assertThat(sink.bytes()).isEmpty();
    }

    @Test
    void readsWhileAnotherThreadWritesSeeWholeEvents() throws Exception {
        MemorySink sink = new MemorySink();
        byte[] line = "0123456789\n".getBytes(StandardCharsets.UTF_8);
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < 50_000; i++) {
                sink.write(line, 0, line.length);
            }
        });
        while (!writer.isDone()) {
            assertThat(sink.size() % line.length).isZero();
            assertThat(sink.lines()).allMatch("0123456789"::equals);
        }
        writer.get(30, TimeUnit.SECONDS);
        assertThat(sink.eventCount()).isEqualTo(50_000);
        assertThat(sink.size()).isEqualTo(50_000 * line.length);
    }
}
