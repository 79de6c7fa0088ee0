package dev.sonda.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code sonda list}: the entries of a {@code --catalog} directory, then the built-in ones it does not hide. */
@Command(
        name = "list",
        description = "List the scenarios and packs of a --catalog directory and the built-in catalog.",
        mixinStandardHelpOptions = true)
final class ListCommand implements Callable<Integer> {
    @ParentCommand
    SondaCommand root;

    @Option(names = "--kind", paramLabel = "runnable|composable", description = "Only entries of this kind.")
    String kind;

    @Option(names = "--tag", paramLabel = "T", description = "Only entries carrying this tag.")
    String tag;

    @Option(names = "--json", description = "Print a JSON array instead of a table.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (kind != null && !kind.equals("runnable") && !kind.equals("composable")) {
            throw new CliException("unknown --kind \"" + kind + "\": expected 'runnable' or 'composable'", 2);
        }
        List<Catalog.Item> items = BuiltInCatalog.all(root.catalog).stream()
                .filter(i -> kind == null || i.kind().equals(kind))
                .filter(i -> tag == null || i.tags().contains(tag))
                .toList();
        if (json) {
            ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            ArrayNode arr = m.createArrayNode();
            for (Catalog.Item i : items) {
                var o = arr.addObject();
                o.put("name", i.name());
                o.put("kind", i.kind());
                o.put("description", i.description());
                i.tags().forEach(o.putArray("tags")::add);
                if (i.tags().isEmpty()) {
                    o.putArray("tags");
                }
                o.put(
                        "source",
                        BuiltInCatalog.builtIn(i) ? "built-in" : i.source().toString());
            }
            System.out.println(m.writeValueAsString(arr));
        } else {
            System.out.println("KIND\tNAME\tTAGS\tDESCRIPTION");
            for (Catalog.Item i : items) {
                System.out.println(
                        i.kind() + "\t" + i.name() + "\t" + String.join(",", i.tags()) + "\t" + i.description());
            }
        }
        System.out.flush();
        return 0;
    }
}
