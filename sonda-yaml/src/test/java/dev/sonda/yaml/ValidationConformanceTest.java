package dev.sonda.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The reference's invalid-scenario cases ({@code conformance/inv_*.yaml}, with the reference's
 * answers in {@code inv_*.json}): each one is either rejected by the loader or owned by a later
 * compile phase listed below.
 */
class ValidationConformanceTest {

    /**
     * Cases the loader accepts because their rule needs the whole dependency graph and the
     * upstream generators' trajectories: they are rejected by the engine's {@code compile_after}
     * phase (spec §2.5), never by parsing or {@code ScenarioPlan.problems()}.
     */
    private static final Map<String, String> LATER_PHASES = Map.of(
            // after-math: a spike_event upstream is above 50 at t=0, so the crossing time is ambiguous
            "inv_after_ambiguous_t0", "compile_after: after.ref crossing is true at t=0",
            // cycle detection over after edges (a -> b -> a)
            "inv_after_cycle", "compile_after: circular dependency",
            // after-math: a descending sawtooth never drops below 33 in the modelled direction
            "inv_after_descending_sawtooth", "compile_after: after.ref crossing out of range",
            // after-math: saturation 20..85 never exceeds 150
            "inv_after_out_of_range", "compile_after: after.ref value out of range",
            // after-math: a uniform upstream has no analytical crossing time
            "inv_after_uniform_target", "compile_after: generator does not support threshold crossings",
            // cycle detection over mixed after/while edges
            "inv_while_mixed_cycle", "compile_after: circular dependency (after + while)");

    /** For every case the loader rejects: a fragment its message must contain. */
    private static final Map<String, String> REJECTED = Map.ofEntries(
            Map.entry("inv_after_bad_op", "scenarios[1].after.op: expected one of <, >, found string \"==\""),
            Map.entry("inv_after_without_duration", "scenarios with 'after:' must have 'duration:' set"),
            Map.entry("inv_composable_with_scenarios", "kind: composable cannot have a 'scenarios:' block"),
            Map.entry("inv_duplicate_ids", "scenarios[1].id: duplicate entry id: 'a'"),
            Map.entry("inv_duration_negative", "duration \"-5s\" must be positive"),
            Map.entry("inv_empty_scenarios", "kind: runnable scenarios block is empty"),
            Map.entry(
                    "inv_env_unset",
                    "environment variable SONDA_CONFORMANCE_UNSET_VAR is not set (referenced at line 14, column 41"),
            Map.entry("inv_gap_bad_duration", "unrecognized duration unit in \"5q\": expected one of ms, s, m, h"),
            Map.entry("inv_hist_burst_multiplier_negative", "bursts.multiplier must be positive, got -1"),
            Map.entry(
                    "inv_hist_missing_distribution",
                    "entry 0: must have either 'generator' (or 'distribution' for histogram/summary) or 'pack'"),
            Map.entry("inv_hist_obs_zero", "observations_per_tick must be greater than zero"),
            Map.entry("inv_invalid_id", "entry id '9-bad.id' is invalid: must match [a-zA-Z_][a-zA-Z0-9_]*"),
            Map.entry("inv_jitter_negative", "jitter must be non-negative"),
            Map.entry("inv_log_burst_for_ge_every", "bursts.for (\"3s\") must be less than bursts.every (\"2s\")"),
            Map.entry("inv_log_encoder_prometheus", "log encoding not supported by this encoder"),
            Map.entry("inv_malformed_yaml", "YAML syntax error"),
            Map.entry("inv_missing_generator", "entry 0: must have either 'generator'"),
            Map.entry("inv_missing_rate", "entry 0 (a): missing required field 'rate'"),
            Map.entry("inv_not_yaml_mapping", "is not a v2 scenario"),
            Map.entry("inv_precision_too_high", "encoder precision must be between 0 and 17, got 18"),
            Map.entry("inv_rate_negative", "rate must be positive, got -2"),
            Map.entry("inv_spike_interval_zero", "spike generator requires interval_secs > 0"),
            Map.entry("inv_summary_quantiles_unsorted", "quantiles must be strictly sorted: 0.9 >= 0.5"),
            Map.entry(
                    "inv_unknown_defaults_field",
                    "defaults.ratee: unknown key 'ratee'; did you mean 'rate'? known: rate, duration,"),
            Map.entry(
                    "inv_unknown_entry_field",
                    "scenarios[0].colour: unknown key 'colour'; known: id, signal_type, name,"),
            Map.entry("inv_unknown_top_level_field", "extra_top: unknown key 'extra_top'; known: version, kind,"),
            Map.entry(
                    "inv_wrong_value_type", "scenarios[0].generator.value: expected a number, found string \"high\""));

    private static Path dir() {
        try {
            return Path.of(
                    ValidationConformanceTest.class.getResource("/conformance").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> cases() throws IOException {
        try (Stream<Path> files = Files.list(dir())) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("inv_") && n.endsWith(".yaml"))
                    .map(n -> n.substring(0, n.length() - ".yaml".length()))
                    .sorted()
                    .toList();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyInvalidCaseIsRejectedOrOwnedByALaterPhase() throws IOException {
        ObjectMapper json = new ObjectMapper();
        return cases().stream().map(name -> {
            Path yaml = dir().resolve(name + ".yaml");
            JsonNode validity;
            try {
                validity = json.readTree(dir().resolve(name + ".json").toFile()).get("validity");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            String detail = validity.get("detail").asText();
            return DynamicTest.dynamicTest(name + " (reference: " + detail + ")", () -> {
                assertThat(validity.get("valid").asBoolean()).isFalse();
                if (LATER_PHASES.containsKey(name)) {
                    assertThat(detail).isEqualTo("compile_after error");
                    assertThatCode(() -> ScenarioLoader.load(yaml, n -> null))
                            .as("%s is owned by %s", name, LATER_PHASES.get(name))
                            .doesNotThrowAnyException();
                    return;
                }
                ScenarioParseException e =
                        catchThrowableOfType(ScenarioParseException.class, () -> ScenarioLoader.load(yaml, n -> null));
                assertThat(e).as("%s must be rejected by the loader", name).isNotNull();
                assertThat(e.getMessage()).contains(REJECTED.get(name));
                assertThat(e.getMessage()).startsWith(yaml + ":");
                assertThat(e.located()).allSatisfy(p -> {
                    assertThat(p.line()).isPositive();
                    assertThat(p.column()).isPositive();
                });
            });
        });
    }

    @Test
    void everyCaseIsClassifiedExactlyOnce() throws IOException {
        Set<String> classified = new HashSet<>(REJECTED.keySet());
        classified.addAll(LATER_PHASES.keySet());

        assertThat(classified).containsExactlyInAnyOrderElementsOf(cases());
        assertThat(REJECTED.keySet()).doesNotContainAnyElementsOf(LATER_PHASES.keySet());
    }

    @Test
    void everyCaseTheReferenceRejectsWhileParsingIsRejectedByTheLoader() throws IOException {
        ObjectMapper json = new ObjectMapper();
        for (String name : cases()) {
            String detail = json.readTree(dir().resolve(name + ".json").toFile())
                    .get("validity")
                    .get("detail")
                    .asText();
            boolean early = detail.equals("parse error")
                    || detail.equals("env interpolation error")
                    || detail.equals("normalize error")
                    || detail.contains("configuration error");
            if (early) {
                assertThat(REJECTED).as(name + " (" + detail + ")").containsKey(name);
            }
        }
    }
}
