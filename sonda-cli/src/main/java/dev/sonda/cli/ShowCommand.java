package dev.sonda.cli;

import java.nio.file.Files;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code sonda show NAME}: prints a catalog entry's file unchanged ({@code --catalog}'s, else built in). */
@Command(name = "show", description = "Print a catalog entry's file.", mixinStandardHelpOptions = true)
final class ShowCommand implements Callable<Integer> {
    @ParentCommand
    SondaCommand root;

    @Parameters(paramLabel = "NAME", description = "Catalog entry name (a leading @ is optional).")
    String name;

    @Override
    public Integer call() throws Exception {
        String n = name.startsWith("@") ? name.substring(1) : name;
        Catalog.Item item = BuiltInCatalog.find(root.catalog, n);
        System.out.write(Files.readAllBytes(item.source()));
        System.out.flush();
        return 0;
    }
}
