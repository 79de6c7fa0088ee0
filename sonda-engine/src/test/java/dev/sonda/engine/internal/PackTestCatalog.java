package dev.sonda.engine.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sonda.api.MetricPack;
import dev.sonda.api.SondaException;
import dev.sonda.engine.PackResolver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Test-only {@link PackResolver} over a catalog directory, as the reference's CLI resolves packs
 * (§7.1, §7.2, §7.4): top-level {@code .yaml}/{@code .yml} files with a {@code kind}; catalog name
 * = {@code scenario_name}, else {@code name}, else the file stem with {@code _} replaced by {@code
 * -}; a name reference matches a composable entry of that name; a path reference ({@code /}
 * anywhere or a leading {@code .}) is read as is.
 */
final class PackTestCatalog implements PackResolver {
    private final Path dir;

    PackTestCatalog(Path dir) {
        this.dir = dir;
    }

    /** One catalog entry. */
    record Item(String name, String kind, Path path) {}

    /** The catalog's entries sorted by name. */
    List<Item> items() {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> {
                        String n = p.getFileName().toString();
                        return Files.isRegularFile(p) && (n.endsWith(".yaml") || n.endsWith(".yml"));
                    })
                    .map(PackTestCatalog::item)
                    .filter(i -> i != null)
                    .sorted((a, b) -> a.name().compareTo(b.name()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Item item(Path file) {
        JsonNode header = PackTestYaml.tree(file);
        String kind = header.path("kind").asText(null);
        if (!"runnable".equals(kind) && !"composable".equals(kind)) {
            return null;
        }
        String name;
        if (header.hasNonNull("scenario_name")) {
            name = header.get("scenario_name").asText();
        } else if (header.hasNonNull("name")) {
            name = header.get("name").asText();
        } else {
            String stem = file.getFileName().toString();
            name = stem.substring(0, stem.lastIndexOf('.')).replace('_', '-');
        }
        return new Item(name, kind, file);
    }

    @Override
    public MetricPack resolve(String ref) {
        if (ref.contains("/") || ref.startsWith(".")) {
            return PackTestYaml.pack(PackTestYaml.tree(Path.of(ref)));
        }
        List<Item> items = items();
        for (int i = 1; i < items.size(); i++) {
            if (items.get(i - 1).name().equals(items.get(i).name())) {
                throw new SondaException("cannot enumerate catalog dir " + dir + ": catalog " + dir
                        + " contains duplicate entry name \"" + items.get(i).name() + "\": "
                        + items.get(i - 1).path() + " and " + items.get(i).path());
            }
        }
        List<Item> packs =
                items.stream().filter(i -> i.kind().equals("composable")).toList();
        for (Item item : packs) {
            if (item.name().equals(ref)) {
                return PackTestYaml.pack(PackTestYaml.tree(item.path()));
            }
        }
        String names =
                packs.isEmpty() ? "<none>" : packs.stream().map(Item::name).collect(Collectors.joining(", "));
        throw new SondaException("unknown pack \"" + ref + "\" in catalog " + dir + "; composable entries: " + names);
    }
}
