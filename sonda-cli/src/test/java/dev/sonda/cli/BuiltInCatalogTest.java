package dev.sonda.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonda.api.ScenarioPlan;
import dev.sonda.api.incident.IncidentOptions;
import dev.sonda.api.incident.IncidentPattern;
import dev.sonda.api.incident.Incidents;
import dev.sonda.yaml.ScenarioLoader;
import dev.sonda.yaml.ScenarioWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every built-in catalog file is its DSL twin: {@code Incidents.plan(pattern, defaults())}. After
 * changing the library, rewrite the files with {@code -Dsonda.writeCatalog=true} (the test then
 * writes each twin with {@link ScenarioWriter} before comparing) and review the diff.
 */
class BuiltInCatalogTest {
    private static final Path DIR = Path.of("src/main/resources/" + BuiltInCatalog.RESOURCES);

    private static String file(IncidentPattern p) {
        return p.patternName().replace('-', '_') + ".yaml";
    }

    @Test
    void everyPatternShipsAsACatalogFileEqualToItsDslTwin() throws IOException {
        boolean write = Boolean.getBoolean("sonda.writeCatalog");
        for (IncidentPattern p : IncidentPattern.values()) {
            ScenarioPlan twin = Incidents.plan(p, IncidentOptions.defaults());
            Path file = DIR.resolve(file(p));
            if (write) {
                Files.writeString(
                        file,
                        "# The incident library's '" + p.patternName() + "' pattern: " + p.description() + ".\n"
                                + "# Generated from Incidents.plan(IncidentPattern." + p.name()
                                + ", IncidentOptions.defaults()); change the DSL, then rewrite with\n"
                                + "# ./mvnw -pl sonda-cli -am test -Dtest=BuiltInCatalogTest -Dsonda.writeCatalog=true\n"
                                + ScenarioWriter.write(twin));
            }
            assertThat(ScenarioLoader.load(file)).as(file.toString()).isEqualTo(twin);
        }
        if (write) {
            Files.writeString(
                    DIR.resolve("index"),
                    "# The built-in catalog's files, one per line.\n"
                            + String.join(
                                    "\n",
                                    Arrays.stream(IncidentPattern.values())
                                            .map(BuiltInCatalogTest::file)
                                            .toList())
                            + "\n");
        }
        assertThat(BuiltInCatalog.index())
                .containsExactlyElementsOf(Arrays.stream(IncidentPattern.values())
                        .map(BuiltInCatalogTest::file)
                        .toList());
    }

    @Test
    void theBuiltInCatalogListsEveryPatternByName() {
        List<String> names =
                BuiltInCatalog.all(null).stream().map(Catalog.Item::name).toList();

        assertThat(names)
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(IncidentPattern.values())
                        .map(IncidentPattern::patternName)
                        .toList());
    }
}
