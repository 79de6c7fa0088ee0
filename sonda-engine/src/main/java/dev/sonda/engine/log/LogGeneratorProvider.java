package dev.sonda.engine.log;

import dev.sonda.api.generator.LogGeneratorSpec;
import dev.sonda.api.spi.SpecKind;
import dev.sonda.api.spi.SpecProvider;
import java.util.OptionalDouble;

/**
 * A log generator type end to end: its {@code type:} name, its spec record, reading, writing and
 * validating its {@code log_generator:} block ({@link SpecProvider}), and building the {@link
 * LogGenerator} that runs.
 *
 * <p>Register it with one line in {@code META-INF/services/dev.sonda.api.spi.SpecProvider}, exactly
 * as the built-ins ({@code template}, {@code csv_replay}) are, or add it to a {@link
 * dev.sonda.api.spi.SpecRegistry} built for a run.
 *
 * <p>Threading: {@link #create} and {@link #replayRate} are called on the thread that compiles the
 * scenario, once per entry, before the run; they must not block (reading a small local file is
 * acceptable). The generator returned must be immutable and thread-safe, a pure function of the
 * tick. A provider is stateless or thread-safe.
 */
public interface LogGeneratorProvider extends SpecProvider<LogGeneratorSpec> {

    @Override
    default SpecKind kind() {
        return SpecKind.LOG_GENERATOR;
    }

    /**
     * Builds the generator of one entry.
     *
     * @param spec the spec, of {@link #specClass()}, validated
     * @param context the block's path, the template index width and the data directory
     * @return the generator, never null
     * @throws dev.sonda.api.InvalidScenarioException if the spec cannot run (a data file that
     *     cannot be read, say), each problem at a path under {@link LogGeneratorContext#path()}
     */
    LogGenerator create(LogGeneratorSpec spec, LogGeneratorContext context);

    /**
     * The rate this type imposes on its entry, replacing the entry's {@code rate:}: {@code
     * csv_replay} replays at the file's own cadence. Default: none.
     *
     * @param spec the spec, of {@link #specClass()}
     * @param context the block's path and the data directory
     * @return events per second, finite and above 0, or empty when the entry's rate applies
     * @throws dev.sonda.api.InvalidScenarioException if the rate cannot be derived, each problem at
     *     a path under {@link LogGeneratorContext#path()}
     */
    default OptionalDouble replayRate(LogGeneratorSpec spec, LogGeneratorContext context) {
        return OptionalDouble.empty();
    }

    /**
     * How {@code --dry-run} shows the generator, such as {@code template (3 templates)}. Default:
     * the type.
     *
     * @param spec a spec of {@link #specClass()}
     * @return the display text
     */
    default String display(LogGeneratorSpec spec) {
        return type();
    }
}
