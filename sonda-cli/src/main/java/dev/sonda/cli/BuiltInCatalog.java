package dev.sonda.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The catalog that ships inside the {@code sonda} jar: the incident library's scenario files,
 * classpath resources under {@code dev/sonda/cli/catalog/} listed in its {@code index}. They are
 * always available: {@code sonda run @outage} and {@code sonda list} find them without {@code
 * --catalog}; a {@code --catalog} directory comes first and its entries hide built-ins of the same
 * name. The files are copied once per process to a temporary directory (deleted on exit) and read
 * there as any catalog directory, so built-in and user entries behave alike.
 */
final class BuiltInCatalog {
    /** Where the files are on the classpath. */
    static final String RESOURCES = "dev/sonda/cli/catalog/";

    private static Path extracted;

    private BuiltInCatalog() {}

    /** The built-in catalog, extracted on first use. */
    static synchronized Catalog catalog() {
        try {
            if (extracted == null) {
                Path dir = Files.createTempDirectory("sonda-catalog-");
                dir.toFile().deleteOnExit();
                for (String file : index()) {
                    Path target = dir.resolve(file);
                    try (InputStream in = resource(file)) {
                        Files.copy(in, target);
                    }
                    target.toFile().deleteOnExit();
                }
                extracted = dir;
            }
            return Catalog.open(extracted, System.err);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract the built-in catalog: " + e.getMessage(), e);
        }
    }

    /** The file names of the built-in catalog, from its index. */
    static List<String> index() throws IOException {
        try (InputStream in = resource("index")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .toList();
        }
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = BuiltInCatalog.class.getClassLoader().getResourceAsStream(RESOURCES + name);
        if (in == null) {
            throw new IOException("missing resource " + RESOURCES + name + " in the sonda jar");
        }
        return in;
    }

    /** Whether a catalog item is a built-in one. */
    static boolean builtIn(Catalog.Item item) {
        return extracted != null && item.source().startsWith(extracted);
    }

    /**
     * Every entry: the {@code --catalog} directory's first (when given), then the built-ins it does
     * not hide, each part sorted by name.
     */
    static List<Catalog.Item> all(Path userCatalog) {
        List<Catalog.Item> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        if (userCatalog != null) {
            for (Catalog.Item i : Catalog.open(userCatalog, System.err).items()) {
                out.add(i);
                names.add(i.name());
            }
        }
        for (Catalog.Item i : catalog().items()) {
            if (names.add(i.name())) {
                out.add(i);
            }
        }
        return out;
    }

    /**
     * The entry called {@code name}: in the {@code --catalog} directory when given and it has one,
     * else built in.
     *
     * @throws CliException (exit code 2) when neither has it, listing what both have
     */
    static Catalog.Item find(Path userCatalog, String name) {
        CliException notInUsers = null;
        if (userCatalog != null) {
            try {
                return Catalog.open(userCatalog, System.err).find(name);
            } catch (CliException e) {
                if (e.exitCode() != 2 || !e.getMessage().startsWith("unknown catalog entry")) {
                    throw e;
                }
                notInUsers = e;
            }
        }
        Catalog builtIn = catalog();
        for (Catalog.Item i : builtIn.items()) {
            if (i.name().equals(name)) {
                return i;
            }
        }
        String builtIns = builtIn.items().stream().map(Catalog.Item::name).collect(Collectors.joining(", "));
        if (notInUsers != null) {
            throw new CliException(notInUsers.getMessage() + "; built in: " + builtIns, 2);
        }
        throw new CliException(
                "unknown catalog entry \"" + name + "\"; built in: " + builtIns
                        + " (your own scenarios: --catalog <dir>)",
                2);
    }
}
