package dev.sonda.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonda.api.CardinalitySpike;
import dev.sonda.api.Distribution;
import dev.sonda.api.Scenario;
import dev.sonda.api.ScenarioPlan;
import dev.sonda.api.Severity;
import dev.sonda.api.Signal;
import dev.sonda.api.generator.GeneratorSpec;
import dev.sonda.api.generator.LogGeneratorSpec;
import dev.sonda.engine.sink.EncodingSink;
import dev.sonda.engine.sink.MemorySink;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link CompileOptions#withDefaultSeed(long)}: a seed the scenario leaves unset runs as if the
 * default seed were written there; a stated seed wins; without a default an unset seed is 0. The
 * expected output is always that of the same scenario with the seed written out.
 */
class DefaultSeedTest {
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final CompileOptions SEED_42 = CompileOptions.defaults().withDefaultSeed(42);

    private static String output(ScenarioPlan plan, CompileOptions options) throws InterruptedException {
        MemorySink sink = new MemorySink();
        try (Run run = Sonda.start(
                Sonda.compile(plan, options),
                RunOptions.defaults()
                        .withClock(Clock.simulated(START))
                        .withSinkFactory((e, ctx) -> EncodingSink.of(sink, ctx)))) {
            run.join();
        }
        return sink.text();
    }

    private static ScenarioPlan uniform(GeneratorSpec.Uniform spec) {
        return Scenario.metrics("u").rate(1).duration("20s").generator(spec).buildPlan();
    }

    @Test
    void anUnstatedUniformSeedRunsAsTheDefaultSeedWrittenOut() throws InterruptedException {
        String unstated = output(uniform(new GeneratorSpec.Uniform(0, 100, null)), SEED_42);
        String written = output(uniform(new GeneratorSpec.Uniform(0, 100, 42L)), CompileOptions.defaults());
        assertThat(unstated).isEqualTo(written);
        assertThat(unstated)
                .isNotEqualTo(output(uniform(new GeneratorSpec.Uniform(0, 100, 0L)), CompileOptions.defaults()));
    }

    @Test
    void aStatedSeedWinsOverTheDefaultSeed() throws InterruptedException {
        ScenarioPlan seven = uniform(new GeneratorSpec.Uniform(0, 100, 7L));
        assertThat(output(seven, SEED_42)).isEqualTo(output(seven, CompileOptions.defaults()));
    }

    @Test
    void withoutADefaultSeedAnUnstatedSeedIsZeroAsInTheReference() throws InterruptedException {
        assertThat(output(uniform(new GeneratorSpec.Uniform(0, 100, null)), CompileOptions.defaults()))
                .isEqualTo(output(uniform(new GeneratorSpec.Uniform(0, 100, 0L)), CompileOptions.defaults()));
    }

    @Test
    void theDefaultSeedReachesTemplateLogs() throws InterruptedException {
        List<LogGeneratorSpec.LogTemplate> templates = List.of(new LogGeneratorSpec.LogTemplate(
                "user {user} from {ip}", Map.of("user", List.of("a", "b", "c"), "ip", List.of("1", "2", "3"))));
        Map<Severity, Double> weights = Map.of(Severity.INFO, 1.0, Severity.ERROR, 1.0);
        ScenarioPlan unstated = Scenario.logs("app")
                .rate(1)
                .duration("30s")
                .template(templates, weights)
                .buildPlan();
        ScenarioPlan written = Scenario.logs("app")
                .rate(1)
                .duration("30s")
                .template(templates, weights, 42)
                .buildPlan();
        assertThat(output(unstated, SEED_42)).isEqualTo(output(written, CompileOptions.defaults()));
        assertThat(output(unstated, SEED_42)).isNotEqualTo(output(unstated, CompileOptions.defaults()));
    }

    @Test
    void theDefaultSeedReachesHistogramsAndSummaries() throws InterruptedException {
        Distribution d = new Distribution.Exponential(5);
        ScenarioPlan unstated =
                Scenario.histogram("lat").rate(1).duration("5s").distribution(d).buildPlan();
        ScenarioPlan written = Scenario.histogram("lat")
                .rate(1)
                .duration("5s")
                .distribution(d)
                .seed(42)
                .buildPlan();
        assertThat(((Signal.Histogram) unstated.entries().get(0).signal()).seed())
                .isNull();
        assertThat(output(unstated, SEED_42)).isEqualTo(output(written, CompileOptions.defaults()));
        ScenarioPlan summary =
                Scenario.summary("lat").rate(1).duration("5s").distribution(d).buildPlan();
        ScenarioPlan summaryWritten = Scenario.summary("lat")
                .rate(1)
                .duration("5s")
                .distribution(d)
                .seed(42)
                .buildPlan();
        assertThat(output(summary, SEED_42)).isEqualTo(output(summaryWritten, CompileOptions.defaults()));
    }

    @Test
    void theDefaultSeedSeedsJitterUnlessJitterSeedOrNoiseSeedIsSet() throws InterruptedException {
        ScenarioPlan unstated = Scenario.metrics("j")
                .rate(1)
                .duration("20s")
                .constant(50)
                .jitter(5)
                .buildPlan();
        ScenarioPlan written = Scenario.metrics("j")
                .rate(1)
                .duration("20s")
                .constant(50)
                .jitter(5, 42)
                .buildPlan();
        assertThat(output(unstated, SEED_42)).isEqualTo(output(written, CompileOptions.defaults()));

        ScenarioPlan steadySeven = Scenario.metrics("s")
                .rate(1)
                .duration("20s")
                .steady(50, 10, Duration.ofMinutes(1), 2, 7)
                .buildPlan();
        assertThat(output(steadySeven, SEED_42)).isEqualTo(output(steadySeven, CompileOptions.defaults()));
        ScenarioPlan steady = Scenario.metrics("s")
                .rate(1)
                .duration("20s")
                .steady(50, 10, Duration.ofMinutes(1), 2)
                .buildPlan();
        ScenarioPlan steady42 = Scenario.metrics("s")
                .rate(1)
                .duration("20s")
                .steady(50, 10, Duration.ofMinutes(1), 2, 42)
                .buildPlan();
        assertThat(output(steady, SEED_42)).isEqualTo(output(steady42, CompileOptions.defaults()));
    }

    @Test
    void theDefaultSeedReachesRandomCardinalitySpikes() throws InterruptedException {
        CardinalitySpike unstated = new CardinalitySpike(
                "pod", Duration.ofSeconds(10), Duration.ofSeconds(5), 4, CardinalitySpike.Strategy.RANDOM, null, null);
        CardinalitySpike written = new CardinalitySpike(
                "pod", Duration.ofSeconds(10), Duration.ofSeconds(5), 4, CardinalitySpike.Strategy.RANDOM, null, 42L);
        ScenarioPlan a = Scenario.metrics("c")
                .rate(1)
                .duration("20s")
                .constant(1)
                .cardinalitySpike(unstated)
                .buildPlan();
        ScenarioPlan b = Scenario.metrics("c")
                .rate(1)
                .duration("20s")
                .constant(1)
                .cardinalitySpike(written)
                .buildPlan();
        assertThat(output(a, SEED_42)).isEqualTo(output(b, CompileOptions.defaults()));
        assertThat(output(a, SEED_42)).isNotEqualTo(output(a, CompileOptions.defaults()));
    }
}
