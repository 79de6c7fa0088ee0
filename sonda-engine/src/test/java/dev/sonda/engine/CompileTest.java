package dev.sonda.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sonda.api.InvalidScenarioException;
import dev.sonda.api.Location;
import dev.sonda.api.MetricPack;
import dev.sonda.api.PackMetric;
import dev.sonda.api.Problem;
import dev.sonda.api.Scenario;
import dev.sonda.api.ScenarioPlan;
import dev.sonda.api.SourceMap;
import dev.sonda.api.encoder.EncoderSpec;
import dev.sonda.api.generator.GeneratorSpec;
import dev.sonda.api.sink.SinkSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CompileTest {
    /** A source map that puts scenarios[i] on line 10 * (i + 1), and everything else on line 1. */
    private static final SourceMap LINES = new SourceMap() {
        @Override
        public String sourceName() {
            return "plan.yaml";
        }

        @Override
        public Location locate(String path) {
            if (path.startsWith("scenarios[")) {
                int i = Integer.parseInt(path.substring(10, path.indexOf(']')));
                return new Location("plan.yaml", 10 * (i + 1), 3);
            }
            return new Location("plan.yaml", 1, 1);
        }
    };

    private static final MetricPack PACK = new MetricPack(
            "tiny",
            null,
            null,
            Map.of(),
            List.of(
                    new PackMetric("tiny_a", Map.of(), new GeneratorSpec.Constant(1)),
                    new PackMetric("tiny_b", Map.of(), new GeneratorSpec.Constant(2))),
            List.of(),
            null);

    @Test
    void everyProblemOfEveryPhaseIsReportedAtOnceWithTheLocationOfTheEntryAsWritten() {
        ScenarioPlan plan = ScenarioPlan.of(
                        dev.sonda.api.Defaults.NONE,
                        List.of(
                                Scenario.pack("tiny").rate(1).duration("1m").toEntry(),
                                Scenario.metrics("a")
                                        .id("a")
                                        .rate(1)
                                        .duration("1m")
                                        .constant(1)
                                        .sink(new SinkSpec.Generic("kafak", Map.of()))
                                        .toEntry(),
                                Scenario.metrics("b")
                                        .rate(-1)
                                        .duration("1m")
                                        .constant(1)
                                        .toEntry(),
                                Scenario.metrics("c")
                                        .rate(1)
                                        .duration("1m")
                                        .constant(1)
                                        .after("nope", ">", 1)
                                        .toEntry(),
                                Scenario.metrics("d")
                                        .rate(1)
                                        .duration("1m")
                                        .generator(new GeneratorSpec.Generic("sinus", Map.of()))
                                        .toEntry(),
                                Scenario.metrics("e")
                                        .rate(1)
                                        .duration("1m")
                                        .constant(1)
                                        .encoder(new EncoderSpec.Generic("prom", Map.of()))
                                        .toEntry()))
                .withOrigin(LINES);
        assertThatThrownBy(() -> Sonda.compile(plan, CompileOptions.defaults().withPacks(ref -> PACK)))
                .isInstanceOfSatisfying(InvalidScenarioException.class, e -> {
                    assertThat(e.problems())
                            .extracting(Problem::path)
                            .contains(
                                    "scenarios[1].sink.type",
                                    "scenarios[2].rate",
                                    "scenarios[3].after.ref",
                                    "scenarios[4].generator.type");
                    assertThat(e.problems())
                            .anySatisfy(p -> assertThat(p.path()).startsWith("scenarios[5].encoder"));
                    assertThat(e.problems())
                            .allSatisfy(p -> assertThat(p.location()).isNotNull());
                    Problem sink = e.problems().stream()
                            .filter(p -> p.path().equals("scenarios[1].sink.type"))
                            .findFirst()
                            .orElseThrow();
                    assertThat(sink.location()).isEqualTo(new Location("plan.yaml", 20, 3));
                    assertThat(sink.message()).startsWith("unknown sink type 'kafak'");
                    assertThat(sink.toString()).startsWith("plan.yaml:20:3: scenarios[1].sink.type: ");
                });
    }

    @Test
    void aProblemOfAPackMetricNamesThePackEntryAsWrittenAndTheMetric() {
        MetricPack bad = new MetricPack(
                "tiny",
                null,
                null,
                Map.of(),
                List.of(new PackMetric("tiny_a", Map.of(), new GeneratorSpec.Sequence(List.of(), true))),
                List.of(),
                null);
        ScenarioPlan plan = Scenario.plan()
                .add(Scenario.metrics("x").rate(1).duration("1m").constant(1))
                .add(Scenario.pack("tiny").rate(1).duration("1m"))
                .build();
        assertThatThrownBy(() -> Sonda.compile(plan, CompileOptions.defaults().withPacks(ref -> bad)))
                .isInstanceOfSatisfying(InvalidScenarioException.class, e -> assertThat(e.problems())
                        .anySatisfy(p -> {
                            assertThat(p.path()).startsWith("scenarios[1]");
                            assertThat(p.message()).endsWith("(in pack 'tiny', metric 'tiny_a')");
                        }));
    }

    @Test
    void whatCompilationBuildsIsWhatRunsAndOverridesAreBuiltIn() throws InterruptedException {
        ScenarioPlan plan =
                Scenario.metrics("cpu").rate(1).duration("10s").sine(10, 60, 50).buildPlan();
        CompiledPlan compiled =
                Sonda.compile(plan, CompileOptions.defaults().withOverrides(EntryOverrides.NONE.withRate(2)));
        CompiledEntry e = compiled.entries().get(0);
        assertThat(e.rate()).isEqualTo(2);
        assertThat(e.runtime().generator()).isNotNull();
        assertThat(e.runtime().metricEncoder()).isNotNull();
        assertThat(e.runtime().sinkProvider().type()).isEqualTo("stdout");
        // a sine of period 60 s at 2 events/s: tick 30 is a quarter period (15 s), value 50 + 10
        assertThat(e.runtime().generator().value(30)).isEqualTo(60.0, org.assertj.core.api.Assertions.within(1e-9));
        dev.sonda.engine.sink.MemorySink sink = new dev.sonda.engine.sink.MemorySink();
        try (Run run = Sonda.start(
                compiled,
                RunOptions.defaults()
                        .withClock(Clock.simulated(Instant.EPOCH))
                        .withSinkFactory((entry, ctx) -> dev.sonda.engine.sink.EncodingSink.of(sink, ctx)))) {
            run.join();
        }
        List<String> lines = sink.lines();
        assertThat(lines).hasSize(20); // 10 s at the overridden 2 events/s
        assertThat(compiled.entries().get(0).duration()).isEqualTo(Duration.ofSeconds(10));
    }
}
