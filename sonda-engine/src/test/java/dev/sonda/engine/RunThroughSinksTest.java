package dev.sonda.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.sonda.api.Scenario;
import dev.sonda.api.ScenarioPlan;
import dev.sonda.api.sink.SinkSpec;
import dev.sonda.engine.sink.ChannelSink;
import dev.sonda.engine.sink.EncodingSink;
import dev.sonda.engine.sink.MemorySink;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The same plan runs on both clocks through every core sink, every event arrives, and the run's
 * stats count every record delivered.
 */
class RunThroughSinksTest {
    private static final int EVENTS = 20;

    @TempDir
    Path tmp;

    private static ScenarioPlan plan(SinkSpec sink) {
        // 200 events/s for 100 ms: 20 events, a fraction of a second on the system clock
        return Scenario.metrics("m")
                .rate(200)
                .duration("100ms")
                .step(1)
                .sink(sink)
                .buildPlan();
    }

    private static RunOptions options(boolean simulated) {
        return simulated
                ? RunOptions.defaults().withClock(Clock.simulated(Instant.ofEpochSecond(1_700_000_000)))
                : RunOptions.defaults();
    }

    private static void run(ScenarioPlan plan, RunOptions options) throws InterruptedException {
        try (Run run = Sonda.start(plan, options)) {
            RunStats stats = run.join();
            assertThat(stats.events()).isEqualTo(EVENTS);
            assertThat(stats.errors()).isZero();
            assertThat(stats.records()).as("records handed to the sink").isEqualTo(EVENTS);
            assertThat(stats.delivered()).as("records the receiver took").isEqualTo(EVENTS);
            assertThat(stats.dropped()).isZero();
        }
    }

    private static void assertLines(List<String> lines) {
        assertThat(lines).hasSize(EVENTS);
        for (int i = 0; i < EVENTS; i++) {
            assertThat(lines.get(i)).startsWith("m " + i + " ");
        }
    }

    @ParameterizedTest(name = "simulated={0}")
    @ValueSource(booleans = {true, false})
    void stdout(boolean simulated) throws Exception {
        PrintStream saved = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            run(plan(SinkSpec.stdout()), options(simulated));
        } finally {
            System.setOut(saved);
        }
        assertLines(out.toString(StandardCharsets.UTF_8).lines().toList());
    }

    @ParameterizedTest(name = "simulated={0}")
    @ValueSource(booleans = {true, false})
    void file(boolean simulated) throws Exception {
        Path file = tmp.resolve("deep/dir/out.prom");
        run(plan(SinkSpec.file(file.toString())), options(simulated));
        assertLines(Files.readAllLines(file));
    }

    @ParameterizedTest(name = "simulated={0}")
    @ValueSource(booleans = {true, false})
    void tcp(boolean simulated) throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread reader = new Thread(() -> {
                try (Socket s = server.accept();
                        BufferedReader in =
                                new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8))) {
                    in.lines().forEach(lines::add);
                } catch (Exception e) {
                    lines.add("reader failed: " + e);
                }
            });
            reader.start();
            run(plan(SinkSpec.tcp("127.0.0.1:" + server.getLocalPort())), options(simulated));
            reader.join(10_000);
        }
        assertLines(lines);
    }

    @ParameterizedTest(name = "simulated={0}")
    @ValueSource(booleans = {true, false})
    void udp(boolean simulated) throws Exception {
        List<String> lines = new ArrayList<>();
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            socket.setReceiveBufferSize(1 << 20);
            socket.setSoTimeout(10_000);
            run(plan(SinkSpec.udp("127.0.0.1:" + socket.getLocalPort())), options(simulated));
            byte[] buf = new byte[65_536];
            for (int i = 0; i < EVENTS; i++) {
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                socket.receive(p);
                lines.add(new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8).strip());
            }
        }
        assertLines(lines);
    }

    @ParameterizedTest(name = "simulated={0}")
    @ValueSource(booleans = {true, false})
    void httpPush(boolean simulated) throws Exception {
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/push", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            lines.addAll(body.lines().toList());
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/push";
            // batches of about 300 bytes: several POSTs, and the tail arrives with the final flush
            run(plan(new SinkSpec.HttpPush(url, "text/plain", 300, null, Map.of(), null)), options(simulated));
        } finally {
            server.stop(0);
        }
        assertLines(lines);
    }

    @ParameterizedTest(name = "simulated={0}")
    @ValueSource(booleans = {true, false})
    void memory(boolean simulated) throws Exception {
        MemorySink sink = new MemorySink();
        run(plan(SinkSpec.memory()), options(simulated).withSinkFactory((entry, ctx) -> EncodingSink.of(sink, ctx)));
        assertLines(sink.lines());
    }

    @ParameterizedTest(name = "simulated={0}")
    @ValueSource(booleans = {true, false})
    void channel(boolean simulated) throws Exception {
        ChannelSink sink = new ChannelSink(4); // smaller than the run: the writer blocks until read
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread consumer = new Thread(() -> {
            try {
                byte[] event;
                while ((event = sink.receiver().take()) != null) {
                    lines.add(new String(event, StandardCharsets.UTF_8).strip());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        consumer.start();
        run(plan(SinkSpec.memory()), options(simulated).withSinkFactory((entry, ctx) -> EncodingSink.of(sink, ctx)));
        consumer.join(10_000);
        assertLines(lines);
    }
}
