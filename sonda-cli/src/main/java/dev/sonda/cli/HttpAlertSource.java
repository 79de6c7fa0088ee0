package dev.sonda.cli;

import java.time.Duration;
import java.util.function.LongSupplier;

/** What both HTTP alert sources hold: the base URL, the request timeout, the transport and the wall clock. */
abstract class HttpAlertSource implements AlertSource {
    /** The base URL as given. */
    final String url;

    /** The base URL without trailing slashes. */
    final String base;

    /** The overall timeout of each request. */
    final Duration timeout;

    /** The transport. */
    final Http http;

    /** The local wall clock, milliseconds since the epoch. */
    final LongSupplier wallMillis;

    HttpAlertSource(String url, Duration timeout, Http http, LongSupplier wallMillis) {
        this.url = url;
        this.base = AlertSource.base(url);
        this.timeout = timeout;
        this.http = http;
        this.wallMillis = wallMillis;
    }

    @Override
    public String url() {
        return url;
    }
}
