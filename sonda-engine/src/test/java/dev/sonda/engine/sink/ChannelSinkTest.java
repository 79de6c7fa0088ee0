package dev.sonda.engine.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ChannelSinkTest {
    private final ExecutorService pool = Executors.newCachedThreadPool();

    @AfterEach
    void shutdown() {
        pool.shutdownNow();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] b) {
        return b == null ? null : new String(b, StandardCharsets.UTF_8);
    }

    @Test
    void eachWriteEnqueuesACopy() throws InterruptedException {
        ChannelSink sink = new ChannelSink(4);
        byte[] buf = bytes("__a\n");
        sink.write(buf, 2, 2);
        buf[2] = 'z';
        sink.write(buf, 2, 2);
        assertThat(text(sink.receiver().take())).isEqualTo("a\n");
        assertThat(text(sink.receiver().take())).isEqualTo("z\n");
        assertThat(sink.receiver().poll()).isNull();
    }

    @Test
    void aFullQueueBlocksTheWriterUntilTheConsumerTakes() throws Exception {
        ChannelSink sink = new ChannelSink(2);
        sink.write(bytes("1"), 0, 1);
        sink.write(bytes("2"), 0, 1);
        AtomicReference<Thread> writerThread = new AtomicReference<>();
        Future<?> third = pool.submit(() -> {
            writerThread.set(Thread.currentThread());
            sink.write(bytes("3"), 0, 1);
        });
        assertThat(TestSupport.pollUntil(
                        Duration.ofSeconds(10),
                        () -> writerThread.get() != null && writerThread.get().getState() == Thread.State.WAITING))
                .as("the third write blocks")
                .isTrue();
        assertThat(third.isDone()).isFalse();
        assertThat(text(sink.receiver().take())).isEqualTo("1");
        third.get(10, TimeUnit.SECONDS);
        assertThat(text(sink.receiver().take())).isEqualTo("2");
        assertThat(text(sink.receiver().take())).isEqualTo("3");
    }

    @Test
    void closingTheReceiverWakesABlockedWriterWithASinkError() throws Exception {
        ChannelSink sink = new ChannelSink(1);
        sink.write(bytes("1"), 0, 1);
        AtomicReference<Thread> writerThread = new AtomicReference<>();
        Future<?> blocked = pool.submit(() -> {
            writerThread.set(Thread.currentThread());
            sink.write(bytes("2"), 0, 1);
        });
        assertThat(TestSupport.pollUntil(
                        Duration.ofSeconds(10),
                        () -> writerThread.get() != null && writerThread.get().getState() == Thread.State.WAITING))
                .isTrue();
        sink.receiver().close();
        assertThatThrownBy(() -> blocked.get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(SinkException.class)
                .hasRootCauseMessage("sending on a closed channel");
        assertThatThrownBy(() -> sink.write(bytes("3"), 0, 1))
                .isInstanceOf(SinkException.class)
                .hasMessage("sending on a closed channel");
        assertThat(sink.receiver().isFinished()).isTrue();
    }

    @Test
    void closingTheSinkLetsTheReceiverDrainThenSeeTheEnd() throws InterruptedException {
        ChannelSink sink = new ChannelSink(8);
        sink.write(bytes("a"), 0, 1);
        sink.write(bytes("b"), 0, 1);
        sink.flush();
        sink.close();
        assertThat(sink.receiver().isFinished()).isFalse();
        List<byte[]> drained = new ArrayList<>();
        assertThat(sink.receiver().drainTo(drained)).isEqualTo(2);
        assertThat(sink.receiver().take()).isNull();
        assertThat(sink.receiver().poll(1, TimeUnit.MILLISECONDS)).isNull();
        assertThat(sink.receiver().isFinished()).isTrue();
    }

    @Test
    void pollTimesOutWhenNothingArrives() throws InterruptedException {
        ChannelSink sink = new ChannelSink(1);
        assertThat(sink.receiver().poll(5, TimeUnit.MILLISECONDS)).isNull();
        assertThat(sink.receiver().isFinished()).isFalse();
    }

    @Test
    void capacityMustBePositive() {
        assertThatThrownBy(() -> new ChannelSink(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("channel capacity must be at least 1, got 0");
    }
}
