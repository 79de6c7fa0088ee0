package dev.sonda.api.internal.spec;

import dev.sonda.api.Problems;
import dev.sonda.api.spi.SpecBlock;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Not API. A {@link SpecBlock} over plain Java values (the properties of a {@code Generic} spec the
 * DSL built, or JSON already parsed): {@code String}, {@code Long}/{@code Integer}/{@code
 * BigInteger}, {@code Double}, {@code Boolean}, {@code List} and {@code Map}. Problems go to a
 * {@link Problems} with paths and no positions.
 */
public final class MapSpecBlock implements SpecBlock {
    private final String type;
    private final Map<String, Object> values;
    private final String path;
    private final Problems problems;
    private final MapSpecBlock parent;
    private final Set<String> read = new LinkedHashSet<>();
    private boolean failed;

    /**
     * Creates a block.
     *
     * @param type the block's type, or empty
     * @param values the keys and plain values
     * @param path where the block sits
     * @param problems where problems go
     */
    public MapSpecBlock(String type, Map<String, ?> values, String path, Problems problems) {
        this(type, values, path, problems, null);
    }

    private MapSpecBlock(String type, Map<String, ?> values, String path, Problems problems, MapSpecBlock parent) {
        this.type = type == null ? "" : type;
        this.values = new LinkedHashMap<>(values);
        this.path = path;
        this.problems = problems;
        this.parent = parent;
        read.add("type");
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public String type() {
        return type;
    }

    @Override
    public boolean has(String key) {
        read.add(key);
        return values.get(key) != null;
    }

    @Override
    public Set<String> keys() {
        return values.keySet();
    }

    /**
     * The keys read so far, {@code type} included.
     *
     * @return the keys
     */
    public Set<String> readKeys() {
        return read;
    }

    private Object get(String key) {
        read.add(key);
        return values.get(key);
    }

    @Override
    public String string(String key) {
        Object v = get(key);
        if (v == null) {
            return null;
        }
        if (v instanceof String || v instanceof Number || v instanceof Boolean) {
            return v instanceof Double d ? plainDouble(d) : v.toString();
        }
        wrong(key, SpecMessages.STRING, v);
        return null;
    }

    private static String plainDouble(double d) {
        return Double.isNaN(d) ? ".nan" : Double.isInfinite(d) ? (d > 0 ? ".inf" : "-.inf") : Double.toString(d);
    }

    @Override
    public String requiredString(String key) {
        String s = string(key);
        if (s == null && values.get(key) == null) {
            missing(key);
        }
        return s == null ? "" : s;
    }

    @Override
    public Double number(String key) {
        Object v = get(key);
        if (v == null) {
            return null;
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        wrong(key, SpecMessages.NUMBER, v);
        return null;
    }

    @Override
    public double requiredNumber(String key) {
        Double d = number(key);
        if (d == null && values.get(key) == null) {
            missing(key);
        }
        return d == null ? 0 : d;
    }

    @Override
    public Long integer(String key, long min, long max) {
        Object v = get(key);
        if (v == null) {
            return null;
        }
        BigInteger b = integral(v);
        if (b == null) {
            wrong(key, SpecMessages.integer(min, max), v);
            return null;
        }
        if (b.compareTo(BigInteger.valueOf(min)) < 0 || b.compareTo(BigInteger.valueOf(max)) > 0) {
            problem(key, SpecMessages.expected(SpecMessages.integer(min, max), b.toString()));
            return null;
        }
        return b.longValue();
    }

    @Override
    public long requiredInteger(String key, long min, long max) {
        Long v = integer(key, min, max);
        if (v == null && values.get(key) == null) {
            missing(key);
        }
        return v == null ? Math.max(min, 0) : v;
    }

    @Override
    public Long unsigned64(String key) {
        Object v = get(key);
        if (v == null) {
            return null;
        }
        BigInteger b = integral(v);
        if (b == null) {
            wrong(key, SpecMessages.UNSIGNED_64, v);
            return null;
        }
        if (b.signum() < 0 || b.bitLength() > 64) {
            problem(key, SpecMessages.expected(SpecMessages.UNSIGNED_64, b.toString()));
            return null;
        }
        return b.longValue();
    }

    private static BigInteger integral(Object v) {
        if (v instanceof BigInteger b) {
            return b;
        }
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return BigInteger.valueOf(((Number) v).longValue());
        }
        return null;
    }

    @Override
    public Boolean bool(String key) {
        Object v = get(key);
        if (v == null) {
            return null;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        wrong(key, SpecMessages.BOOLEAN, v);
        return null;
    }

    @Override
    public Duration duration(String key, DurationParser parser) {
        Object v = get(key);
        if (v == null) {
            return null;
        }
        if (v instanceof Duration d) {
            return d;
        }
        if (!(v instanceof String s)) {
            wrong(key, SpecMessages.DURATION, v);
            return null;
        }
        try {
            return parser.parse(s);
        } catch (IllegalArgumentException e) {
            problem(key, SpecMessages.invalidDuration(s, e.getMessage()));
            return null;
        }
    }

    @Override
    public List<Double> numbers(String key) {
        List<Double> out = new ArrayList<>();
        List<?> list = list(key);
        for (int i = 0; list != null && i < list.size(); i++) {
            if (list.get(i) instanceof Number n) {
                out.add(n.doubleValue());
            } else {
                problemAt(path(key) + "[" + i + "]", SpecMessages.expected(SpecMessages.NUMBER, describe(list.get(i))));
            }
        }
        return out;
    }

    @Override
    public List<String> strings(String key) {
        List<String> out = new ArrayList<>();
        List<?> list = list(key);
        for (int i = 0; list != null && i < list.size(); i++) {
            Object o = list.get(i);
            if (o instanceof String || o instanceof Number || o instanceof Boolean) {
                out.add(o.toString());
            } else {
                problemAt(path(key) + "[" + i + "]", SpecMessages.expected(SpecMessages.STRING, describe(o)));
            }
        }
        return out;
    }

    private List<?> list(String key) {
        Object v = get(key);
        if (v == null) {
            return null;
        }
        if (v instanceof List<?> l) {
            return l;
        }
        wrong(key, SpecMessages.LIST, v);
        return null;
    }

    @Override
    public Map<String, String> stringMap(String key) {
        Map<String, String> out = new LinkedHashMap<>();
        Map<?, ?> m = map(key);
        if (m != null) {
            m.forEach((k, v) -> {
                if (v instanceof String || v instanceof Number || v instanceof Boolean) {
                    out.put(String.valueOf(k), v.toString());
                } else if (v != null) {
                    problemAt(path(key) + "." + k, SpecMessages.expected(SpecMessages.STRING, describe(v)));
                }
            });
        }
        return out;
    }

    @Override
    public Map<String, List<String>> stringListMap(String key) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        Map<?, ?> m = map(key);
        if (m != null) {
            m.forEach((k, v) -> {
                if (v instanceof List<?> l) {
                    List<String> items = new ArrayList<>();
                    for (Object o : l) {
                        items.add(String.valueOf(o));
                    }
                    out.put(String.valueOf(k), items);
                } else if (v != null) {
                    problemAt(path(key) + "." + k, SpecMessages.expected("a list of strings", describe(v)));
                }
            });
        }
        return out;
    }

    private Map<?, ?> map(String key) {
        Object v = get(key);
        if (v == null) {
            return null;
        }
        if (v instanceof Map<?, ?> m) {
            return m;
        }
        wrong(key, SpecMessages.MAPPING, v);
        return null;
    }

    @Override
    @SuppressWarnings("unchecked")
    public SpecBlock block(String key) {
        Map<?, ?> m = map(key);
        if (m == null) {
            return null;
        }
        Object t = m.get("type");
        return new MapSpecBlock(t == null ? "" : t.toString(), (Map<String, ?>) m, path(key), problems, this);
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<SpecBlock> blocks(String key) {
        List<SpecBlock> out = new ArrayList<>();
        List<?> list = list(key);
        for (int i = 0; list != null && i < list.size(); i++) {
            Object o = list.get(i);
            String at = path(key) + "[" + i + "]";
            if (o instanceof Map<?, ?> m) {
                Object t = m.get("type");
                out.add(new MapSpecBlock(t == null ? "" : t.toString(), (Map<String, ?>) m, at, problems, this));
            } else {
                problemAt(at, SpecMessages.expected(SpecMessages.MAPPING, describe(o)));
            }
        }
        return out;
    }

    @Override
    public <E> E choice(String key, Map<String, E> choices) {
        Object v = get(key);
        if (v == null) {
            return null;
        }
        E e = choices.get(v.toString());
        if (e == null) {
            problem(key, SpecMessages.notOneOf(v.toString(), describe(v), choices.keySet()));
        }
        return e;
    }

    @Override
    public Object plain(String key) {
        return get(key);
    }

    @Override
    public Map<String, Object> plainValues(Set<String> except) {
        Map<String, Object> out = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (!except.contains(k) && v != null) {
                read.add(k);
                out.put(k, v);
            }
        });
        return out;
    }

    @Override
    public void problem(String key, String message) {
        problemAt(key == null ? path : path(key), message);
    }

    private void problemAt(String at, String message) {
        problems.add(at, message);
        fail();
    }

    private void fail() {
        failed = true;
        if (parent != null) {
            parent.fail();
        }
    }

    @Override
    public boolean failed() {
        return failed;
    }

    @Override
    public Set<String> unreadKeys() {
        Set<String> out = new LinkedHashSet<>();
        for (String k : values.keySet()) {
            if (!read.contains(k)) {
                out.add(k);
            }
        }
        return out;
    }

    private void missing(String key) {
        problem(null, SpecMessages.missing(key));
    }

    private void wrong(String key, String expected, Object found) {
        problem(key, SpecMessages.expected(expected, describe(found)));
    }

    /**
     * How a plain value is named in messages ({@link SpecMessages#describe}).
     *
     * @param v the value
     * @return such as {@code string "abc"} or {@code a list}
     */
    public static String describe(Object v) {
        return SpecMessages.describe(v);
    }
}
