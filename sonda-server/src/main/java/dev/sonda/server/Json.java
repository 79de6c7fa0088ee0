package dev.sonda.server;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * JSON in and out. Bodies are written in the key order the reference writes (objects built
 * with {@link #object()} keep insertion order); requests are parsed within {@link
 * StreamReadConstraints} that match the YAML loader's limits (64 levels, 1000-digit numbers).
 */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(64)
                    .maxNumberLength(1000)
                    .maxStringLength(1 << 20)
                    .build())
            .build());

    private Json() {}

    static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** The error envelope, keys sorted as the reference's {@code json!} writes them. */
    static ObjectNode envelope(String code, String detail) {
        ObjectNode n = object();
        n.put("detail", detail);
        n.put("error", code);
        return n;
    }

    static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Parses a request body.
     *
     * @throws JsonProcessingException with Jackson's message when it is not JSON
     */
    static JsonNode parse(byte[] body) throws JsonProcessingException {
        try {
            return MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Jackson's message without the source excerpt: what was wrong and where (line, column). */
    static String describe(JsonProcessingException e) {
        String m = e.getOriginalMessage();
        if (e.getLocation() != null && e.getLocation().getLineNr() > 0) {
            m += " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr();
        }
        return m;
    }
}
