package dev.sonda.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sonda.api.DurationText;
import dev.sonda.api.spi.SpecKind;
import dev.sonda.api.spi.SpecRegistry;
import dev.sonda.api.spi.SpecWriter;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A spec (sink, encoder, generator) as the JSON its provider writes, the same keys as its YAML
 * block: what {@code GET /scenarios/{id}} shows (after {@link Secrets} redacted it) and where the
 * loopback warning finds a sink's address, for built-in and plug-in types alike.
 */
final class SpecJson implements SpecWriter {
    private final ObjectNode out;

    private SpecJson(ObjectNode out) {
        this.out = out;
    }

    /** The spec's block, or just its {@code type} when its provider cannot write it. */
    static ObjectNode of(SpecRegistry registry, SpecKind kind, Object spec, String type) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        try {
            registry.write(kind, spec, new SpecJson(node));
        } catch (RuntimeException e) {
            node.removeAll();
            node.put("type", type);
        }
        return node;
    }

    @Override
    public SpecWriter put(String key, Object value) {
        if (value != null) {
            out.set(key, node(value));
        }
        return this;
    }

    @Override
    public SpecWriter putUnsigned(String key, long bits) {
        out.put(key, bits >= 0 ? BigInteger.valueOf(bits) : new BigInteger(Long.toUnsignedString(bits)));
        return this;
    }

    @Override
    public SpecWriter block(String key) {
        return new SpecJson(out.putObject(key));
    }

    private static JsonNode node(Object v) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (v instanceof String s) {
            return f.textNode(s);
        } else if (v instanceof Boolean b) {
            return f.booleanNode(b);
        } else if (v instanceof Integer i) {
            return f.numberNode(i);
        } else if (v instanceof Long l) {
            return f.numberNode(l);
        } else if (v instanceof BigInteger b) {
            return f.numberNode(b);
        } else if (v instanceof Double d) {
            return Double.isFinite(d) ? f.numberNode(d) : f.textNode(d.toString());
        } else if (v instanceof Duration d) {
            return f.textNode(DurationText.format(d));
        } else if (v instanceof List<?> l) {
            ArrayNode a = f.arrayNode();
            l.forEach(x -> a.add(node(x)));
            return a;
        } else if (v instanceof Map<?, ?> m) {
            ObjectNode o = f.objectNode();
            m.forEach((k, x) -> o.set(String.valueOf(k), node(x)));
            return o;
        }
        return f.textNode(String.valueOf(v));
    }
}
