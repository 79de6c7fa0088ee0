package dev.sonda.yaml;

import dev.sonda.api.Distribution;
import dev.sonda.api.encoder.EncoderSpec;
import dev.sonda.api.generator.GeneratorSpec;
import dev.sonda.api.generator.LogGeneratorSpec;
import dev.sonda.api.internal.spec.SpecMessages;
import dev.sonda.api.sink.SinkSpec;
import dev.sonda.api.spi.SpecKind;
import dev.sonda.api.spi.SpecRegistry;
import dev.sonda.yaml.YamlTree.Node;
import java.util.List;

/**
 * Reads the {@code type:}-tagged blocks of an entry. A {@code generator}, {@code log_generator},
 * {@code encoder} or {@code sink} block is read by the provider of its type in the registry; a type
 * no provider serves becomes the IR's {@code Generic} spec, for the compiler to report or a
 * plug-in to serve. Keys the provider never reads are warnings. A {@code distribution} is a closed
 * set read here.
 */
final class SpecReader {
    private final SpecRegistry registry;

    SpecReader(SpecRegistry registry) {
        this.registry = registry;
    }

    /** A {@code generator:} block, or null after a problem. */
    GeneratorSpec generator(Node n, String path, Obj parent) {
        return (GeneratorSpec) read(SpecKind.GENERATOR, n, path, parent);
    }

    /** A {@code log_generator:} block, or null after a problem. */
    LogGeneratorSpec logGenerator(Node n, String path, Obj parent) {
        return (LogGeneratorSpec) read(SpecKind.LOG_GENERATOR, n, path, parent);
    }

    /** An {@code encoder:} block, or null after a problem. */
    EncoderSpec encoder(Node n, String path, Obj parent) {
        return (EncoderSpec) read(SpecKind.ENCODER, n, path, parent);
    }

    /** A {@code sink:} block, or null after a problem. */
    SinkSpec sink(Node n, String path, Obj parent) {
        return (SinkSpec) read(SpecKind.SINK, n, path, parent);
    }

    private Object read(SpecKind kind, Node n, String path, Obj parent) {
        Obj block = Obj.of(n, path, parent.diag(), parent);
        if (block == null) {
            return null;
        }
        if (block.reqStr("type") == null) {
            return null;
        }
        Object spec = registry.read(kind, block);
        block.warnUnread(kind.displayName(), block.type());
        return block.failed() ? null : spec;
    }

    /** A {@code distribution:} block (a closed set: an unknown type is an error). */
    static Distribution distribution(Node n, String path, Obj parent) {
        Obj d = Obj.of(n, path, parent.diag(), parent);
        if (d == null) {
            return null;
        }
        String type = d.reqStr("type");
        if (type == null) {
            return null;
        }
        Distribution dist =
                switch (type) {
                    case Distribution.Exponential.TYPE -> new Distribution.Exponential(d.requiredNumber("rate"));
                    case Distribution.Normal.TYPE -> new Distribution.Normal(
                            d.requiredNumber("mean"), d.requiredNumber("stddev"));
                    case Distribution.Uniform.TYPE -> new Distribution.Uniform(
                            d.requiredNumber("min"), d.requiredNumber("max"));
                    default -> {
                        d.problem(
                                "type",
                                SpecMessages.unknown(
                                        "distribution type",
                                        type,
                                        List.of(
                                                Distribution.Exponential.TYPE,
                                                Distribution.Normal.TYPE,
                                                Distribution.Uniform.TYPE)));
                        yield null;
                    }
                };
        return d.failed() ? null : dist;
    }
}
