package dev.sonda.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
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
import org.yaml.snakeyaml.LoaderOptions;

/**
 * A light YAML node tree built from Jackson's streaming parser, keeping the original line and
 * column of every node and key. Scalars keep their raw text and are classified as the reference's
 * YAML library (YAML 1.2 core schema) sees them, so each field can coerce them as the reference
 * does.
 */
final class YamlTree {
    private static final YAMLFactory DEFAULT_FACTORY = newFactory(LoadLimits.defaults());

    private static final String NUMBER_HINT = "write it with an exponent (such as 1.5e300), quote it if it is"
            + " text, or raise the limit with LoadLimits.withMaxNumberLength";

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

    /**
     * Puts the position of {@code n} and of every node below it into {@code out}, keyed by its
     * problem path from {@code path} ({@code a.b[2].c}), as problems name what they are about.
     */
    static void index(Node n, String path, Map<String, Loc> out) {
        out.put(path, n.loc());
        if (n instanceof Mapping m) {
            m.values().forEach((k, v) -> index(v, Obj.join(path, k), out));
        } else if (n instanceof Seq s) {
            for (int i = 0; i < s.items().size(); i++) {
                index(s.items().get(i), path + "[" + i + "]", out);
            }
        }
    }

    /**
     * Parses one YAML document within {@code limits}.
     *
     * @param source the interpolated text with its position map
     * @param problems receives structural problems (duplicate keys, unresolved aliases)
     * @param limits the bounds on depth, aliases, expanded size, scalars and entries
     * @return the root node, or null for an empty document
     * @throws Rejected when the text is not YAML or exceeds a limit, at the first such place
     */
    static Node parse(EnvInterpolation source, Diagnostics problems, LoadLimits limits) {
        ScanWindowReader reader = new ScanWindowReader(source, limits);
        try (JsonParser p = factory(limits).createParser(reader)) {
            Builder b = new Builder(p, reader, source, problems, limits);
            JsonToken first = b.next();
            if (first == null) {
                return null;
            }
            Node root = b.read(first, "");
            if (b.next() != null) {
                problems.add(
                        "",
                        "deserializing from YAML containing more than one document is not supported",
                        b.loc(p.currentTokenLocation()));
            }
            return root;
        } catch (StreamConstraintsException e) {
            // Jackson converts 0x, 0o and 0b integers while scanning, refusing long ones first
            throw new Rejected(
                    "",
                    "a number longer than the limit of " + limits.maxNumberLength()
                            + " characters (LoadLimits.maxNumberLength) starts here; " + NUMBER_HINT,
                    reader.nextToken());
        } catch (JsonProcessingException e) {
            throw syntaxError(e, source);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static YAMLFactory factory(LoadLimits limits) {
        // identity first: a record's first equals() links its method handles, which costs start-up time
        return limits == LoadLimits.defaults() || limits.equals(LoadLimits.defaults())
                ? DEFAULT_FACTORY
                : newFactory(limits);
    }

    /**
     * A factory with SnakeYAML's and Jackson's own limits set from ours. Jackson's streaming parser
     * drives SnakeYAML's scanner and parser but not its composer, so of SnakeYAML's {@code
     * LoaderOptions} only {@code codePointLimit} acts here ({@code maxAliasesForCollections}, {@code
     * nestingDepthLimit} and {@code allowRecursiveKeys} are composer options, set for any future
     * use); aliases are not expanded by either library. The {@link Builder} does the counting that
     * bounds the work; these are a backstop set just above ours, so that our located messages come
     * first, except Jackson's number length: Jackson converts {@code 0x}, {@code 0o} and {@code 0b}
     * integers itself while scanning, so its limit must be ours.
     */
    private static YAMLFactory newFactory(LoadLimits limits) {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(limits.maxDocumentBytes() + 1);
        options.setNestingDepthLimit(limits.maxDepth() + 1);
        options.setMaxAliasesForCollections(Math.max(limits.maxAliases(), 1) + 1);
        options.setAllowRecursiveKeys(false);
        int text = limits.maxDocumentBytes() + 1;
        return YAMLFactory.builder()
                .loaderOptions(options)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(limits.maxDepth() + 1)
                        .maxStringLength(text)
                        .maxNameLength(text)
                        .maxNumberLength(limits.maxNumberLength())
                        .build())
                .build();
    }

    @SuppressWarnings("deprecation") // Jackson 2's only typed access to SnakeYAML's problem mark
    private static Rejected syntaxError(JsonProcessingException e, EnvInterpolation source) {
        if (e instanceof com.fasterxml.jackson.dataformat.yaml.snakeyaml.error.MarkedYAMLException m
                && m.getProblemMark() != null) {
            var mark = m.getProblemMark();
            String msg = m.getProblem();
            if (m.getContext() != null && m.getContextMark() != null) {
                msg += " (" + m.getContext() + " started at line "
                        + (m.getContextMark().getLine() + 1) + ", column "
                        + (m.getContextMark().getColumn() + 1) + ")";
            }
            return new Rejected(
                    "", "YAML syntax error: " + msg, source.original(mark.getLine() + 1, mark.getColumn() + 1));
        }
        JsonLocation l = e.getLocation();
        Loc loc = l == null ? Loc.START : source.original(l.getLineNr(), l.getColumnNr());
        return new Rejected("", "YAML syntax error: " + e.getOriginalMessage(), loc);
    }

    /** An anchored node and what one use of it adds to the expanded document. */
    private record Anchor(Node node, long nodes, long chars, int pathLength, int height) {}

    /**
     * Builds the tree, counting as it goes what the document costs with every alias expanded, and
     * stopping at the first limit exceeded.
     */
    private static final class Builder {
        private final JsonParser p;
        private final ScanWindowReader reader;
        private final EnvInterpolation source;
        private final Diagnostics problems;
        private final LoadLimits limits;
        private final Map<String, Anchor> anchors = new HashMap<>();
        /** Mappings and sequences open around the current token. */
        private int depth;
        /** The deepest nesting reached in the subtree being read, aliases expanded. */
        private int deepest;

        private int aliases;
        /** Nodes added by expanding aliases. */
        private long aliased;
        /** Nodes (keys included) with aliases expanded. */
        private long nodes;
        /** Characters of scalars, keys and node paths with aliases expanded. */
        private long chars;

        Builder(
                JsonParser p,
                ScanWindowReader reader,
                EnvInterpolation source,
                Diagnostics problems,
                LoadLimits limits) {
            this.p = p;
            this.reader = reader;
            this.source = source;
            this.problems = problems;
            this.limits = limits;
        }

        Loc loc(JsonLocation l) {
            return source.original(l.getLineNr(), l.getColumnNr());
        }

        /** The next token, telling the reader that the text before its end is scanned. */
        JsonToken next() throws IOException {
            JsonToken t = p.nextToken();
            reader.mark(p.currentLocation().getCharOffset());
            return t;
        }

        Node read(JsonToken t, String path) throws IOException {
            Loc loc = loc(p.currentTokenLocation());
            if (p instanceof YAMLParser y && y.isCurrentAlias()) {
                return alias(p.getText(), path, loc);
            }
            Object anchor = p.getObjectId();
            long nodesBefore = nodes;
            long charsBefore = chars;
            int deepestBefore = deepest;
            deepest = depth;
            count(1, path.length(), path, loc, null);
            Node node;
            if (t == JsonToken.START_OBJECT) {
                enter(path, loc);
                Map<String, Node> values = new LinkedHashMap<>();
                Map<String, Loc> keys = new LinkedHashMap<>();
                for (JsonToken k = next(); k != JsonToken.END_OBJECT; k = next()) {
                    String key = p.currentName();
                    Loc keyLoc = loc(p.currentTokenLocation());
                    checkLength(key, "a key", path, keyLoc);
                    count(1, key.length(), path, keyLoc, null);
                    String childPath = path.isEmpty() ? key : path + "." + key;
                    Node value = read(next(), childPath);
                    if (values.containsKey(key)) {
                        problems.add(childPath, "duplicate entry with key " + FloatText.rustDebugString(key), keyLoc);
                        continue;
                    }
                    values.put(key, value);
                    keys.put(key, keyLoc);
                }
                depth--;
                node = new Mapping(Collections.unmodifiableMap(values), Collections.unmodifiableMap(keys), loc);
            } else if (t == JsonToken.START_ARRAY) {
                enter(path, loc);
                List<Node> items = new ArrayList<>();
                for (JsonToken i = next(); i != JsonToken.END_ARRAY; i = next()) {
                    if (items.size() == limits.maxEntries() && path.equals("scenarios")) {
                        throw tooManyEntries(loc(p.currentTokenLocation()));
                    }
                    items.add(read(i, path + "[" + items.size() + "]"));
                }
                depth--;
                node = new Seq(List.copyOf(items), loc);
            } else {
                String text = p.getText();
                checkLength(text, "a scalar", path, loc);
                Scalar scalar = scalar(t, text, loc);
                if ((scalar.kind() == Kind.INT || scalar.kind() == Kind.FLOAT)
                        && text.length() > limits.maxNumberLength()) {
                    throw new Rejected(
                            path,
                            "a number of " + text.length() + " characters exceeds the limit of "
                                    + limits.maxNumberLength() + " characters (LoadLimits.maxNumberLength); "
                                    + NUMBER_HINT,
                            loc);
                }
                count(0, text.length(), path, loc, null);
                node = scalar;
            }
            if (anchor != null) {
                anchors.put(
                        anchor.toString(),
                        new Anchor(node, nodes - nodesBefore, chars - charsBefore, path.length(), deepest - depth));
            }
            deepest = Math.max(deepestBefore, deepest);
            return node;
        }

        /** An alias: the anchored node itself (shared, not copied), counted as if written out. */
        private Node alias(String name, String path, Loc loc) {
            aliases++;
            if (aliases > limits.maxAliases()) {
                throw new Rejected(
                        path,
                        "alias *" + name + " is alias number " + aliases
                                + " of the document, which exceeds the limit of "
                                + limits.maxAliases() + " aliases (LoadLimits.maxAliases); write the values out, or"
                                + " raise the limit with LoadLimits.withMaxAliases",
                        loc);
            }
            Anchor a = anchors.get(name);
            if (a == null) {
                problems.add(
                        path,
                        "YAML alias *" + name + " cannot be resolved (only anchors on mappings and"
                                + " sequences are supported)",
                        loc);
                count(1, path.length(), path, loc, null);
                return new Scalar(Kind.NULL, "", loc);
            }
            aliased += a.nodes();
            if (aliased > limits.maxAliasedNodes()) {
                throw new Rejected(
                        path,
                        "expanding alias *" + name + " makes aliases add " + aliased
                                + " nodes to the document, which exceeds the limit of " + limits.maxAliasedNodes()
                                + " nodes (LoadLimits.maxAliasedNodes); aliases of aliases multiply (a \"billion"
                                + " laughs\" document): write the values out, or raise the limit with"
                                + " LoadLimits.withMaxAliasedNodes",
                        loc);
            }
            // the anchored subtree again, its paths now under this alias's path
            long moved = a.chars() + a.nodes() * ((long) path.length() - a.pathLength());
            count(a.nodes(), moved, path, loc, name);
            if (depth + a.height() > limits.maxDepth()) {
                throw new Rejected(
                        path,
                        "alias *" + name + " nests its value to level " + (depth + a.height())
                                + ", which exceeds the limit of " + limits.maxDepth()
                                + " levels (LoadLimits.maxDepth); flatten the structure, or raise the limit with"
                                + " LoadLimits.withMaxDepth",
                        loc);
            }
            deepest = Math.max(deepest, depth + a.height());
            if (path.equals("scenarios")
                    && a.node() instanceof Seq s
                    && s.items().size() > limits.maxEntries()) {
                throw tooManyEntries(loc);
            }
            return a.node();
        }

        private void enter(String path, Loc loc) {
            depth++;
            deepest = Math.max(deepest, depth);
            if (depth > limits.maxDepth()) {
                throw new Rejected(
                        path,
                        "nesting level " + depth + " exceeds the limit of " + limits.maxDepth()
                                + " levels (LoadLimits.maxDepth); flatten the structure, or raise the limit with"
                                + " LoadLimits.withMaxDepth",
                        loc);
            }
        }

        /** Adds to the expanded counts; {@code alias} names the alias being expanded, or null. */
        private void count(long addNodes, long addChars, String path, Loc loc, String alias) {
            nodes += addNodes;
            chars += addChars;
            String what =
                    alias == null ? "the document reaches " : "expanding alias *" + alias + " makes the document ";
            if (nodes > limits.maxNodes()) {
                throw new Rejected(
                        path,
                        what + nodes + " nodes, which exceeds the limit of " + limits.maxNodes()
                                + " nodes (LoadLimits.maxNodes); "
                                + (alias == null
                                        ? "split the file"
                                        : "each use of an alias repeats its value: write fewer aliases")
                                + ", or raise the limit with LoadLimits.withMaxNodes",
                        loc);
            }
            if (chars > limits.maxExpandedChars()) {
                throw new Rejected(
                        path,
                        what + chars + " characters of keys, values and node paths, which exceeds the limit of "
                                + limits.maxExpandedChars() + " characters (LoadLimits.maxExpandedChars); "
                                + (alias == null ? "" : "each use of an alias repeats its value under a new path: ")
                                + "shorten long keys and values, or split the file, or raise the limit with"
                                + " LoadLimits.withMaxExpandedChars",
                        loc);
            }
        }

        private void checkLength(String text, String what, String path, Loc loc) {
            if (text.length() > limits.maxScalarLength()) {
                throw new Rejected(
                        path,
                        what + " of " + text.length() + " characters exceeds the limit of " + limits.maxScalarLength()
                                + " characters (LoadLimits.maxScalarLength); shorten it, or raise the limit with"
                                + " LoadLimits.withMaxScalarLength",
                        loc);
            }
        }

        private Rejected tooManyEntries(Loc loc) {
            return new Rejected(
                    "scenarios",
                    "scenarios has more than " + limits.maxEntries() + " entries, which exceeds the limit of "
                            + limits.maxEntries() + " entries (LoadLimits.maxEntries); split the file, or raise the"
                            + " limit with LoadLimits.withMaxEntries",
                    loc);
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
