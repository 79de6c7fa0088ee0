package dev.sonda.server;

import dev.sonda.api.spi.SpecRegistry;
import dev.sonda.engine.GateRegistry;
import dev.sonda.engine.PackResolver;
import java.util.function.Consumer;

/** What every route shares: the settings, the scenarios, the registries and the log. */
final class ServerContext {
    final SondaServer.Settings settings;
    final ScenarioStore store;
    final GateRegistry gates = GateRegistry.create();
    final SpecRegistry registry;
    final FilePolicy files;
    final PackResolver packs;
    final Consumer<String> log;
    final ServerMetrics metrics;

    ServerContext(SondaServer.Settings settings, FilePolicy files, ServerMetrics metrics) {
        this.settings = settings;
        this.store = new ScenarioStore(settings.maxScenarios());
        this.registry = settings.registry();
        this.files = files;
        this.packs = new ServerPacks(settings.catalog(), files);
        this.log = settings.log();
        this.metrics = metrics;
    }
}
