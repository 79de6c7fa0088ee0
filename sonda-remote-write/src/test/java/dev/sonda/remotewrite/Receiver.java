package dev.sonda.remotewrite;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;
import org.xerial.snappy.Snappy;

/**
 * A remote-write receiver for tests: a JDK HTTP(S) server on loopback that records every request
 * (headers, raw body, snappy-decompressed body) and answers with scripted statuses (204 once the
 * script is used up).
 */
final class Receiver implements AutoCloseable {
    /** One request as received. */
    record Request(Map<String, String> headers, byte[] body, byte[] decompressed) {
        String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }
    }

    final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Deque<int[]> script = new ArrayDeque<>();
    private final Map<Integer, String> bodies = new TreeMap<>();
    private final HttpServer server;

    private Receiver(HttpServer server) {
        this.server = server;
        server.createContext("/", this::handle);
        server.start();
    }

    static Receiver http() throws IOException {
        return new Receiver(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0));
    }

    static Receiver https(SSLContext context, boolean needClientAuth) throws IOException {
        HttpsServer s = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        s.setHttpsConfigurator(new HttpsConfigurator(context) {
            @Override
            public void configure(HttpsParameters params) {
                javax.net.ssl.SSLParameters p = context.getDefaultSSLParameters();
                p.setNeedClientAuth(needClientAuth);
                params.setSSLParameters(p);
            }
        });
        return new Receiver(s);
    }

    /** Answers the next {@code times} requests with {@code status}. */
    Receiver then(int status, int times) {
        for (int i = 0; i < times; i++) {
            script.add(new int[] {status});
        }
        return this;
    }

    /** The body sent with {@code status}. */
    Receiver body(int status, String text) {
        bodies.put(status, text);
        return this;
    }

    String url(String path) {
        String scheme = server instanceof HttpsServer ? "https" : "http";
        return scheme + "://localhost:" + server.getAddress().getPort() + path;
    }

    String ipUrl(String path) {
        String scheme = server instanceof HttpsServer ? "https" : "http";
        return scheme + "://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private synchronized int nextStatus() {
        int[] s = script.poll();
        return s == null ? 204 : s[0];
    }

    private void handle(HttpExchange ex) throws IOException {
        byte[] body;
        try (InputStream in = ex.getRequestBody()) {
            body = in.readAllBytes();
        }
        Map<String, String> headers = new TreeMap<>();
        ex.getRequestHeaders()
                .forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), String.join(",", v)));
        byte[] plain;
        try {
            plain = Snappy.uncompress(body);
        } catch (IOException e) {
            plain = null;
        }
        requests.add(new Request(headers, body, plain));
        int status = nextStatus();
        String text = bodies.get(status);
        if (text == null) {
            ex.sendResponseHeaders(status, -1);
        } else {
            byte[] b = text.getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(status, b.length);
            ex.getResponseBody().write(b);
        }
        ex.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
