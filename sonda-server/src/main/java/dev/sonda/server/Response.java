package dev.sonda.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One HTTP response: status, content type and body bytes, plus extra headers.
 *
 * @param status the HTTP status
 * @param contentType the {@code Content-Type}, or null for an empty body
 * @param body the body, empty for none
 * @param headers extra response headers
 */
record Response(int status, String contentType, byte[] body, Map<String, String> headers) {
    static final String JSON = "application/json";
    static final String PROMETHEUS = "text/plain; version=0.0.4; charset=utf-8";
    static final String TEXT = "text/plain; charset=utf-8";

    static Response json(int status, JsonNode node) {
        return new Response(status, JSON, Json.bytes(node), Map.of());
    }

    static Response empty(int status) {
        return new Response(status, null, new byte[0], Map.of());
    }

    static Response text(int status, String contentType, String text) {
        return new Response(status, contentType, text.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    Response withHeader(String name, String value) {
        Map<String, String> h = new java.util.LinkedHashMap<>(headers);
        h.put(name, value);
        return new Response(status, contentType, body, Map.copyOf(h));
    }
}
