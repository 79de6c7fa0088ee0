package dev.sonda.yaml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * Mutations of every example and corpus file (dropped, duplicated, swapped and re-indented lines,
 * values of other types, huge and non-finite numbers, deep nesting, aliases and alias bombs, random
 * and invalid bytes, long scalars, byte order marks) each end within a second in a plan or in
 * located problems: {@link FuzzContract}. Inputs that once broke it are kept under {@code
 * fuzz/regressions/} and loaded by {@link FuzzRegressionTest}.
 */
class ScenarioFuzzTest {

    /** The seeds: the documented examples, the invalid-case corpus and the conformance corpus. */
    static final Map<String, byte[]> SEEDS = seeds();

    private static Map<String, byte[]> seeds() {
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (String folder : List.of("/examples", "/conformance", "/fuzz/seeds")) {
            for (Path p : FuzzContract.files(folder, ".yaml")) {
                try {
                    out.put(folder.substring(1) + "/" + p.getFileName(), Files.readAllBytes(p));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return out;
    }

    @Property(tries = 10_000)
    void everyMutatedScenarioEndsFastInAPlanOrLocatedProblems(@ForAll("inputs") Input input) {
        Statistics.collect(FuzzContract.holds(input.bytes(), input.toString()));
    }

    /** A seed file and the mutations applied to it in order. */
    record Input(String seed, List<Mutation> mutations) {
        byte[] bytes() {
            byte[] b = SEEDS.get(seed);
            for (Mutation m : mutations) {
                b = m.apply(b);
            }
            return b;
        }

        @Override
        public String toString() {
            return seed + " " + mutations;
        }
    }

    @Provide
    Arbitrary<Input> inputs() {
        return Combinators.combine(
                        Arbitraries.of(SEEDS.keySet().stream().toList()),
                        mutation().list().ofMinSize(1).ofMaxSize(3))
                .as(Input::new);
    }

    // ---- mutations ---------------------------------------------------------------------------------

    /** One change to the bytes of a scenario. Positions are taken modulo the lines or bytes there are. */
    sealed interface Mutation {
        byte[] apply(byte[] in);
    }

    /** Values of every type, and the numbers and strings that stress conversions. */
    static final List<String> VALUES = List.of(
            "\"text\"",
            "plain text",
            "42",
            "-1",
            "0",
            "3.5",
            "-0.0",
            "true",
            "yes",
            "null",
            "~",
            "[]",
            "{}",
            "[1, 2, 3]",
            "{a: 1, b: [x]}",
            "5s",
            "-5s",
            "1e400",
            "-1e400",
            "1e-400",
            ".nan",
            ".inf",
            "-.inf",
            "NaN",
            "Infinity",
            "-Infinity",
            "99999999999999999999999999999999",
            "-9223372036854775809",
            "18446744073709551616",
            "0x7fffffffffffffffffff",
            "0o777",
            "0b101",
            "1_000",
            "7".repeat(1020),
            "0x" + "f".repeat(1010),
            "1." + "5".repeat(1100),
            "\"${HOME}\"",
            "${UNSET_FUZZ_VAR}",
            "${RATE:-3}",
            "${bad-name}",
            "${UNTERMINATED",
            "$$",
            "*nowhere",
            "&a x",
            "!!binary aGVsbG8=",
            "!!str 12",
            "!custom x",
            "|\n  block\n  text",
            ">-\n  folded",
            "''",
            "'",
            "\"",
            "\"\\u0000\"",
            "\"\\x07\"",
            "é ü 中文 🎉",
            "? complex\n: key",
            "- a\n- b",
            "---",
            "...",
            "%YAML 1.2");

    record DropLine(int at) implements Mutation {
        @Override
        public byte[] apply(byte[] in) {
            List<String> lines = lines(in);
            if (!lines.isEmpty()) {
                lines.remove(Math.floorMod(at, lines.size()));
            }
            return join(lines);
        }
    }

    record DuplicateLine(int at, int times) implements Mutation {
        @Override
        public byte[] apply(byte[] in) {
            List<String> lines = lines(in);
            if (!lines.isEmpty()) {
                int i = Math.floorMod(at, lines.size());
                for (int k = 0; k < times; k++) {
                    lines.add(i, lines.get(i));
                }
            }
            return join(lines);
        }
    }

    record SwapLines(int a, int b) implements Mutation {
        @Override
        public byte[] apply(byte[] in) {
            List<String> lines = lines(in);
            if (!lines.isEmpty()) {
                int i = Math.floorMod(a, lines.size());
                int j = Math.floorMod(b, lines.size());
                String t = lines.get(i);
                lines.set(i, lines.get(j));
                lines.set(j, t);
            }
            return join(lines);
        }
    }

    record Reindent(int at, int delta) implements Mutation {
        @Override
        public byte[] apply(byte[] in) {
            List<String> lines = lines(in);
            if (!lines.isEmpty()) {
                int i = Math.floorMod(at, lines.size());
                String l = lines.get(i);
                lines.set(i, delta >= 0 ? " ".repeat(delta) + l : l.substring(Math.min(-delta, leading(l))));
            }
            return join(lines);
        }
    }

    /** The value of a {@code key: value} or {@code - value} line replaced. */
    record ReplaceValue(int at, String value) implements Mutation {
        @Override
        public byte[] apply(byte[] in) {
            return withValue(in, at, latin(value));
        }
    }

    record Nest(int at, int depth, int style) implements Mutation {
        @Override
        public byte[] apply(byte[] in) {
            String v =
                    switch (style) {
                        case 0 -> "[".repeat(depth) + "1" + "]".repeat(depth);
                        case 1 -> "{a: ".repeat(depth) + "1" + "}".repeat(depth);
                        case 2 -> "[{a: ".repeat(depth / 2) + "1" + "}]".repeat(depth / 2);
                        case 3 -> "- ".repeat(depth) + "1";
                        default -> blockMappings(depth);
                    };
            return withValue(in, at, v);
        }
    }

    /** {@code depth} block mappings, each indented under the one before. */
    private static String blockMappings(int depth) {
        StringBuilder b = new StringBuilder();
        for (int d = 0; d < depth; d++) {
            b.append('\n').append("  ".repeat(d)).append("a:");
        }
        return b.append(" 1").toString();
    }

    /** Levels of lists of aliases of the level below, anchored at the top, one of them used as a value. */
    record AliasBomb(int levels, int width, int at) implements Mutation {
        @Override
        public byte[] apply(byte[] in) {
            StringBuilder defs = new StringBuilder("l0: &l0 [" + "\"lol\", ".repeat(width) + "\"lol\"]\n");
            for (int l = 1; l < levels; l++) {
                defs.append("l")
                        .append(l)
                        .append(": &l")
                        .append(l)
                        .append(" [")
                        .append(("*l" + (l - 1) + ", ").repeat(width))
                        .append("*l")
                        .append(l - 1)
                        .append("]\n");
            }
            List<String> lines = lines(withValue(in, at, "*l" + (levels - 1)));
            lines.add(Math.min(1, lines.size()), defs.toString().stripTrailing());
            return join(lines);
        }
    }

    /** An anchor on one value and an alias to it as another value (before it, it is unresolved). */
    record AnchorAlias(int from, int to) implements Mutation {
        @Override
        public byte[] apply(byte[] in) {
            List<String> lines = lines(in);
            if (lines.isEmpty()) {
                return in;
            }
            int i = Math.floorMod(from, lines.size());
            String l = lines.get(i);
            int colon = l.indexOf(": ");
            if (colon >= 0) {
                lines.set(i, l.substring(0, colon + 2) + "&fz " + l.substring(colon + 2));
            }
            return withValue(join(lines), to, "*fz");
        }
    }

    record SpecialChar(int at, char c) implements Mutation {
        @Override
        public byte[] apply(byte[] in) {
            if (in.length == 0) {
                return new byte[] {(byte) c};
            }
            byte[] out = in.clone();
            out[Math.floorMod(at, in.length)] = (byte) c;
            return out;
        }
    }

    record InsertBytes(int at, byte[] bytes) implements Mutation {
        @Override
        public byte[] apply(byte[] in) {
            int i = in.length == 0 ? 0 : Math.floorMod(at, in.length + 1);
            byte[] out = new byte[in.length + bytes.length];
            System.arraycopy(in, 0, out, 0, i);
            System.arraycopy(bytes, 0, out, i, bytes.length);
            System.arraycopy(in, i, out, i + bytes.length, in.length - i);
            return out;
        }

        @Override
        public String toString() {
            return "InsertBytes[at=" + at + ", bytes=" + Arrays.toString(bytes) + "]";
        }
    }

    record Truncate(int at) implements Mutation {
        @Override
        public byte[] apply(byte[] in) {
            return in.length == 0 ? in : Arrays.copyOf(in, Math.floorMod(at, in.length));
        }
    }

    record LongScalar(int at, int length) implements Mutation {
        @Override
        public byte[] apply(byte[] in) {
            return withValue(in, at, "x".repeat(length));
        }

        @Override
        public String toString() {
            return "LongScalar[at=" + at + ", length=" + length + "]";
        }
    }

    record Prefix(String prefix) implements Mutation {
        @Override
        public byte[] apply(byte[] in) {
            byte[] p = prefix.getBytes(StandardCharsets.ISO_8859_1);
            byte[] out = Arrays.copyOf(p, p.length + in.length);
            System.arraycopy(in, 0, out, p.length, in.length);
            return out;
        }
    }

    private static Arbitrary<Mutation> mutation() {
        Arbitrary<Integer> at = Arbitraries.integers().between(0, 10_000);
        return Arbitraries.frequencyOf(
                Tuple.of(6, at.map(DropLine::new)),
                Tuple.of(
                        4,
                        Combinators.combine(at, Arbitraries.integers().between(1, 3))
                                .as(DuplicateLine::new)),
                Tuple.of(3, Combinators.combine(at, at).as(SwapLines::new)),
                Tuple.of(
                        3,
                        Combinators.combine(at, Arbitraries.integers().between(-4, 4))
                                .as(Reindent::new)),
                Tuple.of(12, Combinators.combine(at, Arbitraries.of(VALUES)).as(ReplaceValue::new)),
                Tuple.of(
                        3,
                        Combinators.combine(
                                        at,
                                        Arbitraries.integers().between(2, 120),
                                        Arbitraries.integers().between(0, 2))
                                .as(Nest::new)),
                Tuple.of(
                        3,
                        Combinators.combine(
                                        Arbitraries.integers().between(2, 9),
                                        Arbitraries.integers().between(1, 12),
                                        at)
                                .as(AliasBomb::new)),
                Tuple.of(3, Combinators.combine(at, at).as(AnchorAlias::new)),
                Tuple.of(
                        4,
                        Combinators.combine(
                                        at,
                                        Arbitraries.of(
                                                ':', '-', '?', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '\'',
                                                '"', '%', '@', '`', ',', '\t', ' ', '\n'))
                                .as(SpecialChar::new)),
                Tuple.of(
                        4,
                        Combinators.combine(
                                        at,
                                        Arbitraries.bytes()
                                                .array(byte[].class)
                                                .ofMinSize(1)
                                                .ofMaxSize(8))
                                .as(InsertBytes::new)),
                Tuple.of(2, at.map(Truncate::new)),
                Tuple.of(
                        1,
                        Combinators.combine(at, Arbitraries.of(1_000, 70_000, 300_000))
                                .as(LongScalar::new)),
                Tuple.of(
                        1,
                        Arbitraries.of(
                                        "\u00EF\u00BB\u00BF",
                                        "\u00FF\u00FE",
                                        "\u00FE\u00FF",
                                        "---\n",
                                        "%YAML 1.2\n---\n",
                                        "\u0000",
                                        "\t",
                                        "\r\n")
                                .map(Prefix::new)));
    }

    // ---- helpers: bytes are handled as ISO-8859-1 text, one char per byte -------------------------

    private static List<String> lines(byte[] in) {
        String s = new String(in, StandardCharsets.ISO_8859_1);
        return s.isEmpty() ? new ArrayList<>() : new ArrayList<>(Arrays.asList(s.split("\n", -1)));
    }

    private static byte[] join(List<String> lines) {
        return String.join("\n", lines).getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String latin(String utf16) {
        return new String(utf16.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    private static int leading(String l) {
        int k = 0;
        while (k < l.length() && l.charAt(k) == ' ') {
            k++;
        }
        return k;
    }

    /**
     * The line at {@code at} with its value replaced: after {@code ": "} or {@code "- "}, else the
     * whole line after its indentation. Multi-line values are indented under the line.
     */
    private static byte[] withValue(byte[] in, int at, String value) {
        List<String> lines = lines(in);
        if (lines.isEmpty()) {
            return value.getBytes(StandardCharsets.ISO_8859_1);
        }
        int i = Math.floorMod(at, lines.size());
        String l = lines.get(i);
        int indent = leading(l);
        String v = value.replace("\n", "\n" + " ".repeat(indent + 2));
        int colon = l.indexOf(": ");
        int dash = l.startsWith("- ", indent) ? indent + 2 : -1;
        String head =
                colon >= 0 ? l.substring(0, colon + 2) : dash >= 0 ? l.substring(0, dash) : l.substring(0, indent);
        lines.set(i, head + v);
        return join(lines);
    }
}
