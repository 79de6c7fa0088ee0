package dev.sonda.engine.log;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonda.api.Severity;
import dev.sonda.api.generator.LogGeneratorSpec;
import dev.sonda.api.generator.LogGeneratorSpec.LogTemplate;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class TemplateLogGeneratorProperties {
    private static final LogGeneratorSpec.Template SPEC = new LogGeneratorSpec.Template(
            List.of(
                    new LogTemplate(
                            "Request from {ip} to {endpoint} as {user}",
                            Map.of(
                                    "ip", List.of("10.0.0.1", "10.0.0.2", "10.0.0.3"),
                                    "endpoint", List.of("/api", "/health"),
                                    "user", List.of("alice", "bob", "carol", "dave"))),
                    new LogTemplate("static {x}", Map.of("x", List.of("1", "2")))),
            Map.of(Severity.INFO, 0.7, Severity.WARN, 0.2, Severity.ERROR, 0.1),
            42L);

    @Property
    void aTickAlwaysYieldsTheSameEventFromAnyGeneratorBuiltFromTheSameSpec(@ForAll long seed, @ForAll long tick) {
        LogGeneratorSpec.Template spec = new LogGeneratorSpec.Template(SPEC.templates(), SPEC.severityWeights(), seed);
        LogEvent a = new TemplateLogGenerator(spec).generate(tick);
        LogEvent b = new TemplateLogGenerator(spec).generate(tick);
        LogEvent again = new TemplateLogGenerator(spec).generate(tick);
        assertThat(a).isEqualTo(b).isEqualTo(again);
    }

    @Property
    void everyFieldValueComesFromItsPoolAndNoPoolPlaceholderIsLeft(@ForAll long tick) {
        LogEvent e = new TemplateLogGenerator(SPEC).generate(tick);
        LogTemplate t = SPEC.templates().get((int) Long.remainderUnsigned(tick, 2));
        assertThat(e.fields().toMap().keySet()).isEqualTo(t.fieldPools().keySet());
        for (Map.Entry<String, List<String>> pool : t.fieldPools().entrySet()) {
            assertThat(pool.getValue()).contains(e.fields().get(pool.getKey()));
            assertThat(e.message()).doesNotContain("{" + pool.getKey() + "}");
        }
    }
}
