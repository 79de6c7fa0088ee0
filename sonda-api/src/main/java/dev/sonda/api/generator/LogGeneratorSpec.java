package dev.sonda.api.generator;

import dev.sonda.api.Severity;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A log event generator as written in a scenario: the YAML {@code log_generator:} block. Open to
 * plug-ins through {@link Generic}.
 */
public interface LogGeneratorSpec {

    /**
     * The YAML {@code type:} value, such as {@code "template"}.
     *
     * @return the type name, never null
     */
    String type();

    /**
     * {@code type: template}: messages from templates with {@code {placeholder}} fields drawn from
     * pools, severities drawn by weight, all a pure function of (seed, tick).
     *
     * @param templates templates used round-robin by tick
     * @param severityWeights relative weight per severity; empty means always {@code info}
     * @param seed 64-bit seed, unsigned (YAML {@code seed}), or null when not stated: then the run's
     *     default seed ({@code CompileOptions.withDefaultSeed}), else 0
     */
    record Template(List<LogTemplate> templates, Map<Severity, Double> severityWeights, Long seed)
            implements LogGeneratorSpec {
        /**
         * Creates the record, checking and copying its components.
         *
         * @param templates templates used round-robin by tick
         * @param severityWeights relative weight per severity; empty means always {@code info}
         * @param seed 64-bit seed, unsigned, or null when not stated
         */
        public Template {
            templates = List.copyOf(templates);
            severityWeights = Map.copyOf(severityWeights);
        }

        @Override
        public String type() {
            return "template";
        }
    }

    /**
     * One template of {@link Template}.
     *
     * @param message text with {@code {name}} placeholders
     * @param fieldPools values per placeholder name (YAML {@code field_pools}); every pool becomes
     *     a field of the event
     */
    record LogTemplate(String message, Map<String, List<String>> fieldPools) {
        /**
         * Creates the record, checking and copying its components.
         *
         * @param message text with {@code {name}} placeholders
         * @param fieldPools values per placeholder name (YAML {@code field_pools}); every pool becomes a field of the event
         * @throws NullPointerException if a required component is null
         */
        public LogTemplate {
            Objects.requireNonNull(message, "message");
            fieldPools = fieldPools.entrySet().stream()
                    .collect(java.util.stream.Collectors.toUnmodifiableMap(
                            Map.Entry::getKey, e -> List.copyOf(e.getValue())));
        }
    }

    /**
     * {@code type: csv_replay}: replays log rows from a CSV file at its recorded cadence.
     *
     * @param file path of the CSV file
     * @param timestampColumn header of the timestamp column, or null to auto-detect
     * @param severityColumn header of the severity column, or null to auto-detect
     * @param messageColumn header of the message column, or null to auto-detect
     * @param repeat whether to cycle (default true)
     * @param timescale playback speed factor, finite and above 0 (default 1.0)
     * @param defaultSeverity severity of rows without a valid one (default {@code info})
     */
    record CsvReplay(
            String file,
            String timestampColumn,
            String severityColumn,
            String messageColumn,
            boolean repeat,
            double timescale,
            Severity defaultSeverity)
            implements LogGeneratorSpec {
        /**
         * Creates the record, checking and copying its components.
         *
         * @param file path of the CSV file
         * @param timestampColumn header of the timestamp column, or null to auto-detect
         * @param severityColumn header of the severity column, or null to auto-detect
         * @param messageColumn header of the message column, or null to auto-detect
         * @param repeat whether to cycle (default true)
         * @param timescale playback speed factor, finite and above 0 (default 1.0)
         * @param defaultSeverity severity of rows without a valid one (default {@code info})
         * @throws NullPointerException if a required component is null
         */
        public CsvReplay {
            Objects.requireNonNull(file, "file");
            defaultSeverity = defaultSeverity == null ? Severity.INFO : defaultSeverity;
        }

        @Override
        public String type() {
            return "csv_replay";
        }
    }

    /**
     * A log generator the IR does not know, carried for a plug-in provider.
     *
     * @param type the YAML {@code type:} value
     * @param properties the other keys of the block
     */
    record Generic(String type, Map<String, Object> properties) implements LogGeneratorSpec {
        /**
         * Creates the record, checking and copying its components.
         *
         * @param type the YAML {@code type:} value
         * @param properties the other keys of the block
         * @throws NullPointerException if a required component is null
         */
        public Generic {
            Objects.requireNonNull(type, "type");
            properties = Map.copyOf(properties);
        }
    }
}
