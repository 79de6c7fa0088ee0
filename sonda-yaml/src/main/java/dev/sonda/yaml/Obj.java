package dev.sonda.yaml;

import dev.sonda.yaml.YamlTree.Kind;
import dev.sonda.yaml.YamlTree.Mapping;
import dev.sonda.yaml.YamlTree.Node;
import dev.sonda.yaml.YamlTree.Scalar;
import dev.sonda.yaml.YamlTree.Seq;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * A YAML mapping being read into one record, with serde-like typed accessors. Every accessor
 * records its problem (with path and position) instead of throwing, and remembers that this object
 * (and its parents) failed, so a caller can build what is valid and report everything else.
 */
final class Obj {
    /** Parses a duration text or throws {@link IllegalArgumentException} with the reason. */
    interface DurationParser {
        Duration parse(String text);
    }

    /** Words a duration parse failure as the reference does for one field. */
    interface Wording {
        String apply(String input, String reason);
    }

    private final Mapping node;
    private final String path;
    private final Diagnostics diag;
    private final Obj parent;
    private boolean failed;

    private Obj(Mapping node, String path, Diagnostics diag, Obj parent) {
        this.node = node;
        this.path = path;
        this.diag = diag;
        this.parent = parent;
    }

    /**
     * Opens {@code n} as a mapping.
     *
     * @return the object, or null (with a problem) when {@code n} is not a mapping
     */
    static Obj of(Node n, String path, Diagnostics diag, Obj parent, String expected) {
        if (n instanceof Mapping m) {
            return new Obj(m, path, diag, parent);
        }
        diag.add(path, "invalid type: " + n.describe() + ", expected " + expected, n.loc());
        if (parent != null) {
            parent.fail();
        }
        return null;
    }

    static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    String path() {
        return path;
    }

    String path(String key) {
        return join(path, key);
    }

    Loc loc() {
        return node.loc();
    }

    Diagnostics diag() {
        return diag;
    }

    /** Whether a problem was recorded through this object or one of its children. */
    boolean failed() {
        return failed;
    }

    void fail() {
        failed = true;
        if (parent != null) {
            parent.fail();
        }
    }

    /** Records a problem at {@code key} (or this object when the key is absent). */
    void problem(String key, String message) {
        Loc loc = node.values().containsKey(key) ? node.values().get(key).loc() : node.loc();
        diag.add(key == null ? path : path(key), message, loc);
        fail();
    }

    void problemAt(String atPath, Node at, String message) {
        diag.add(atPath, message, at.loc());
        fail();
    }

    /** The value at {@code key}, or null when absent or YAML null. */
    Node get(String key) {
        Node n = node.values().get(key);
        return n instanceof Scalar s && s.kind() == Kind.NULL ? null : n;
    }

    boolean has(String key) {
        return get(key) != null;
    }

    boolean hasKey(String key) {
        return node.values().containsKey(key);
    }

    Loc keyLoc(String key) {
        return node.keys().getOrDefault(key, node.loc());
    }

    /** Rejects every key not in {@code allowed}, as serde's {@code deny_unknown_fields}. */
    void strict(List<String> allowed) {
        for (String key : node.values().keySet()) {
            if (!allowed.contains(key)) {
                diag.add(
                        path(key),
                        "unknown field `" + key + "`, expected " + Variants.oneOf(allowed),
                        node.keys().get(key));
                fail();
            }
        }
    }

    /** The other keys of the mapping as plain Java values (generic spec properties). */
    Map<String, Object> rest(List<String> known) {
        Map<String, Object> out = new LinkedHashMap<>();
        node.values().forEach((k, v) -> {
            if (!known.contains(k)) {
                Object value = plain(v);
                if (value != null) {
                    out.put(k, value);
                }
            }
        });
        return out;
    }

    /** Records {@code missing field} when {@code key} is absent. */
    void require(String key) {
        if (!has(key)) {
            missing(key);
        }
    }

    private void missing(String key) {
        diag.add(path, "missing field `" + key + "`", node.loc());
        fail();
    }

    private void invalid(String key, Node n, String expected) {
        problemAt(path(key), n, "invalid type: " + n.describe() + ", expected " + expected);
    }

    // ---- strings --------------------------------------------------------------------------

    String str(String key) {
        Node n = get(key);
        return n == null ? null : string(n, path(key));
    }

    String reqStr(String key) {
        String s = str(key);
        if (s == null && !has(key)) {
            missing(key);
        }
        return s;
    }

    private String string(Node n, String at) {
        if (n instanceof Scalar s) {
            return s.text();
        }
        problemAt(at, n, "invalid type: " + n.describe() + ", expected a string");
        return null;
    }

