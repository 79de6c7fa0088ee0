package dev.sonda.cli;

import dev.sonda.api.MetricPack;
import dev.sonda.api.PlanKind;
import dev.sonda.api.ScenarioPlan;
import dev.sonda.api.SondaException;
import dev.sonda.engine.PackResolver;
import dev.sonda.yaml.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Resolves {@code pack:} references as Sonda 1.20's CLI does ({@code catalog.rs}, §7.2): a
 * reference containing {@code /} or starting with {@code .} is a file path relative to the working
 * directory; anything else is the name of a {@code kind: composable} entry of the {@code
 * --catalog} directory.
 */
final class CatalogPacks implements PackResolver {
    private final Path catalogDir;

    CatalogPacks(Path catalogDir) {
        this.catalogDir = catalogDir;
    }

    @Override
    public MetricPack resolve(String ref) {
        Path file;
        if (ref.contains("/") || ref.startsWith(".")) {
            file = Path.of(ref);
            if (!Files.isRegularFile(file)) {
                throw new SondaException("cannot read pack file \"" + ref + "\": No such file or directory");
            }
        } else {
            if (catalogDir == null) {
                throw new SondaException("pack \"" + ref + "\" referenced by name but --catalog <dir> not provided");
            }
            Catalog catalog;
            try {
                catalog = Catalog.open(catalogDir, System.err);
            } catch (CliException e) {
                throw new SondaException("cannot enumerate catalog dir " + catalogDir + ": " + e.getMessage());
            }
            List<Catalog.Item> packs = catalog.items().stream()
                    .filter(i -> i.kind().equals("composable"))
                    .toList();
            file = packs.stream()
                    .filter(i -> i.name().equals(ref))
                    .findFirst()
                    .map(Catalog.Item::source)
                    .orElseThrow(() -> new SondaException("unknown pack \"" + ref + "\" in catalog " + catalogDir
                            + "; composable entries: "
                            + (packs.isEmpty()
                                    ? "<none>"
                                    : String.join(
                                            ", ",
                                            packs.stream()
                                                    .map(Catalog.Item::name)
                                                    .toList()))));
        }
        ScenarioPlan plan;
        try {
            plan = ScenarioLoader.load(file);
        } catch (SondaException e) {
            throw new SondaException("cannot parse pack definition for \"" + ref + "\": " + e.getMessage());
        }
        if (plan.kind() != PlanKind.COMPOSABLE || plan.pack() == null) {
            throw new SondaException("cannot parse pack definition for \"" + ref + "\": not a kind: composable file");
        }
        return plan.pack();
    }
}
