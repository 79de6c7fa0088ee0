package dev.sonda.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.sonda.api.internal.num.FloatText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A light YAML node tree built from Jackson's streaming parser, keeping the original line and
 * column of every node and key. Scalars keep their raw text and are classified as the reference's
 * YAML library (YAML 1.2 core schema) sees them, so each field can coerce them as the reference
 * does.
 */
final class YamlTree {
    private static final YAMLFactory FACTORY = new YAMLFactory();

    private YamlTree() {}

    /** What a scalar resolves to. */
    enum Kind {
        STRING,
        INT,
        FLOAT,
        BOOL,
        NULL
    }

    /** A node of the tree. */
    sealed interface Node permits Scalar, Seq, Mapping {
        Loc loc();

        /** How serde names this node in {@code invalid type: ...} messages. */
        String describe();
    }

    /** A scalar: its kind and raw text. */
    record Scalar(Kind kind, String text, Loc loc) implements Node {
        @Override
        public String describe() {
            return switch (kind) {
                case STRING -> "string " + FloatText.rustDebugString(text);
                case INT -> "integer `" + text + "`";
                case FLOAT -> "floating point `" + text + "`";
                case BOOL -> "boolean `" + text.toLowerCase(java.util.Locale.ROOT) + "`";
                case NULL -> "unit value";
            };
        }
    }

    /** A sequence. */
    record Seq(List<Node> items, Loc loc) implements Node {
        @Override
        public String describe() {
            return "sequence";
        }
    }

    /** A mapping in document order, with the position of each key. */
    record Mapping(Map<String, Node> values, Map<String, Loc> keys, Loc loc) implements Node {
        @Override
        public String describe() {
            return "map";
        }
    }

    /** Malformed YAML: the parser's message and position. */
    static final class SyntaxError extends Exception {
        private static final long serialVersionUID = 1L;
        final transient Loc loc;

        SyntaxError(String message, Loc loc) {
            super(message, null, false, false);
            this.loc = loc;
        }
    }

    /**
     * Parses one YAML document.
     *
     * @param source the interpolated text with its position map
     * @param problems receives structural problems (duplicate keys, unresolved aliases)
     * @return the root node, or null for an empty document
     * @throws SyntaxError when the text is not YAML
     */
    static Node parse(EnvInterpolation source, Diagnostics problems) throws SyntaxError {
        try (JsonParser p = FACTORY.createParser(source.text())) {
            Builder b = new Builder(p, source, problems);
            JsonToken first = p.nextToken();
            if (first == null) {
                return null;
            }
            Node root = b.read(first, "");
            if (p.nextToken() != null) {
                problems.add(
                        "",
                        "deserializing from YAML containing more than one document is not supported",
                        b.loc(p.currentTokenLocation()));
            }
            return root;
        } catch (JsonProcessingException e) {
            throw syntaxError(e, source);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("deprecation") // Jackson 2's only typed access to SnakeYAML's problem mark
    private static SyntaxError syntaxError(JsonProcessingException e, EnvInterpolation source) {
        if (e instanceof com.fasterxml.jackson.dataformat.yaml.snakeyaml.error.MarkedYAMLException m
                && m.getProblemMark() != null) {
            var mark = m.getProblemMark();
            String msg = m.getProblem();
            if (m.getContext() != null && m.getContextMark() != null) {
                msg += " (" + m.getContext() + " started at line "
                        + (m.getContextMark().getLine() + 1) + ", column "
                        + (m.getContextMark().getColumn() + 1) + ")";
            }
            return new SyntaxError(
                    "YAML syntax error: " + msg, source.original(mark.getLine() + 1, mark.getColumn() + 1));
        }
        JsonLocation l = e.getLocation();
        Loc loc = l == null ? Loc.START : source.original(l.getLineNr(), l.getColumnNr());
        return new SyntaxError("YAML syntax error: " + e.getOriginalMessage(), loc);
    }

    private static final class Builder {
        private final JsonParser p;
        private final EnvInterpolation source;
        private final Diagnostics problems;
        private final Map<String, Node> anchors = new HashMap<>();

        Builder(JsonParser p, EnvInterpolation source, Diagnostics problems) {
            this.p = p;
            this.source = source;
            this.problems = problems;
        }

        Loc loc(JsonLocation l) {
            return source.original(l.getLineNr(), l.getColumnNr());
        }

        Node read(JsonToken t, String path) throws IOException {
            Loc loc = loc(p.currentTokenLocation());
            if (p instanceof YAMLParser y && y.isCurrentAlias()) {
                Node target = anchors.get(p.getText());
                if (target == null) {
                    problems.add(
                            path,
                            "YAML alias *" + p.getText() + " cannot be resolved (only anchors on mappings and"
                                    + " sequences are supported)",
                            loc);
                    return new Scalar(Kind.NULL, "", loc);
                }
                return target;
            }
            Object anchor = p.getObjectId();
            Node node;
            if (t == JsonToken.START_OBJECT) {
                Map<String, Node> values = new LinkedHashMap<>();
                Map<String, Loc> keys = new LinkedHashMap<>();
                for (JsonToken k = p.nextToken(); k != JsonToken.END_OBJECT; k = p.nextToken()) {
                    String key = p.currentName();
                    Loc keyLoc = loc(p.currentTokenLocation());
                    String childPath = path.isEmpty() ? key : path + "." + key;
                    Node value = read(p.nextToken(), childPath);
                    if (values.containsKey(key)) {
                        problems.add(childPath, "duplicate entry with key " + FloatText.rustDebugString(key), keyLoc);
                        continue;
                    }
                    values.put(key, value);
                    keys.put(key, keyLoc);
                }
                node = new Mapping(Collections.unmodifiableMap(values), Collections.unmodifiableMap(keys), loc);
            } else if (t == JsonToken.START_ARRAY) {
                List<Node> items = new ArrayList<>();
                for (JsonToken i = p.nextToken(); i != JsonToken.END_ARRAY; i = p.nextToken()) {
                    items.add(read(i, path + "[" + items.size() + "]"));
                }
                node = new Seq(List.copyOf(items), loc);
            } else {
                node = scalar(t, p.getText(), loc);
            }
            if (anchor != null) {
                anchors.put(anchor.toString(), node);
            }
            return node;
        }
    }

    private static Scalar scalar(JsonToken t, String text, Loc loc) {
        Kind kind =
                switch (t) {
                    case VALUE_NUMBER_INT -> text.indexOf('_') >= 0 ? Kind.STRING : Kind.INT;
                    case VALUE_NUMBER_FLOAT -> text.indexOf('_') >= 0 ? Kind.STRING : Kind.FLOAT;
                    case VALUE_TRUE, VALUE_FALSE -> isCoreBool(text) ? Kind.BOOL : Kind.STRING;
                    case VALUE_NULL -> Kind.NULL;
                    default -> Kind.STRING;
                };
        return new Scalar(kind, text, loc);
    }

    /** YAML 1.2 core booleans; {@code yes}/{@code on} and friends are strings there. */
    private static boolean isCoreBool(String text) {
        return switch (text) {
            case "true", "True", "TRUE", "false", "False", "FALSE" -> true;
            default -> false;
        };
    }
}
