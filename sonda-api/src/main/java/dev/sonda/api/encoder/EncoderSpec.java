package dev.sonda.api.encoder;

import dev.sonda.api.Problems;
import java.util.Map;
import java.util.Objects;

/**
 * How events are written as bytes: the YAML {@code encoder:} block.
 *
 * <p>Open to plug-ins through {@link Generic}; the built-ins are the records nested here. The byte
 * formats are the reference's (Sonda 1.20) and are documented on the engine's encoders. Defaults:
 * metric, histogram and summary entries use {@link PrometheusText}, log entries {@link JsonLines}.
 */
public interface EncoderSpec {

    /** Largest {@code precision} the reference accepts. */
    int MAX_PRECISION = 17;

    /**
     * The YAML {@code type:} value, such as {@code "prometheus_text"}.
     *
     * @return the type name, never null
     */
    String type();

    /**
     * Whether this encoder can write metric samples.
     *
     * @return true for metric-capable encoders
     */
    default boolean supportsMetrics() {
        return true;
    }

    /**
     * Whether this encoder can write log events.
     *
     * @return true for log-capable encoders
     */
    default boolean supportsLogs() {
        return false;
    }

    /**
     * Whether this encoder can write spans ({@code signal_type: traces}).
     *
     * @return true for span-capable encoders; default false
     */
    default boolean supportsSpans() {
        return false;
    }

    /**
     * Whether this encoder can write infrastructure events ({@code signal_type: events}).
     *
     * @return true for event-capable encoders; default false
     */
    default boolean supportsEvents() {
        return false;
    }

    /**
     * Adds every problem of this spec that needs no context to {@code problems}.
     *
     * @param path where this spec sits, such as {@code scenarios[0].encoder}
     * @param problems collector of problems found
     */
    default void validate(String path, Problems problems) {}

    /**
     * {@code prometheus_text} with shortest round-trip values.
     *
     * @return the spec
     */
    static EncoderSpec prometheusText() {
        return new PrometheusText(null);
    }

    /**
     * {@code influx_lp} with field key {@code value} and shortest round-trip values.
     *
     * @return the spec
     */
    static EncoderSpec influxLp() {
        return new InfluxLp(null, null);
    }

    /**
     * {@code json_lines} without rounding.
     *
     * @return the spec
     */
    static EncoderSpec jsonLines() {
        return new JsonLines(null);
    }

    /**
     * {@code syslog} (RFC 5424) with hostname and app name {@code sonda}.
     *
     * @return the spec
     */
    static EncoderSpec syslog() {
        return new Syslog(null, null);
    }

    /**
     * {@code ndjson}: the telemetry-simulation schemas, one JSON object per line, for metrics, logs,
     * spans and events.
     *
     * @return the spec
     */
    static EncoderSpec ndjson() {
        return new Ndjson();
    }

    private static void checkPrecision(Integer precision, String path, Problems problems) {
        if (precision != null && (precision < 0 || precision > MAX_PRECISION)) {
            problems.add(path + ".precision", "encoder precision must be between 0 and 17, got " + precision);
        }
    }

    /**
     * {@code type: prometheus_text}: Prometheus text exposition format 0.0.4 sample lines, {@code
     * name{k="v",...} VALUE TIMESTAMP_MS}.
     *
     * @param precision fixed number of decimals (0..17), or null for shortest round-trip digits
     */
    record PrometheusText(Integer precision) implements EncoderSpec {
        @Override
        public String type() {
            return "prometheus_text";
        }

        @Override
        public void validate(String path, Problems problems) {
            checkPrecision(precision, path, problems);
        }
    }

    /**
     * {@code type: influx_lp}: InfluxDB line protocol, {@code name,k=v field=VALUE TIMESTAMP_NS}.
     *
     * @param fieldKey field key (YAML {@code field_key}), null for the default {@code value}
     * @param precision fixed number of decimals (0..17), or null for shortest round-trip digits
     */
    record InfluxLp(String fieldKey, Integer precision) implements EncoderSpec {
        @Override
        public String type() {
            return "influx_lp";
        }

        @Override
        public void validate(String path, Problems problems) {
            checkPrecision(precision, path, problems);
        }

        /**
         * The field key written: {@code fieldKey}, or {@code value} when unset.
         *
         * @return the field key
         */
        public String resolvedFieldKey() {
            return fieldKey != null ? fieldKey : "value";
        }
    }

    /**
     * {@code type: json_lines}: one compact JSON object per line, for metrics and logs.
     *
     * @param precision decimals the metric value is rounded to (half away from zero) before
     *     printing, or null
     */
    record JsonLines(Integer precision) implements EncoderSpec {
        @Override
        public String type() {
            return "json_lines";
        }

        @Override
        public boolean supportsLogs() {
            return true;
        }

        @Override
        public void validate(String path, Problems problems) {
            checkPrecision(precision, path, problems);
        }
    }

    /**
     * {@code type: syslog}: RFC 5424 syslog lines, for logs only.
     *
     * @param hostname HOSTNAME field, null for the default {@code sonda}
     * @param appName APP-NAME field (YAML {@code app_name}), null for the default {@code sonda}
     */
    record Syslog(String hostname, String appName) implements EncoderSpec {
        @Override
        public String type() {
            return "syslog";
        }

        @Override
        public boolean supportsMetrics() {
            return false;
        }

        @Override
        public boolean supportsLogs() {
            return true;
        }
    }

    /**
     * {@code type: ndjson}: newline-delimited JSON in the four schemas of the telemetry-simulation
     * seed (metrics, logs, traces, events), with RFC 3339 timestamps; the default of traces and
     * events entries. The engine's {@code NdjsonEncoder} documents the fields.
     */
    record Ndjson() implements EncoderSpec {
        @Override
        public String type() {
            return "ndjson";
        }

        @Override
        public boolean supportsLogs() {
            return true;
        }

        @Override
        public boolean supportsSpans() {
            return true;
        }

        @Override
        public boolean supportsEvents() {
            return true;
        }
    }

    /** {@code type: remote_write}: length-prefixed Prometheus remote write {@code TimeSeries}. */
    record RemoteWrite() implements EncoderSpec {
        @Override
        public String type() {
            return "remote_write";
        }
    }

    /** {@code type: otlp}: length-prefixed OTLP {@code Metric} / {@code LogRecord} messages. */
    record Otlp() implements EncoderSpec {
        @Override
        public String type() {
            return "otlp";
        }

        @Override
        public boolean supportsLogs() {
            return true;
        }
    }

    /**
     * An encoder the IR does not know, carried for a plug-in {@code EncoderProvider}.
     *
     * @param type the YAML {@code type:} value
     * @param properties the other keys of the block
     */
    record Generic(String type, Map<String, Object> properties) implements EncoderSpec {
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
