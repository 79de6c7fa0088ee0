package dev.sonda.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sonda.api.ScenarioPlan;
import dev.sonda.api.SignalType;
import dev.sonda.api.spi.SpecRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The seed README's single-scenario files (no {@code version:}) read as the v2 flat entry of the
 * command's signal: each is compared with the v2 file a user would write by hand for the same
 * scenario, loaded by {@link ScenarioLoader}.
 */
class FlatScenarioLoaderTest {
    private static final Path FLAT = Path.of("../examples/flat");
    private static final SpecRegistry REGISTRY = SpecRegistry.defaults();

    private static ScenarioPlan v2(String yaml) {
        return ScenarioLoader.load(yaml, "v2.yaml", name -> null, REGISTRY);
    }

    private static LoadResult flat(String yaml, SignalType signal) {
        return FlatScenarioLoader.load(yaml, "flat.yaml", signal, name -> null, REGISTRY);
    }

    @Test
    void theSeedsBasicMetricsFileIsTheV2FlatEntryOfTheSameKeys() throws IOException {
        String seed = Files.readString(FLAT.resolve("basic-metrics.yaml"));

        ScenarioPlan plan = FlatScenarioLoader.load(
                        FLAT.resolve("basic-metrics.yaml"), SignalType.METRICS, name -> null, REGISTRY)
                .plan();

        assertThat(plan).isEqualTo(v2("version: 2\nkind: runnable\nsignal_type: metrics\n" + seed));
        assertThat(plan.entries().get(0).name()).isEqualTo("interface_oper_state");
        assertThat(plan.entries().get(0).gaps()).isNotNull();
        assertThat(plan.entries().get(0).bursts()).isNotNull();
    }

    @Test
    void aSeedLogFileKeepsItsLogGeneratorUnderGenerator() throws IOException {
        String seed = Files.readString(FLAT.resolve("log-template.yaml"));
        String asV2 =
                "version: 2\nkind: runnable\nsignal_type: logs\n" + seed.replace("\ngenerator:", "\nlog_generator:");

        ScenarioPlan plan = FlatScenarioLoader.load(
                        FLAT.resolve("log-template.yaml"), SignalType.LOGS, name -> null, REGISTRY)
                .plan();

        assertThat(plan).isEqualTo(v2(asV2));
        assertThat(plan.entries().get(0).signalType()).isEqualTo(SignalType.LOGS);
    }

    @Test
    void everyExampleOfTheFlatDirectoryLoadsForItsSignal() throws IOException {
        try (var files = Files.list(FLAT)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                SignalType signal =
                        f.getFileName().toString().startsWith("log-") ? SignalType.LOGS : SignalType.METRICS;
                assertThat(FlatScenarioLoader.load(f, signal, name -> null, REGISTRY)
                                .plan()
                                .entries())
                        .as(f.toString())
                        .hasSize(1)
                        .allSatisfy(e -> assertThat(e.signalType()).isEqualTo(signal));
            }
        }
    }

    @Test
    void aFileWithAVersionIsReadAsTheV2LoaderReadsIt() {
        String yaml = "version: 2\nkind: runnable\nname: up\nrate: 1\ngenerator: {type: constant, value: 1}\n";

        assertThat(flat(yaml, SignalType.LOGS).plan()).isEqualTo(v2(yaml));
    }

    @Test
    void anUnknownTopLevelKeyIsLocatedWithADidYouMeanAndTheSeedsKeys() {
        String yaml = "name: up\nrate: 1\ngenerator: {type: constant, value: 1}\nlables: {a: b}\n";

        assertThatThrownBy(() -> flat(yaml, SignalType.METRICS))
                .isInstanceOfSatisfying(ScenarioParseException.class, e -> {
                    assertThat(e.located()).hasSize(1);
                    LocatedProblem p = e.located().get(0);
                    assertThat(p.problem().path()).isEqualTo("lables");
                    assertThat(p.problem().message())
                            .startsWith("unknown key 'lables'; did you mean 'labels'?")
                            .contains("known: name, rate, duration, generator");
                    assertThat(p.line()).isEqualTo(4);
                });
    }

    @Test
    void aFileWithoutGeneratorSaysSo() {
        assertThatThrownBy(() -> flat("name: up\nrate: 1\n", SignalType.METRICS))
                .isInstanceOfSatisfying(ScenarioParseException.class, e -> assertThat(e.located())
                        .extracting(l -> l.problem().message())
                        .containsExactly("missing required key 'generator'"));
    }

    @Test
    void aLogFilesGeneratorProblemIsReportedAtGeneratorOnItsLine() {
        String yaml =
                "name: app\nrate: 1\ngenerator:\n  type: template\n  templates:\n    - message: 5\n      field_pools: 3\n";

        assertThatThrownBy(() -> flat(yaml, SignalType.LOGS))
                .isInstanceOfSatisfying(ScenarioParseException.class, e -> {
                    assertThat(e.located()).isNotEmpty();
                    assertThat(e.located())
                            .allSatisfy(l -> assertThat(l.problem().path()).startsWith("generator."));
                    assertThat(e.located().get(0).line()).isEqualTo(7);
                });
    }

    @Test
    void theRulesOfAV2EntryApplyAsTheV2LoaderWordsThem() {
        String body = "name: up\nrate: 0\ngenerator: {type: constant, value: 1}\n";

        assertThatThrownBy(() -> flat(body, SignalType.METRICS))
                .isInstanceOfSatisfying(ScenarioParseException.class, flatError -> assertThatThrownBy(
                                () -> v2("version: 2\nkind: runnable\nsignal_type: metrics\n" + body))
                        .isInstanceOfSatisfying(ScenarioParseException.class, v2Error -> assertThat(flatError.located())
                                .extracting(LocatedProblem::problem)
                                .isEqualTo(v2Error.located().stream()
                                        .map(LocatedProblem::problem)
                                        .toList())));
    }
}
