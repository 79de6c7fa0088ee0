package dev.sonda.engine.log;

import dev.sonda.api.Severity;
import dev.sonda.api.generator.LogGeneratorSpec;
import dev.sonda.api.internal.spec.SpecMessages;
import dev.sonda.api.spi.SpecBlock;
import dev.sonda.api.spi.SpecWriter;
import dev.sonda.engine.encode.Labels;
import dev.sonda.engine.generator.SplitMix64;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * {@code log_generator: {type: template}}: messages from templates whose {@code {name}}
 * placeholders are filled from value pools, severities drawn by weight; every choice a pure
 * function of (seed, tick), byte for byte as Sonda 1.20 {@code generator/log_template.rs}.
 *
 * <p>Per tick {@code t} (unsigned 64-bit; {@code hash_for(seed, t, name)} = {@code
 * splitmix64(seed ^ t)} folded with {@code h = splitmix64(h ^ b)} over the UTF-8 bytes {@code b}
 * of {@code name}):
 *
 * <ul>
 *   <li>no templates: severity {@code info}, empty message, no fields;
 *   <li>template = {@code templates[t mod n]} (round-robin; see {@link Indexing} for the width of
 *       {@code t});
 *   <li>severity: the weights sorted by severity rank ({@code trace} .. {@code fatal}; none or
 *       empty means {@code info} with weight 1.0), {@code target = unit(hash_for(seed, t,
 *       "severity")) * sum(weights)} where {@code unit(h) = h / 2^64} in {@code [0, 1]}; the first
 *       severity whose running sum exceeds {@code target}, else the last one. Weights are not
 *       validated (zero, negative or NaN weights just distort the choice);
 *   <li>fields: for every pool {@code (name, values)} of the template, {@code values[hash_for(seed,
 *       t, name) mod len]} (unsigned modulo; see {@link Indexing}), or {@code ""} for an empty pool; every pool becomes a
 *       field, referenced by the message or not;
 *   <li>message: the template scanned left to right; a <code>&#123;</code> with a later <code>
 *       &#125;</code> names the text up to the first following <code>&#125;</code> (so <code>
 *       &#123;a&#123;b&#125;</code> names <code>a&#123;b</code>); a pool name is replaced by its
 *       selected value, any other name is kept verbatim with its braces; a <code>&#123;</code>
 *       without a later <code>&#125;</code> is literal.
 * </ul>
 *
 * <p>Anchor: seed 42, template {@code Request from {ip} to {endpoint}}, pools ip {@code [10.0.0.1,
 * 10.0.0.2, 10.0.0.3]} and endpoint {@code [/api, /health]}, weights info 0.7 / warn 0.2 / error
 * 0.1 gives at tick 0 {@code info}, {@code Request from 10.0.0.2 to /health}.
 *
 * <p>Templates are compiled once (placeholders resolved to pool indexes, pool names pre-encoded),
 * so a tick costs one splitmix64 for the seed, a few per name byte, and the message string.
 * Immutable and thread-safe.
 */
public final class TemplateLogGenerator implements LogGenerator {
    private static final byte[] SEVERITY = "severity".getBytes(StandardCharsets.UTF_8);

    /**
     * How the reference turns a hash into a template or pool index: {@code x as usize % len}, so
     * the result depends on the width of Rust's {@code usize} on the platform that ran it.
     */
    public enum Indexing {
        /**
         * 64-bit {@code usize} (the release binaries on x86_64 and aarch64): the full unsigned
         * 64-bit value modulo the length. The default.
         */
        NATIVE,
        /**
         * 32-bit {@code usize} (wasm32: the docs playground and the {@code sonda-wasm} engine that
         * produced the conformance suite's expected output): the low 32 bits, unsigned, modulo the
         * length. Severity selection is unaffected.
         */
        WASM32
    }

    private final long seed;
    private final long indexMask;
    private final Compiled[] templates;
    private final Severity[] weightSeverities;
    private final double[] weights;
    private final double totalWeight;

    /**
     * Builds the generator from its spec, indexing as the native 64-bit reference does.
     *
     * @param spec the {@code template} block
     * @throws NullPointerException if {@code spec} is null
     */
    public TemplateLogGenerator(LogGeneratorSpec.Template spec) {
        this(spec, Indexing.NATIVE);
    }

