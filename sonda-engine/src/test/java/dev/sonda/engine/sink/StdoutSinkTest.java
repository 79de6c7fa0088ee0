package dev.sonda.engine.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sonda.api.sink.SinkSpec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StdoutSinkTest {

    /** Records every chunk the sink hands to the stream. */
    static final class Chunks extends OutputStream {
        final List<byte[]> chunks = new ArrayList<>();

        @Override
        public void write(int b) {
            chunks.add(new byte[] {(byte) b});
        }

        @Override
        public void write(byte[] b, int off, int len) {
            chunks.add(Arrays.copyOfRange(b, off, off + len));
        }
    }

    private static byte[] event(int n, int size) {
        byte[] e = new byte[size];
        Arrays.fill(e, (byte) ('a' + n % 26));
        e[size - 1] = '\n';
        return e;
    }

    @Test
    void nothingReachesTheStreamUntilTheBufferFillsOrFlushes() {
        Chunks chunks = new Chunks();
        StdoutSink sink = new StdoutSink(new PrintStream(chunks, false, StandardCharsets.UTF_8));
        byte[] line = "up 1\n".getBytes(StandardCharsets.UTF_8);
        sink.write(line, 0, line.length);
        assertThat(chunks.chunks).isEmpty();
        sink.flush();
        assertThat(chunks.chunks).hasSize(1);
        assertThat(new String(chunks.chunks.get(0), StandardCharsets.UTF_8)).isEqualTo("up 1\n");
    }

    @Test
    void everyChunkHoldsWholeEventsAndLargeEventsGoDirectly() {
        Chunks chunks = new Chunks();
        StdoutSink sink = new StdoutSink(new PrintStream(chunks, false, StandardCharsets.UTF_8));
        Random random = new Random(42);
        List<byte[]> events = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            int size = i % 97 == 0 ? 8_192 + random.nextInt(5_000) : 1 + random.nextInt(700);
            byte[] e = event(i, size);
            events.add(e);
            byte[] padded = new byte[size + 7];
            System.arraycopy(e, 0, padded, 3, size);
            sink.write(padded, 3, size);
        }
        sink.close();

        int next = 0;
        for (byte[] chunk : chunks.chunks) {
            assertThat(chunk.length).isPositive();
            int pos = 0;
            int first = next;
            while (pos < chunk.length) {
                byte[] e = events.get(next++);
                assertThat(Arrays.copyOfRange(chunk, pos, Math.min(chunk.length, pos + e.length)))
                        .as("chunk split event %d", next - 1)
                        .isEqualTo(e);
                pos += e.length;
            }
            if (chunk.length > WriteBuffer.CAPACITY) {
                assertThat(next - first)
                        .as("an oversized chunk is one direct event")
                        .isEqualTo(1);
            }
        }
        assertThat(next).isEqualTo(events.size());
    }

    @Test
    void anEventThatExactlyFillsTheBufferIsBufferedNotDrained() {
        Chunks chunks = new Chunks();
        StdoutSink sink = new StdoutSink(new PrintStream(chunks, false, StandardCharsets.UTF_8));
        byte[] a = event(0, 8_000);
        byte[] b = event(1, 192);
        sink.write(a, 0, a.length);
        sink.write(b, 0, b.length);
        assertThat(chunks.chunks).isEmpty();
        byte[] c = event(2, 1);
        sink.write(c, 0, 1);
        assertThat(chunks.chunks).hasSize(1);
        assertThat(chunks.chunks.get(0)).hasSize(8_192);
    }

    @Test
    void theDefaultConstructorWritesToTheRedirectedSystemOut() {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            ByteSink sink = TestSupport.open(SinkSpec.stdout(), SinkContext.simple("e"));
            byte[] line = "cpu 42\n".getBytes(StandardCharsets.UTF_8);
            sink.write(line, 0, line.length);
            sink.close();
        } finally {
            System.setOut(original);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8)).isEqualTo("cpu 42\n");
    }

    @Test
    void aStreamErrorBecomesASinkErrorOnEveryLaterChunk() {
        OutputStream broken = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("Broken pipe");
            }
        };
        StdoutSink sink = new StdoutSink(new PrintStream(broken, false, StandardCharsets.UTF_8));
        byte[] line = "x\n".getBytes(StandardCharsets.UTF_8);
        sink.write(line, 0, line.length);
        assertThatThrownBy(sink::flush)
                .isInstanceOf(SinkException.class)
                .hasMessage("stdout: write failed (the stream reported an I/O error)");
        sink.write(line, 0, line.length);
        assertThatThrownBy(sink::flush).isInstanceOf(SinkException.class);
    }

    @Test
    void closeFlushesButLeavesTheStreamOpen() {
        Chunks chunks = new Chunks();
        PrintStream out = new PrintStream(chunks, false, StandardCharsets.UTF_8);
        StdoutSink sink = new StdoutSink(out);
        byte[] line = "a\n".getBytes(StandardCharsets.UTF_8);
        sink.write(line, 0, line.length);
        sink.close();
        out.print("after");
        out.flush();
        assertThat(out.checkError()).isFalse();
        assertThat(chunks.chunks).hasSize(2);
    }
}
