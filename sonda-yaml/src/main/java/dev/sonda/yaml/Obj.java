package dev.sonda.yaml;

import dev.sonda.api.internal.spec.SpecMessages;
import dev.sonda.api.spi.SpecBlock;
import dev.sonda.yaml.YamlTree.Kind;
import dev.sonda.yaml.YamlTree.Mapping;
import dev.sonda.yaml.YamlTree.Node;
import dev.sonda.yaml.YamlTree.Scalar;
import dev.sonda.yaml.YamlTree.Seq;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * A YAML mapping being read into one record: the YAML-backed {@link SpecBlock} that providers read
 * their {@code type:} blocks through, and the reader of the scenario file's own mappings. Every
 * accessor records its problem (with path, line and column) instead of throwing, and remembers
 * that this object (and its parents) failed, so a caller can build what is valid and report
 * everything else. The words are {@link SpecMessages}', the same as for a block read from a map.
 *
 * <p>Every key an accessor asks about counts as read; {@link #unreadKeys()} and {@link
 * #unreadPaths()} give the others, for the unknown-key warnings of a {@code type:} block.
 */
final class Obj implements SpecBlock {
    /** Words a duration parse failure for one field, given the text and the parser's reason. */
    interface Wording {
        String apply(String input, String reason);
    }

    private final Mapping node;
    private final String path;
    private final Diagnostics diag;
    private final Obj parent;
    private final Set<String> read = new LinkedHashSet<>();
    private final List<Obj> children = new ArrayList<>();
    private boolean failed;

    private Obj(Mapping node, String path, Diagnostics diag, Obj parent) {
        this.node = node;
        this.path = path;
        this.diag = diag;
        this.parent = parent;
        read.add("type");
        if (parent != null) {
            parent.children.add(this);
        }
    }

    /**
     * Opens {@code n} as a mapping.
     *
     * @return the object, or null (with a problem) when {@code n} is not a mapping
     */
    static Obj of(Node n, String path, Diagnostics diag, Obj parent) {
        if (n instanceof Mapping m) {
            return new Obj(m, path, diag, parent);
        }
        diag.add(path, SpecMessages.expected(SpecMessages.MAPPING, describe(n)), n.loc());
        if (parent != null) {
            parent.fail();
        }
        return null;
    }

    static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /**
     * How a YAML node is named in messages, as {@link SpecMessages#describe} names plain values:
     * {@code string "abc"}, {@code number 5}, {@code boolean true}, {@code null}, {@code a list},
     * {@code a mapping}.
     */
    static String describe(Node n) {
        if (n instanceof Scalar s) {
            return switch (s.kind()) {
                case STRING -> "string " + SpecMessages.quote(s.text());
                case INT, FLOAT -> "number " + s.text();
                case BOOL -> "boolean " + s.text().toLowerCase(Locale.ROOT);
                case NULL -> "null";
            };
        }
        return n instanceof Seq ? "a list" : "a mapping";
    }

    @Override
    public String path() {
        return path;
    }

    Loc loc() {
        return node.loc();
    }

    Diagnostics diag() {
        return diag;
    }

    /** Whether a problem was recorded through this object or one of its children. */
    @Override
    public boolean failed() {
        return failed;
    }

    void fail() {
        failed = true;
        if (parent != null) {
            parent.fail();
        }
    }

    /** Records a problem at {@code key} (or this object when the key is absent). */
    @Override
    public void problem(String key, String message) {
        Loc loc = key != null && node.values().containsKey(key)
                ? node.values().get(key).loc()
                : node.loc();
        diag.add(key == null ? path : path(key), message, loc);
        fail();
    }

    void problemAt(String atPath, Node at, String message) {
        diag.add(atPath, message, at.loc());
        fail();
    }

    /** The value at {@code key}, or null when absent or YAML null. Counts as reading the key. */
    Node get(String key) {
        read.add(key);
        Node n = node.values().get(key);
        return n instanceof Scalar s && s.kind() == Kind.NULL ? null : n;
    }

    @Override
    public boolean has(String key) {
        return get(key) != null;
    }

    boolean hasKey(String key) {
        return node.values().containsKey(key);
    }

    Loc keyLoc(String key) {
        return node.keys().getOrDefault(key, node.loc());
    }

    @Override
    public String type() {
        Node t = node.values().get("type");
        return t instanceof Scalar s && s.kind() != Kind.NULL ? s.text() : "";
    }

    @Override
    public Set<String> keys() {
        return node.values().keySet();
    }

    /** Rejects every key not in {@code allowed}, with a did-you-mean and the list of keys. */
    void strict(List<String> allowed) {
        for (String key : node.values().keySet()) {
            if (!allowed.contains(key)) {
                diag.add(
                        path(key),
                        SpecMessages.unknown("key", key, allowed),
                        node.keys().get(key));
                fail();
            }
        }
    }

    /** Records {@code missing required key} when {@code key} is absent. */
    void require(String key) {
        if (!has(key)) {
            missing(key);
        }
    }

    private void missing(String key) {
        diag.add(path, SpecMessages.missing(key), node.loc());
        fail();
    }

    private void wrong(String key, Node n, String expected) {
        problemAt(path(key), n, SpecMessages.expected(expected, describe(n)));
    }

    // ---- strings --------------------------------------------------------------------------

    @Override
    public String string(String key) {
        Node n = get(key);
        return n == null ? null : string(n, path(key));
    }

    @Override
    public String requiredString(String key) {
        String s = reqStr(key);
        return s == null ? "" : s;
    }

    /** A required string; null (after recording a problem) when absent or not a scalar. */
    String reqStr(String key) {
        String s = string(key);
        if (s == null && !has(key)) {
            missing(key);
        }
        return s;
    }

    private String string(Node n, String at) {
        if (n instanceof Scalar s) {
            return s.text();
        }
        problemAt(at, n, SpecMessages.expected(SpecMessages.STRING, describe(n)));
        return null;
    }

    @Override
    public List<String> strings(String key) {
        List<String> out = new ArrayList<>();
        Seq seq = seq(key);
        if (seq != null) {
            for (int i = 0; i < seq.items().size(); i++) {
                String s = string(seq.items().get(i), path(key) + "[" + i + "]");
                if (s != null) {
                    out.add(s);
                }
            }
        }
        return out;
    }

    @Override
    public Map<String, String> stringMap(String key) {
        Map<String, String> out = new LinkedHashMap<>();
        Obj m = obj(key);
        if (m != null) {
            m.node.values().forEach((k, v) -> {
                String s = m.string(v, m.path(k));
                if (s != null) {
                    out.put(k, s);
                }
            });
            m.read.addAll(m.node.values().keySet());
        }
        return out;
    }

    @Override
    public Map<String, List<String>> stringListMap(String key) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        Obj m = obj(key);
        if (m != null) {
            m.node.values().forEach((k, v) -> {
                String at = m.path(k);
                if (!(v instanceof Seq seq)) {
                    m.problemAt(at, v, SpecMessages.expected("a list of strings", describe(v)));
                    return;
                }
                List<String> values = new ArrayList<>();
                for (int i = 0; i < seq.items().size(); i++) {
                    String s = m.string(seq.items().get(i), at + "[" + i + "]");
                    if (s != null) {
                        values.add(s);
                    }
                }
                out.put(k, values);
            });
            m.read.addAll(m.node.values().keySet());
        }
        return out;
    }

    // ---- numbers and booleans -------------------------------------------------------------

    @Override
    public Double number(String key) {
        Node n = get(key);
        if (n == null) {
            return null;
        }
        if (isNumber(n)) {
            return parseFloat(((Scalar) n).text());
        }
        wrong(key, n, SpecMessages.NUMBER);
        return null;
    }

    private static boolean isNumber(Node n) {
        return n instanceof Scalar s && (s.kind() == Kind.INT || s.kind() == Kind.FLOAT);
    }

    @Override
    public double requiredNumber(String key) {
        Double d = number(key);
        if (d == null && !has(key)) {
            missing(key);
        }
        return d == null ? 0 : d;
    }

    @Override
    public List<Double> numbers(String key) {
        List<Double> out = new ArrayList<>();
        Seq seq = seq(key);
        for (int i = 0; seq != null && i < seq.items().size(); i++) {
            Node n = seq.items().get(i);
            if (isNumber(n)) {
                out.add(parseFloat(((Scalar) n).text()));
            } else {
                problemAt(path(key) + "[" + i + "]", n, SpecMessages.expected(SpecMessages.NUMBER, describe(n)));
            }
        }
        return out;
    }

    /** The numbers at {@code key}, or {@code fallback} when it is absent. */
    List<Double> numbers(String key, List<Double> fallback) {
        return has(key) ? numbers(key) : fallback;
    }

    @Override
    public Long integer(String key, long min, long max) {
        return integral(key, BigInteger.valueOf(min), BigInteger.valueOf(max), SpecMessages.integer(min, max));
    }

    /** An integer in {@code [min, max]} as an int, or null (with a problem) when absent or invalid. */
    Integer integer(String key, int min, int max) {
        Long v = integer(key, (long) min, (long) max);
        return v == null ? null : v.intValue();
    }

    @Override
    public long requiredInteger(String key, long min, long max) {
        Long v = integer(key, min, max);
        if (v == null && !has(key)) {
            missing(key);
        }
        return v == null ? Math.max(min, 0) : v;
    }

    @Override
    public Long unsigned64(String key) {
        return integral(
                key, BigInteger.ZERO, BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE), SpecMessages.UNSIGNED_64);
    }

    /** An unsigned 64-bit integer, or {@code fallback} when absent or invalid. */
    long unsigned64(String key, long fallback) {
        Long v = unsigned64(key);
        return v == null ? fallback : v;
    }

    /** A required unsigned 64-bit integer; 0 after recording a problem. */
    long requiredUnsigned64(String key) {
        Long v = unsigned64(key);
        if (v == null && !has(key)) {
            missing(key);
        }
        return v == null ? 0 : v;
    }

    private Long integral(String key, BigInteger min, BigInteger max, String expected) {
        Node n = get(key);
        if (n == null) {
            return null;
        }
        BigInteger v = n instanceof Scalar s && s.kind() == Kind.INT ? parseInt(s.text()) : null;
        if (v == null) {
            wrong(key, n, expected);
            return null;
        }
        if (v.compareTo(min) < 0 || v.compareTo(max) > 0) {
            problemAt(path(key), n, SpecMessages.expected(expected, v.toString()));
            return null;
        }
        return v.longValue();
    }

    @Override
    public Boolean bool(String key) {
        Node n = get(key);
        if (n == null) {
            return null;
        }
        if (n instanceof Scalar s && s.kind() == Kind.BOOL) {
            return s.text().toLowerCase(Locale.ROOT).equals("true");
        }
        wrong(key, n, SpecMessages.BOOLEAN);
        return null;
    }

    @Override
    public <E> E choice(String key, Map<String, E> choices) {
        Node n = get(key);
        if (n == null) {
            return null;
        }
        if (n instanceof Scalar s && choices.containsKey(s.text())) {
            return choices.get(s.text());
        }
        String word = n instanceof Scalar s ? s.text() : "";
        problemAt(path(key), n, SpecMessages.notOneOf(word, describe(n), choices.keySet()));
        return null;
    }

    // ---- durations --------------------------------------------------------------------------

    @Override
    public Duration duration(String key, DurationParser parser) {
        return dur(key, parser, SpecMessages::invalidDuration);
    }

    /** A duration whose parse failure is worded by {@code wording}; null when absent or invalid. */
    Duration dur(String key, DurationParser parser, Wording wording) {
        Node n = get(key);
        if (n == null) {
            return null;
        }
        if (!(n instanceof Scalar s)) {
            wrong(key, n, SpecMessages.DURATION);
            return null;
        }
        try {
            return parser.parse(s.text());
        } catch (IllegalArgumentException e) {
            problemAt(path(key), n, wording.apply(s.text(), e.getMessage()));
            return null;
        }
    }

    /** A required duration; {@link Duration#ZERO} after recording a problem. */
    Duration reqDur(String key, DurationParser parser, Wording wording) {
        Duration d = dur(key, parser, wording);
        if (d == null && !has(key)) {
            missing(key);
        }
        return d == null ? Duration.ZERO : d;
    }

    // ---- nested -----------------------------------------------------------------------------

    /** The mapping at {@code key}, or null when absent or not a mapping (a problem then). */
    Obj obj(String key) {
        Node n = get(key);
        return n == null ? null : of(n, path(key), diag, this);
    }

    @Override
    public SpecBlock block(String key) {
        return obj(key);
    }

    @Override
    public List<SpecBlock> blocks(String key) {
        return items(key, (n, p) -> of(n, p, diag, this));
    }

    Seq seq(String key) {
        Node n = get(key);
        if (n == null) {
            return null;
        }
        if (n instanceof Seq s) {
            return s;
        }
        wrong(key, n, SpecMessages.LIST);
        return null;
    }

    /** Reads each item of the sequence at {@code key}, keeping the non-null results. */
    <T> List<T> items(String key, ItemReader<T> reader) {
        List<T> out = new ArrayList<>();
        Seq seq = seq(key);
        if (seq != null) {
            for (int i = 0; i < seq.items().size(); i++) {
                T t = reader.read(seq.items().get(i), path(key) + "[" + i + "]");
                if (t != null) {
                    out.add(t);
                } else {
                    fail();
                }
            }
        }
        return out;
    }

    /** Reads each value of the mapping at {@code key}, keeping the non-null results in order. */
    <T> Map<String, T> entries(String key, ItemReader<T> reader) {
        Map<String, T> out = new LinkedHashMap<>();
        Obj m = obj(key);
        if (m != null) {
            m.node.values().forEach((k, v) -> {
                T t = reader.read(v, m.path(k));
                if (t != null) {
                    out.put(k, t);
                } else {
                    fail();
                }
            });
            m.read.addAll(m.node.values().keySet());
        }
        return out;
    }

    /** Reads one node of a sequence or mapping. */
    interface ItemReader<T> {
        T read(Node node, String path);
    }

    /** Applies {@code f} to the nested object at {@code key}, or returns null when absent. */
    <T> T with(String key, Function<Obj, T> f) {
        Obj o = obj(key);
        return o == null ? null : f.apply(o);
    }

    // ---- plain values and unread keys ---------------------------------------------------------

    @Override
    public Object plain(String key) {
        Node n = get(key);
        return n == null ? null : plain(n);
    }

    @Override
    public Map<String, Object> plainValues(Set<String> except) {
        Map<String, Object> out = new LinkedHashMap<>();
        node.values().forEach((k, v) -> {
            if (!except.contains(k)) {
                read.add(k);
                Object value = plain(v);
                if (value != null) {
                    out.put(k, value);
                }
            }
        });
        return out;
    }

    @Override
    public Set<String> unreadKeys() {
        Set<String> out = new LinkedHashSet<>();
        for (String k : node.values().keySet()) {
            if (!read.contains(k)) {
                out.add(k);
            }
        }
        return out;
    }

    /**
     * Reports every key no accessor read, here and in the nested mappings read through this
     * object, as a warning: {@code unknown key 'repat' for generator type 'sequence'; did you mean
     * 'repeat'?}.
     *
     * @param kind the block kind in words, such as {@code generator}
     * @param type the block's type
     */
    void warnUnread(String kind, String type) {
        for (String key : unreadKeys()) {
            diag.warn(path(key), SpecMessages.unknownBlockKey(key, kind, type, readKeys()), keyLoc(key));
        }
        for (Obj child : children) {
            child.warnUnread(kind, type);
        }
    }

    /** The keys asked about so far, present or not: the words a misspelt key is compared with. */
    private Set<String> readKeys() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(read));
    }

    // ---- scalar text --------------------------------------------------------------------------

    /** A YAML 1.2 core float or int as a double, bit-exact ({@code -0} stays negative). */
    static double parseFloat(String text) {
        String t = text.startsWith("+") ? text.substring(1) : text;
        String lower = t.toLowerCase(Locale.ROOT);
        if (lower.equals(".inf")) {
            return Double.POSITIVE_INFINITY;
        }
        if (lower.equals("-.inf")) {
            return Double.NEGATIVE_INFINITY;
        }
        if (lower.equals(".nan")) {
            return Double.NaN;
        }
        if (lower.matches("-?0[xob].*")) {
            BigInteger v = parseInt(text);
            return v == null ? Double.NaN : v.doubleValue();
        }
        return Double.parseDouble(t);
    }

    /** A YAML 1.2 core int (decimal, {@code 0x}, {@code 0o}), or null when it is none. */
    static BigInteger parseInt(String text) {
        String t = text;
        boolean negative = false;
        if (t.startsWith("+") || t.startsWith("-")) {
            negative = t.startsWith("-");
            t = t.substring(1);
        }
        int radix = 10;
        if (t.startsWith("0x")) {
            radix = 16;
            t = t.substring(2);
        } else if (t.startsWith("0o")) {
            radix = 8;
            t = t.substring(2);
        } else if (t.startsWith("0b")) {
            radix = 2;
            t = t.substring(2);
        }
        try {
            BigInteger v = new BigInteger(t, radix);
            return negative ? v.negate() : v;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A node as a plain Java value: String, Long, BigInteger, Double, Boolean, List or Map. */
    static Object plain(Node n) {
        if (n instanceof Mapping m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.values().forEach((k, v) -> {
                Object value = plain(v);
                if (value != null) {
                    out.put(k, value);
                }
            });
            return Collections.unmodifiableMap(out);
        }
        if (n instanceof Seq s) {
            return s.items().stream().map(Obj::plain).filter(Objects::nonNull).toList();
        }
        Scalar s = (Scalar) n;
        return switch (s.kind()) {
            case NULL -> null;
            case BOOL -> s.text().toLowerCase(Locale.ROOT).equals("true");
            case FLOAT -> parseFloat(s.text());
            case INT -> {
                BigInteger v = parseInt(s.text());
                if (v == null) {
                    yield s.text();
                }
                yield v.bitLength() < 64 ? (Object) v.longValue() : v;
            }
            case STRING -> s.text();
        };
    }
}