    /**
     * Builds the generator from its spec; a seed the spec does not state is 0.
     *
     * @param spec the {@code template} block
     * @param indexing the {@code usize} width whose template and pool choices to reproduce
     * @throws NullPointerException if an argument is null
     */
    public TemplateLogGenerator(LogGeneratorSpec.Template spec, Indexing indexing) {
        this(spec, indexing, spec.seed() == null ? 0L : spec.seed());
    }

    /**
     * Builds the generator from its spec with the seed it runs with.
     *
     * @param spec the {@code template} block
     * @param indexing the {@code usize} width whose template and pool choices to reproduce
     * @param seed the seed (read as unsigned): the spec's own, or the run's default when the spec
     *     states none
     * @throws NullPointerException if an argument is null
     */
    public TemplateLogGenerator(LogGeneratorSpec.Template spec, Indexing indexing, long seed) {
        Objects.requireNonNull(spec, "spec");
        this.indexMask = Objects.requireNonNull(indexing, "indexing") == Indexing.WASM32 ? 0xFFFF_FFFFL : -1L;
        this.seed = seed;
        List<LogGeneratorSpec.LogTemplate> list = spec.templates();
        this.templates = new Compiled[list.size()];
        for (int i = 0; i < templates.length; i++) {
            templates[i] = new Compiled(list.get(i));
        }
        Map<Severity, Double> byRank = new EnumMap<>(Severity.class);
        byRank.putAll(spec.severityWeights());
        if (byRank.isEmpty()) {
            byRank.put(Severity.INFO, 1.0);
        }
        this.weightSeverities = new Severity[byRank.size()];
        this.weights = new double[byRank.size()];
        int k = 0;
        double total = 0.0;
        for (Map.Entry<Severity, Double> e : byRank.entrySet()) {
            weightSeverities[k] = e.getKey();
            weights[k] = e.getValue();
            total += e.getValue();
            k++;
        }
        this.totalWeight = total;
    }

    /**
     * The event of {@code tick}: template, severity, message and fields as described on the class.
     *
     * @param tick the 0-based event counter, read as unsigned
     * @param epochNanos the tick's wall clock in nanoseconds since the epoch
     * @param labels the entry's labels for this tick
     * @return a new event
     */
    @Override
    public LogEvent generate(long tick, long epochNanos, Labels labels) {
        MutableLogRecord r = generate(tick, epochNanos, labels, new MutableLogRecord());
        return new LogEvent(r.epochNanos(), r.severity(), r.message(), r.labels(), r.fields());
    }

    /**
     * The event of {@code tick} in {@code scratch}: the same event as {@link #generate(long, long,
     * Labels)}. A template with at most {@value #CACHE_LIMIT} combinations of pool values builds
     * each combination's message and fields once, so after warm-up this allocates nothing; larger
     * templates build them per event. Thread-safe.
     *
     * @param tick the 0-based event counter, read as unsigned
     * @param epochNanos the tick's time in nanoseconds since the epoch
     * @param labels the entry's labels for this tick
     * @param scratch the record to fill
     * @return {@code scratch}
     */
    @Override
    public MutableLogRecord generate(long tick, long epochNanos, Labels labels, MutableLogRecord scratch) {
        if (templates.length == 0) {
            return scratch.set(epochNanos, Severity.INFO, "", labels, LogFields.empty());
        }
        Compiled t = templates[(int) Long.remainderUnsigned(tick & indexMask, templates.length)];
        long h0 = SplitMix64.mix(seed ^ tick);
        Severity severity = severity(fold(h0, SEVERITY));
        int pools = t.sortedNames.length;
        if (pools == 0) {
            return scratch.set(epochNanos, severity, t.constantMessage, labels, LogFields.empty());
        }
        Combination c;
        if (t.cache != null) {
            int key = 0;
            for (int p = 0; p < pools; p++) {
                key = key * Math.max(t.values[p].length, 1) + index(h0, t, p);
            }
            c = t.cache.get(key);
            if (c == null) {
                c = combine(h0, t);
                t.cache.set(key, c); // two threads may both build it: the same value either way
            }
        } else {
            c = combine(h0, t);
        }
        return scratch.set(epochNanos, severity, c.message, labels, c.fields);
    }

    /** The index of pool {@code p}'s value for the event whose first hash is {@code h0}. */
    private int index(long h0, Compiled t, int p) {
        int n = t.values[p].length;
        return n == 0 ? 0 : (int) Long.remainderUnsigned(fold(h0, t.nameBytes[p]) & indexMask, n);
    }

