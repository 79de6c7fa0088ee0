package dev.sonda.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A catalog directory as Sonda 1.20 reads it ({@code catalog.rs}): the top level only, files
 * ending {@code .yaml}/{@code .yml} whose {@code kind} is runnable or composable; each is named by
 * {@code scenario_name}, else {@code name}, else its file stem with {@code _} replaced by {@code -}.
 */
final class Catalog {
    /** One catalog entry. */
    record Item(String name, String kind, String description, List<String> tags, Path source) {}

    private final Path dir;
    private final List<Item> items;

    private Catalog(Path dir, List<Item> items) {
        this.dir = dir;
        this.items = items;
    }

    static Catalog open(Path dir, PrintStream warnings) {
        if (!Files.isDirectory(dir)) {
            throw new CliException("catalog dir " + dir + " does not exist or is not a directory", 2);
        }
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        List<Item> items = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                String fn = f.getFileName().toString();
                if (!Files.isRegularFile(f) || !(fn.endsWith(".yaml") || fn.endsWith(".yml"))) {
                    continue;
                }
                JsonNode root;
                try {
                    root = yaml.readTree(f.toFile());
                } catch (IOException e) {
                    warnings.println("warning: catalog: skipping unparseable YAML file " + f + ": " + e.getMessage());
                    continue;
                }
                if (root == null || !root.isObject()) {
                    continue;
                }
                String kind = root.path("kind").asText(null);
                if (!"runnable".equals(kind) && !"composable".equals(kind)) {
                    continue;
                }
                String stem = fn.substring(0, fn.lastIndexOf('.')).replace('_', '-');
                String name = root.hasNonNull("scenario_name")
                        ? root.get("scenario_name").asText()
                        : root.hasNonNull("name") ? root.get("name").asText() : stem;
                List<String> tags = new ArrayList<>();
                root.path("tags").forEach(t -> tags.add(t.asText()));
                items.add(new Item(name, kind, root.path("description").asText(""), List.copyOf(tags), f));
            }
        } catch (IOException e) {
            throw new CliException("failed to read catalog " + dir + ": " + e.getMessage(), 1);
        }
        items.sort(Comparator.comparing(Item::name));
        for (int i = 1; i < items.size(); i++) {
            if (items.get(i).name().equals(items.get(i - 1).name())) {
                throw new CliException(
                        "catalog " + dir + " contains duplicate entry name \""
                                + items.get(i).name() + "\": "
                                + items.get(i - 1).source() + " and "
                                + items.get(i).source(),
                        2);
            }
        }
        return new Catalog(dir, List.copyOf(items));
    }

    List<Item> items() {
        return items;
    }

    Item find(String name) {
        return items.stream()
                .filter(i -> i.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new CliException(
                        "unknown catalog entry \"" + name + "\" in " + dir + "; available: "
                                + (items.isEmpty()
                                        ? "<empty>"
                                        : String.join(
                                                ", ",
                                                items.stream().map(Item::name).toList())),
                        2));
    }
}
