package dev.sonda.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.sonda.api.MetricPack;
import dev.sonda.api.PlanKind;
import dev.sonda.api.ScenarioPlan;
import dev.sonda.api.SondaException;
import dev.sonda.engine.PackResolver;
import dev.sonda.yaml.LoadLimits;
import dev.sonda.yaml.ScenarioLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Resolves {@code pack:} references of POSTed bodies (scenarios-scheduling §7.2): a name is a
 * {@code kind: composable} file of the {@code --catalog} directory (top level, {@code .yaml} or
 * {@code .yml}, named by {@code scenario_name}, else {@code name}, else the file stem with {@code
 * _} as {@code -}); a path (one containing {@code /} or starting with {@code .}) is a file the
 * {@link FilePolicy} must allow. Pack files are read within the default load limits with no
 * environment interpolation. The catalog is listed on each lookup, so packs added while the server
 * runs are found.
 */
final class ServerPacks implements PackResolver {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final Path catalog;
    private final FilePolicy files;

    ServerPacks(Path catalog, FilePolicy files) {
        this.catalog = catalog;
        this.files = files;
    }

    @Override
    public MetricPack resolve(String ref) {
        Path file;
        if (ref.contains("/") || ref.startsWith(".")) {
            String refusal = files.refusal(ref, "pack file");
            if (refusal != null) {
                throw new SondaException(refusal);
            }
            file = Path.of(ref);
            if (!Files.isRegularFile(file)) {
                throw new SondaException("cannot read pack file \"" + ref + "\": No such file or directory");
            }
        } else {
            if (catalog == null) {
                throw new SondaException("pack \"" + ref + "\" referenced by name but --catalog <dir> not provided");
            }
            List<String> names = new ArrayList<>();
            file = null;
            try (Stream<Path> list = Files.list(catalog)) {
                for (Path f : list.sorted().toList()) {
                    String n = composableName(f);
                    if (n != null) {
                        names.add(n);
                        if (n.equals(ref) && file == null) {
                            file = f;
                        }
                    }
                }
            } catch (IOException e) {
                throw new SondaException("cannot enumerate catalog dir " + catalog + ": " + e.getMessage());
            }
            if (file == null) {
                names.sort(null);
                throw new SondaException("unknown pack \"" + ref + "\" in catalog " + catalog + "; composable entries: "
                        + (names.isEmpty() ? "<none>" : String.join(", ", names)));
            }
        }
        ScenarioPlan plan;
        try {
            plan = ScenarioLoader.load(file, name -> null, LoadLimits.defaults());
        } catch (SondaException e) {
            throw new SondaException("cannot parse pack definition for \"" + ref + "\": " + e.getMessage());
        }
        if (plan.kind() != PlanKind.COMPOSABLE || plan.pack() == null) {
            throw new SondaException("cannot parse pack definition for \"" + ref + "\": not a kind: composable file");
        }
        files.checkPack(plan.pack(), ref);
        return plan.pack();
    }

    /** The catalog name of a composable file, or null for anything else. */
    private static String composableName(Path f) {
        String fn = f.getFileName().toString();
        if (!Files.isRegularFile(f) || !(fn.endsWith(".yaml") || fn.endsWith(".yml"))) {
            return null;
        }
        JsonNode root;
        try {
            root = YAML.readTree(f.toFile());
        } catch (IOException e) {
            return null;
        }
        if (root == null
                || !root.isObject()
                || !"composable".equals(root.path("kind").asText(null))) {
            return null;
        }
        if (root.hasNonNull("scenario_name")) {
            return root.get("scenario_name").asText();
        }
        if (root.hasNonNull("name")) {
            return root.get("name").asText();
        }
        return fn.substring(0, fn.lastIndexOf('.')).replace('_', '-');
    }
}
