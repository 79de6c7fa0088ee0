package dev.sonda.api.spi;

import dev.sonda.api.encoder.EncoderSpec;
import dev.sonda.api.generator.GeneratorSpec;
import dev.sonda.api.generator.LogGeneratorSpec;
import dev.sonda.api.sink.SinkSpec;

/**
 * The kinds of {@code type:}-tagged blocks a scenario entry has, each an open set of types that
 * {@link SpecProvider}s extend.
 */
public enum SpecKind {
    /** The {@code generator:} block of a metrics entry ({@link GeneratorSpec}). */
    GENERATOR("generator", "generator", GeneratorSpec.class),
    /** The {@code log_generator:} block of a logs entry ({@link LogGeneratorSpec}). */
    LOG_GENERATOR("log_generator", "log generator", LogGeneratorSpec.class),
    /** The {@code encoder:} block ({@link EncoderSpec}). */
    ENCODER("encoder", "encoder", EncoderSpec.class),
    /** The {@code sink:} block ({@link SinkSpec}). */
    SINK("sink", "sink", SinkSpec.class);

    private final String yamlKey;
    private final String displayName;
    private final Class<?> specInterface;

    SpecKind(String yamlKey, String displayName, Class<?> specInterface) {
        this.yamlKey = yamlKey;
        this.displayName = displayName;
        this.specInterface = specInterface;
    }

    /**
     * The entry key the block sits under, such as {@code log_generator}.
     *
     * @return the YAML key
     */
    public String yamlKey() {
        return yamlKey;
    }

    /**
     * The kind in words, for messages, such as {@code log generator}.
     *
     * @return the display name
     */
    public String displayName() {
        return displayName;
    }

    /**
     * The interface every spec of this kind implements, such as {@code SinkSpec.class}.
     *
     * @return the spec interface
     */
    public Class<?> specInterface() {
        return specInterface;
    }
}
