package dev.sonda.cli;

import dev.sonda.api.OnSinkError;
import dev.sonda.api.encoder.EncoderSpec;
import dev.sonda.api.sink.SinkSpec;
import dev.sonda.api.spi.SpecRegistry;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * Where and how entries write, shared by {@code run}, {@code metrics} and {@code logs}: {@code
 * --sink TYPE --endpoint E} or {@code -o PATH}, {@code --encoder TYPE}, {@code --label k=v} and
 * {@code --on-sink-error}. Every sink and encoder type of the registry is accepted, its block built
 * by its provider (§2.3).
 */
final class OutputOptions {
    @Option(
            names = "--sink",
            paramLabel = "SINK",
            completionCandidates = Types.Sinks.class,
            description = "The sink: ${COMPLETION-CANDIDATES}.")
    String sink;

    @Option(names = "--endpoint", paramLabel = "E", description = "Path, address or URL of the --sink.")
    String endpoint;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "PATH",
            description = "Write to this file: same as --sink file --endpoint PATH.")
    String output;

    @Option(
            names = "--encoder",
            paramLabel = "ENCODER",
            completionCandidates = Types.Encoders.class,
            description = "The encoder: ${COMPLETION-CANDIDATES}.")
    String encoder;

    @Option(names = "--label", paramLabel = "k=v", description = "Add or override a label (repeatable).")
    List<String> labels = List.of();

    @Option(
            names = "--on-sink-error",
            paramLabel = "warn|fail",
            description = "What a sink failure does: warn or fail.")
    String onSinkError;

    /** The sink the flags give, or null. */
    SinkSpec sink(SpecRegistry registry) {
        return Flags.sink(sink, endpoint, output, registry);
    }

    /** The encoder the flags give, or null. */
    EncoderSpec encoder(SpecRegistry registry) {
        return Flags.encoder(encoder, registry);
    }

    /** The {@code --label} flags, in order. */
    Map<String, String> labels() {
        return Flags.labels(labels);
    }

    /** The policy the flag gives, or null. */
    OnSinkError onSinkError() {
        return Flags.onSinkError(onSinkError);
    }
}
