package dev.sonda.api.trace;

import dev.sonda.api.Problems;
import dev.sonda.api.encoder.EncoderSpec;
import dev.sonda.api.internal.num.FloatText;
import dev.sonda.api.sink.SinkSpec;

/**
 * The log lines of a traces entry (YAML {@code traces.logs:}): one line per span, stamped at the
 * span's end, from the span's service, carrying its {@code trace_id}, {@code span_id} and {@code
 * operation} as fields. A failed span writes an {@code error} line with its status message; a span
 * slowed by a fault (factor 2 or more) a {@code warn} line; any other span an {@code info} line,
 * for a share {@code sample} of them. Circuit breakers add their own lines.
 *
 * @param sample share of successful, unslowed spans that write a line, 0 to 1 (default 1)
 * @param encoder how the lines are written, or null for the entry's encoder when it writes logs,
 *     else {@code json_lines}
 * @param sink where they go, or null for the entry's sink
 */
public record CorrelatedLogs(double sample, EncoderSpec encoder, SinkSpec sink) {
    /** Every span writes a line. */
    public static final CorrelatedLogs ALL = new CorrelatedLogs(1.0, null, null);

    /**
     * This block writing to another sink (YAML {@code sink:}).
     *
     * @param sink the sink
     * @return the new block
     */
    public CorrelatedLogs withSink(SinkSpec sink) {
        return new CorrelatedLogs(sample, encoder, sink);
    }

    /**
     * This block with another encoder (YAML {@code encoder:}).
     *
     * @param encoder the encoder
     * @return the new block
     */
    public CorrelatedLogs withEncoder(EncoderSpec encoder) {
        return new CorrelatedLogs(sample, encoder, sink);
    }

    /**
     * This block with another sample share (YAML {@code sample:}).
     *
     * @param sample 0 to 1
     * @return the new block
     */
    public CorrelatedLogs withSample(double sample) {
        return new CorrelatedLogs(sample, encoder, sink);
    }

    /**
     * Adds this block's problems.
     *
     * @param path where it sits, such as {@code scenarios[0].traces.logs}
     * @param problems collector of problems found
     */
    public void validate(String path, Problems problems) {
        if (!(sample >= 0 && sample <= 1)) {
            problems.add(path + ".sample", "sample must be between 0 and 1, got " + FloatText.display(sample));
        }
        if (encoder != null) {
            encoder.validate(path + ".encoder", problems);
            if (!encoder.supportsLogs()) {
                problems.add(
                        path + ".encoder",
                        "encoder '" + encoder.type() + "' does not write logs; choose one that does, such as"
                                + " json_lines or ndjson");
            }
        }
        if (sink != null) {
            sink.validate(path + ".sink", problems);
        }
    }
}