    List<String> strList(String key) {
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

    Map<String, String> strMap(String key) {
        Map<String, String> out = new LinkedHashMap<>();
        Obj m = obj(key, "a map");
        if (m != null) {
            m.node.values().forEach((k, v) -> {
                String s = m.string(v, m.path(k));
                if (s != null) {
                    out.put(k, s);
                }
            });
        }
        return out;
    }

    // ---- numbers and booleans -------------------------------------------------------------

    Double f64(String key) {
        Node n = get(key);
        if (n == null) {
            return null;
        }
        if (n instanceof Scalar s && (s.kind() == Kind.INT || s.kind() == Kind.FLOAT)) {
            return parseFloat(s.text());
        }
        invalid(key, n, "f64");
        return null;
    }

    double f64Or(String key, double fallback) {
        Double d = f64(key);
        return d == null ? fallback : d;
    }

    double reqF64(String key) {
        Double d = f64(key);
        if (d == null && !has(key)) {
            missing(key);
        }
        return d == null ? 0 : d;
    }

    List<Double> f64List(String key, List<Double> fallback) {
        Seq seq = seq(key);
        if (seq == null) {
            return fallback;
        }
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < seq.items().size(); i++) {
            Node n = seq.items().get(i);
            if (n instanceof Scalar s && (s.kind() == Kind.INT || s.kind() == Kind.FLOAT)) {
                out.add(parseFloat(s.text()));
            } else {
                problemAt(path(key) + "[" + i + "]", n, "invalid type: " + n.describe() + ", expected f64");
            }
        }
        return out;
    }

    /**
     * An unsigned integer field of the reference ({@code u8}, {@code u32}, {@code u64}, {@code
     * usize}), read as a Java long whose bits are the unsigned value.
     */
    Long unsigned(String key, String rustType) {
        Node n = get(key);
        if (n == null) {
            return null;
        }
        if (!(n instanceof Scalar s) || s.kind() != Kind.INT) {
            invalid(key, n, rustType);
            return null;
        }
        BigInteger v = parseInt(s.text());
        BigInteger max =
                switch (rustType) {
                    case "u8" -> BigInteger.valueOf(255);
                    case "u64" -> BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
                        // u32 and usize fields are Java ints in the IR
                    default -> BigInteger.valueOf(Integer.MAX_VALUE);
                };
        if (v == null || v.signum() < 0 || v.compareTo(max) > 0) {
            String expected = v != null && v.signum() >= 0 && !rustType.equals("u8") && !rustType.equals("u64")
                    ? rustType + " of at most " + Integer.MAX_VALUE
                    : rustType;
            problemAt(path(key), n, "invalid value: integer `" + s.text() + "`, expected " + expected);
            return null;
        }
        return v.longValue();
    }

    long unsignedOr(String key, String rustType, long fallback) {
        Long v = unsigned(key, rustType);
        return v == null ? fallback : v;
    }

    Integer uint(String key, String rustType) {
        Long v = unsigned(key, rustType);
        return v == null ? null : (int) (long) v;
    }

    long reqUnsigned(String key, String rustType) {
        Long v = unsigned(key, rustType);
        if (v == null && !has(key)) {
            missing(key);
        }
        return v == null ? 0 : v;
    }

    Boolean bool(String key) {
        Node n = get(key);
        if (n == null) {
            return null;
        }
        if (n instanceof Scalar s && s.kind() == Kind.BOOL) {
            return s.text().toLowerCase(Locale.ROOT).equals("true");
        }
        invalid(key, n, "a boolean");
        return null;
    }

    boolean boolOr(String key, boolean fallback) {
        Boolean b = bool(key);
        return b == null ? fallback : b;
    }

    /** An enum field: the variant named by the scalar, or null (with serde's message). */
    <E> E variant(String key, Map<String, E> variants) {
        Node n = get(key);
        if (n == null) {
            return null;
        }
        if (n instanceof Scalar s && variants.containsKey(s.text())) {
            return variants.get(s.text());
        }
        String text = n instanceof Scalar s ? s.text() : n.describe();
        problemAt(
                path(key),
                n,
                "unknown variant `" + text + "`, expected " + Variants.oneOf(List.copyOf(variants.keySet())));
        return null;
    }

    // ---- durations --------------------------------------------------------------------------

    Duration dur(String key, DurationParser parser, Wording wording) {
        Node n = get(key);
        if (n == null) {
            return null;
        }
        String text = string(n, path(key));
        if (text == null) {
            return null;
        }
        try {
            return parser.parse(text);
        } catch (IllegalArgumentException e) {
            problemAt(path(key), n, wording.apply(text, e.getMessage()));
            return null;
        }
    }

    Duration reqDur(String key, DurationParser parser, Wording wording) {
        Duration d = dur(key, parser, wording);
        if (d == null && !has(key)) {
            missing(key);
        }
        return d == null ? Duration.ZERO : d;
    }

    // ---- nested -----------------------------------------------------------------------------

    Obj obj(String key, String expected) {
        Node n = get(key);
        return n == null ? null : of(n, path(key), diag, this, expected);
    }

    Seq seq(String key) {
        Node n = get(key);
        if (n == null) {
            return null;
        }
        if (n instanceof Seq s) {
            return s;
        }
        invalid(key, n, "a sequence");
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
        Obj m = obj(key, "a map");
        if (m != null) {
            m.node.values().forEach((k, v) -> {
                T t = reader.read(v, m.path(k));
                if (t != null) {
                    out.put(k, t);
                } else {
                    fail();
                }
            });
        }
        return out;
    }

    /** Reads one node of a sequence or mapping. */
    interface ItemReader<T> {
        T read(Node node, String path);
    }

    /** Applies {@code f} to the nested object at {@code key}, or returns null when absent. */
    <T> T with(String key, String expected, Function<Obj, T> f) {
        Obj o = obj(key, expected);
        return o == null ? null : f.apply(o);
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
            return java.util.Collections.unmodifiableMap(out);
        }
        if (n instanceof Seq s) {
            return s.items().stream()
                    .map(Obj::plain)
                    .filter(java.util.Objects::nonNull)
                    .toList();
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
