package dev.sonda.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonda.api.spi.SpecKind;
import dev.sonda.api.spi.SpecRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Nothing in the main code of sonda-yaml or sonda-cli names a generator, log generator, encoder or
 * sink type: no {@code case "http_push"}, no {@code equals("file")}, no list of sinks. Every type
 * comes from the registry's providers, so adding one is a provider class and a services line.
 *
 * <p>The check reads the two modules' {@code src/main/java} trees and fails on any Java string
 * literal (text blocks included; comments are skipped) that is exactly a type name the default
 * registry knows, aliases included, or a type the optional modules will provide. Resources (the
 * {@code sonda new} templates) are data and may name types.
 */
class NoTypeSwitchesTest {
    /** Types of optional modules, which the registry names in its "add the module" message. */
    private static final Set<String> MODULE_TYPES = Set.of("remote_write", "kafka", "otlp_grpc", "otlp_http", "otlp");

    /**
     * Literals that equal a type name without naming a type, each with why; every one must still be
     * there (a stale entry fails the test, so this list only shrinks).
     */
    private static final Set<String> NOT_TYPES = Set.of(
            // the dry-run JSON's "file" field: the scenario file's path (Sonda 1.20 dry_run.rs)
            "sonda-cli/src/main/java/dev/sonda/cli/DryRun.java: \"file\"",
            // the log generator key --file sets (replay's and csv_replay's file:), not the sink type
            "sonda-cli/src/main/java/dev/sonda/cli/LogsCommand.java: \"file\"",
            // serde's name for a YAML sequence in YamlTree.Node.describe(), which nothing calls any
            // more (Obj.describe words nodes now); it goes when YamlTree's concurrent rework merges
            "sonda-yaml/src/main/java/dev/sonda/yaml/YamlTree.java: \"sequence\"");

    private static Path root() {
        return Path.of(System.getProperty("basedir", ".")).toAbsolutePath().getParent();
    }

    static Set<String> typeNames() {
        Set<String> names = new TreeSet<>(MODULE_TYPES);
        for (SpecKind kind : SpecKind.values()) {
            names.addAll(SpecRegistry.defaults().names(kind));
        }
        return names;
    }

    @Test
    void noMainSourceOfSondaYamlOrSondaCliHasATypeNameAsAStringLiteral() throws IOException {
        Set<String> names = typeNames();
        List<String> hits = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        for (String module : List.of("sonda-yaml", "sonda-cli")) {
            Path src = root().resolve(module).resolve("src/main/java");
            assertThat(src).as("the main source tree of " + module).isDirectory();
            try (Stream<Path> walk = Files.walk(src)) {
                walk.filter(p -> p.toString().endsWith(".java")).sorted().forEach(files::add);
            }
        }
        for (Path file : files) {
            String text = read(file);
            for (Literal l : literals(text)) {
                String at = root().relativize(file) + ": \"" + l.value() + "\"";
                if (names.contains(l.value())) {
                    hits.add(at);
                }
            }
        }

        assertThat(files).as("Java files read").hasSizeGreaterThan(20);
        assertThat(names).as("type names checked").contains("sine", "prometheus_text", "http_push", "template");
        assertThat(hits)
                .as("type names hard-coded in sonda-yaml or sonda-cli")
                .containsExactlyInAnyOrderElementsOf(NOT_TYPES);
    }

    @Test
    void theLiteralScannerSeesStringsAndTextBlocksButNotCommentsOrChars() {
        String java = "// case \"a\"\n/* \"b\" */ x = \"c\\\"d\"; y = 'e'; z = '\"'; t = \"\"\"\n  f\n  \"\"\";\n";

        assertThat(literals(java)).extracting(Literal::value).containsExactly("c\\\"d", "f\n");
        assertThat(literals(java)).extracting(Literal::line).containsExactly(2, 2);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A string literal's raw text (escapes kept; text blocks with their indentation stripped). */
    record Literal(String value, int line) {}

    /** The string literals of a Java source text, in order. */
    static List<Literal> literals(String s) {
        List<Literal> out = new ArrayList<>();
        int line = 1;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\n') {
                line++;
                i++;
            } else if (s.startsWith("//", i)) {
                i = s.indexOf('\n', i);
                i = i < 0 ? s.length() : i;
            } else if (s.startsWith("/*", i)) {
                int end = s.indexOf("*/", i + 2);
                end = end < 0 ? s.length() : end + 2;
                line += count(s, i, end);
                i = end;
            } else if (s.startsWith("\"\"\"", i)) {
                int end = s.indexOf("\"\"\"", i + 3);
                String body = s.substring(s.indexOf('\n', i) + 1, end);
                out.add(new Literal(body.stripIndent(), line));
                line += count(s, i, end);
                i = end + 3;
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (s.charAt(j) != c) {
                    j += s.charAt(j) == '\\' ? 2 : 1;
                }
                if (c == '"') {
                    out.add(new Literal(s.substring(i + 1, j), line));
                }
                i = j + 1;
            } else {
                i++;
            }
        }
        return out;
    }

    private static int count(String s, int from, int to) {
        int n = 0;
        for (int k = from; k < to; k++) {
            if (s.charAt(k) == '\n') {
                n++;
            }
        }
        return n;
    }
}
