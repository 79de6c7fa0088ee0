package dev.sonda.engine.sink;

import java.net.http.HttpClient;
import java.time.Duration;

/**
 * The one JDK {@link HttpClient} the HTTP-based sinks share, created on first use: HTTP/1.1, a 30 s
 * connect timeout and no redirects, like the reference's client defaults.
 */
final class SharedHttpClient {
    static final HttpClient INSTANCE = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(30))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private SharedHttpClient() {}
}