    /** Builds a template's message and fields for the event whose first hash is {@code h0}. */
    private Combination combine(long h0, Compiled t) {
        int pools = t.sortedNames.length;
        String[] picked = new String[pools];
        int length = t.literalLength;
        for (int p = 0; p < pools; p++) {
            String v = t.values[p].length == 0 ? "" : t.values[p][index(h0, t, p)];
            picked[p] = v;
            length += v.length() * t.uses[p];
        }
        String message = t.constantMessage;
        if (message == null) {
            StringBuilder sb = new StringBuilder(length);
            for (int s = 0; s < t.refs.length; s++) {
                int ref = t.refs[s];
                sb.append(ref < 0 ? t.literals[s] : picked[ref]);
            }
            message = sb.toString();
        }
        return new Combination(message, LogFields.ofSorted(t.sortedNames, picked));
    }

    /** Combinations of pool values a template keeps built: {@value}. */
    static final int CACHE_LIMIT = 4096;

    /** A template's message and fields for one combination of pool values. */
    private record Combination(String message, LogFields fields) {}

    /**
     * {@code hash_for(seed, tick, name)} of the reference: {@code splitmix64(seed ^ tick)} folded
     * with {@code h = splitmix64(h ^ b)} over the UTF-8 bytes of {@code name}.
     *
     * @param seed the seed, read as unsigned
     * @param tick the tick, read as unsigned
     * @param name the discriminant
     * @return the hash, read as unsigned
     */
    public static long hashFor(long seed, long tick, String name) {
        return fold(SplitMix64.mix(seed ^ tick), name.getBytes(StandardCharsets.UTF_8));
    }

    private static long fold(long h, byte[] bytes) {
        for (byte b : bytes) {
            h = SplitMix64.mix(h ^ (b & 0xFFL));
        }
        return h;
    }

    private Severity severity(long hash) {
        double target = SplitMix64.unit(hash) * totalWeight;
        double cumulative = 0.0;
        for (int i = 0; i < weights.length; i++) {
            cumulative += weights[i];
            if (target < cumulative) {
                return weightSeverities[i];
            }
        }
        return weightSeverities[weightSeverities.length - 1];
    }

    /**
     * Describes the configuration.
     *
     * @return such as {@code TemplateLogGenerator[templates=1, seed=42]}
     */
    @Override
    public String toString() {
        return "TemplateLogGenerator[templates=" + templates.length + ", seed=" + Long.toUnsignedString(seed)
                + (indexMask == -1L ? "" : ", indexing=WASM32") + "]";
    }

    /** One template, compiled: pools by code-point-sorted name, the message as segments. */
    private static final class Compiled {
        /** Pool names sorted by code point: the event's field names, shared by all events. */
        final String[] sortedNames;

        final byte[][] nameBytes;
        final String[][] values;
        /** How often each pool is referenced by the message. */
        final int[] uses;
        /** Message segments: {@code refs[s] < 0} means the literal {@code literals[s]}. */
        final String[] literals;

        final int[] refs;
        final int literalLength;
        /** The message when it references no pool, else null. */
        final String constantMessage;

        /**
         * Built combinations by the mixed-radix key of their pool indexes, when there are at most
         * {@link #CACHE_LIMIT} combinations; else null.
         */
        final java.util.concurrent.atomic.AtomicReferenceArray<Combination> cache;

        Compiled(LogGeneratorSpec.LogTemplate template) {
            Map<String, List<String>> pools = template.fieldPools();
            sortedNames = pools.keySet().toArray(new String[0]);
            Arrays.sort(sortedNames, Labels.CODE_POINT_ORDER);
            int n = sortedNames.length;
            nameBytes = new byte[n][];
            values = new String[n][];
            uses = new int[n];
            for (int i = 0; i < n; i++) {
                nameBytes[i] = sortedNames[i].getBytes(StandardCharsets.UTF_8);
                values[i] = pools.get(sortedNames[i]).toArray(new String[0]);
            }
            List<String> lits = new ArrayList<>();
            List<Integer> rfs = new ArrayList<>();
            StringBuilder literal = new StringBuilder();
            String m = template.message();
            int i = 0;
            while (i < m.length()) {
                char c = m.charAt(i);
                int close = c == '{' ? m.indexOf('}', i + 1) : -1;
                if (close < 0) {
                    literal.append(c);
                    i++;
                    continue;
                }
                String name = m.substring(i + 1, close);
                int pool = Arrays.binarySearch(sortedNames, name, Labels.CODE_POINT_ORDER);
                if (pool < 0) {
                    literal.append(m, i, close + 1);
                } else {
                    if (literal.length() > 0) {
                        lits.add(literal.toString());
                        rfs.add(-1);
                        literal.setLength(0);
                    }
                    lits.add(null);
                    rfs.add(pool);
                    uses[pool]++;
                }
                i = close + 1;
            }
            if (literal.length() > 0 || lits.isEmpty()) {
                lits.add(literal.toString());
                rfs.add(-1);
            }
            literals = lits.toArray(new String[0]);
            refs = new int[rfs.size()];
            int len = 0;
            boolean constant = true;
            for (int s = 0; s < refs.length; s++) {
                refs[s] = rfs.get(s);
                if (refs[s] < 0) {
                    len += literals[s].length();
                } else {
                    constant = false;
                }
            }
            literalLength = len;
            constantMessage = constant ? String.join("", lits) : null;
            long combinations = 1;
            for (String[] v : values) {
                combinations *= Math.max(v.length, 1);
                if (combinations > CACHE_LIMIT) {
                    break;
                }
            }
            cache = combinations <= CACHE_LIMIT
                    ? new java.util.concurrent.atomic.AtomicReferenceArray<>((int) combinations)
                    : null;
        }
    }

