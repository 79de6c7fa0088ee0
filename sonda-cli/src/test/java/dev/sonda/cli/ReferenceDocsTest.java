package dev.sonda.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonda.api.spi.SpecKind;
import dev.sonda.api.spi.SpecRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/reference.md cannot drift from the registry: every type the built-in providers serve has a
 * row in the table of its kind, the section headed with the block's key (such as {@code ##
 * Sinks (`sink:`)}), and every documented type is one the registry serves.
 */
class ReferenceDocsTest {

    private static String reference() throws IOException {
        Path root = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().getParent();
        return Files.readString(root.resolve("docs/reference.md"));
    }

    /**
     * The section of {@code kind}: from its {@code ## ... (`key:`)} heading to the next heading of
     * any level (a type's own subsection, such as its keys table, is not the kind's table).
     */
    private static String section(String doc, SpecKind kind) {
        int start = doc.indexOf("(`" + kind.yamlKey() + ":`)\n");
        assertThat(start).as("a section headed with (`%s:`)", kind.yamlKey()).isPositive();
        int end = doc.indexOf("\n#", start);
        return doc.substring(start, end < 0 ? doc.length() : end);
    }

    /** The types of the section's table rows: the first backticked word of each row. */
    private static List<String> documented(String section) {
        List<String> out = new ArrayList<>();
        var m = Pattern.compile("(?m)^\\| `([a-z0-9_]+)[` {]").matcher(section);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    @Test
    void everyRegisteredTypeHasARowInTheTableOfItsKind() throws IOException {
        String doc = reference();
        for (SpecKind kind : SpecKind.values()) {
            assertThat(documented(section(doc, kind)))
                    .as("types documented in docs/reference.md under (`%s:`)", kind.yamlKey())
                    .containsAll(SpecRegistry.defaults().names(kind));
        }
    }

    @Test
    void everyDocumentedTypeIsOneTheRegistryServes() throws IOException {
        String doc = reference();
        for (SpecKind kind : SpecKind.values()) {
            assertThat(SpecRegistry.defaults().names(kind))
                    .as("registered %s types", kind.displayName())
                    .containsAll(documented(section(doc, kind)));
        }
    }
}
