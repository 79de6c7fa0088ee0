package dev.sonda.engine.sink;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one JDK {@link HttpClient} the HTTP-based sinks share, created on first use: HTTP/1.1, a 30 s
 * connect timeout and no redirects, like the reference's client defaults. Its worker threads
 * ({@code sonda-http-N}, daemons) end after 5 s idle, where the JDK's default pool keeps them for
 * 60 s: an application that stops its runs gets its threads back soon after.
 */
final class SharedHttpClient {
    static final HttpClient INSTANCE = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(30))
            .followRedirects(HttpClient.Redirect.NEVER)
            .executor(executor())
            .build();

    private SharedHttpClient() {}

    private static ThreadPoolExecutor executor() {
        AtomicInteger n = new AtomicInteger();
        ThreadFactory threads = r -> {
            Thread t = new Thread(r, "sonda-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        return new ThreadPoolExecutor(0, Integer.MAX_VALUE, 5, TimeUnit.SECONDS, new SynchronousQueue<>(), threads);
    }
}