    /**
     * The built-in provider of {@code type: template}: keys {@code templates} (required; each a
     * {@code message} with {@code {placeholder}}s and {@code field_pools}), {@code severity_weights}
     * (severity to relative weight; absent for always {@code info}) and {@code seed} (0 to
     * 18446744073709551615, default 0).
     */
    public static final class Provider implements LogGeneratorProvider {
        /** Creates the provider; called by {@link java.util.ServiceLoader}. */
        public Provider() {}

        @Override
        public String type() {
            return "template";
        }

        @Override
        public Class<LogGeneratorSpec.Template> specClass() {
            return LogGeneratorSpec.Template.class;
        }

        @Override
        public String summary() {
            return "messages from templates with fields drawn from pools, severities drawn by weight";
        }

        @Override
        public LogGeneratorSpec read(SpecBlock block) {
            if (!block.has("templates")) {
                block.problem(null, SpecMessages.missing("templates"));
            }
            List<LogGeneratorSpec.LogTemplate> templates = new ArrayList<>();
            for (SpecBlock t : block.blocks("templates")) {
                templates.add(
                        new LogGeneratorSpec.LogTemplate(t.requiredString("message"), t.stringListMap("field_pools")));
            }
            Map<Severity, Double> weights = new EnumMap<>(Severity.class);
            SpecBlock w = block.block("severity_weights");
            if (w != null) {
                for (String name : w.keys()) {
                    Double weight = w.number(name);
                    if (weight == null) {
                        continue;
                    }
                    try {
                        weights.put(Severity.parse(name), weight);
                    } catch (IllegalArgumentException e) {
                        w.problem(name, e.getMessage());
                    }
                }
            }
            Long seed = block.unsigned64("seed");
            return new LogGeneratorSpec.Template(templates, weights, seed);
        }

        @Override
        public void write(LogGeneratorSpec spec, SpecWriter out) {
            LogGeneratorSpec.Template t = (LogGeneratorSpec.Template) spec;
            List<Object> templates = new ArrayList<>();
            for (LogGeneratorSpec.LogTemplate lt : t.templates()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("message", lt.message());
                if (!lt.fieldPools().isEmpty()) {
                    m.put("field_pools", new TreeMap<>(lt.fieldPools()));
                }
                templates.add(m);
            }
            out.put("templates", templates);
            if (!t.severityWeights().isEmpty()) {
                Map<String, Object> weights = new LinkedHashMap<>();
                new TreeMap<>(t.severityWeights()).forEach((k, v) -> weights.put(k.yamlName(), v));
                out.put("severity_weights", weights);
            }
            if (t.seed() != null) {
                out.putUnsigned("seed", t.seed());
            }
        }

        /**
         * Builds a {@link TemplateLogGenerator} with the context's index width.
         *
         * @param spec a {@link LogGeneratorSpec.Template}
         * @param context the index width
         * @return the generator
         */
        @Override
        public LogGenerator create(LogGeneratorSpec spec, LogGeneratorContext context) {
            LogGeneratorSpec.Template t = (LogGeneratorSpec.Template) spec;
            return new TemplateLogGenerator(t, context.indexing(), context.seed(t.seed()));
        }

        @Override
        public String display(LogGeneratorSpec spec) {
            return "template (" + ((LogGeneratorSpec.Template) spec).templates().size() + " templates)";
        }
    }
}
