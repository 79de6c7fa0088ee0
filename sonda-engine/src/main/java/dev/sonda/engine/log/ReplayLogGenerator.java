package dev.sonda.engine.log;

import dev.sonda.api.InvalidScenarioException;
import dev.sonda.api.Severity;
import dev.sonda.api.generator.LogGeneratorSpec;
import dev.sonda.api.internal.num.FloatText;
import dev.sonda.api.spi.SpecBlock;
import dev.sonda.api.spi.SpecWriter;
import dev.sonda.engine.encode.Labels;
import dev.sonda.engine.internal.CsvText;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@code log_generator: {type: replay, file: app.log}}: replays the lines of a text file as log
 * events, in order, cycling back to the first line when the file is exhausted; every event has
 * severity {@code info} and no fields. This is the seed README's log generator {@code replay}
 * ("Log generator types"), which Sonda 1.20 dropped; its behaviour follows Sonda 0.x {@code
 * generator/log_replay.rs}:
 *
 * <ul>
 *   <li>the file is read once, when the generator is built, as UTF-8;
 *   <li>it is split into lines as Rust {@code str::lines} splits (LF, or CR LF); lines that are
 *       blank after a Unicode trim are dropped, the others are kept exactly as written (leading and
 *       trailing spaces included);
 *   <li>no line left: {@code replay file "app.log" contains no lines};
 *   <li>tick {@code t} replays line {@code t mod lines}, {@code t} read as unsigned.
 * </ul>
 *
 * <p>Immutable and thread-safe; {@link #generate} allocates only the stamped event.
 */
public final class ReplayLogGenerator implements LogGenerator {
    private final LogEvent[] lines;

    private ReplayLogGenerator(LogEvent[] lines) {
        this.lines = lines;
    }

    /**
     * A generator over lines already read.
     *
     * @param lines the lines, in replay order; each is one event's message, as it is
     * @return the generator
     * @throws IllegalArgumentException if {@code lines} is empty
     * @throws NullPointerException if {@code lines} or a line is null
     */
    public static ReplayLogGenerator of(List<String> lines) {
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("replay generator requires at least one line");
        }
        LogEvent[] events = new LogEvent[lines.size()];
        for (int i = 0; i < events.length; i++) {
            events[i] = new LogEvent(
                    0L, Severity.INFO, Objects.requireNonNull(lines.get(i), "line"), Labels.empty(), LogFields.empty());
        }
        return new ReplayLogGenerator(events);
    }

    /**
     * Reads {@code spec.file()} (relative to {@code baseDir}) and builds the generator.
     *
     * @param spec the {@code replay} block
     * @param baseDir the directory a relative {@code file} resolves against, or null for the
     *     working directory
     * @param path where the block sits, such as {@code scenarios[0].log_generator}, for problems
     * @return the generator
     * @throws InvalidScenarioException at {@code path.file}: {@code cannot read file "f": reason}
     *     (also for content that is not UTF-8), or {@code replay file "f" contains no lines}
     */
    public static ReplayLogGenerator load(Spec spec, Path baseDir, String path) {
        Objects.requireNonNull(spec, "spec");
        String at = path.isEmpty() ? "file" : path + ".file";
        String text = CsvText.readUtf8(CsvText.resolve(baseDir, spec.file(), at), spec.file(), at);
        List<String> kept = new ArrayList<>();
        for (String line : CsvText.lines(text)) {
            if (!CsvText.trim(line).isEmpty()) {
                kept.add(line);
            }
        }
        if (kept.isEmpty()) {
            throw CsvText.problem(at, "replay file " + FloatText.rustDebugString(spec.file()) + " contains no lines");
        }
        return of(kept);
    }

    /**
     * The line of {@code tick}, stamped.
     *
     * @param tick the 0-based event counter, read as unsigned
     * @param epochNanos the tick's wall clock in nanoseconds since the epoch
     * @param labels the entry's labels for this tick
     * @return line {@code tick mod lines} as an {@code info} event
     */
    @Override
    public LogEvent generate(long tick, long epochNanos, Labels labels) {
        return lines[(int) Long.remainderUnsigned(tick, lines.length)].withStamp(epochNanos, labels);
    }

    /**
     * The lines kept.
     *
     * @return at least 1
     */
    public int lineCount() {
        return lines.length;
    }

    /**
     * Describes the generator.
     *
     * @return such as {@code ReplayLogGenerator[lines=12]}
     */
    @Override
    public String toString() {
        return "ReplayLogGenerator[lines=" + lines.length + "]";
    }

    /**
     * The {@code replay} block.
     *
     * @param file the text file to replay, relative to the working directory (or the compile
     *     options' base directory)
     */
    public record Spec(String file) implements LogGeneratorSpec {
        /** The YAML {@code type:} value. */
        public static final String TYPE = "replay";

        /**
         * Creates the spec.
         *
         * @param file the text file to replay
         * @throws NullPointerException if {@code file} is null
         */
        public Spec {
            Objects.requireNonNull(file, "file");
        }

        @Override
        public String type() {
            return TYPE;
        }
    }

    /**
     * The built-in provider of {@code type: replay}: one required key, {@code file}. The entry runs at
     * its own {@code rate:}.
     */
    public static final class Provider implements LogGeneratorProvider {
        /** Creates the provider; called by {@link java.util.ServiceLoader}. */
        public Provider() {}

        @Override
        public String type() {
            return Spec.TYPE;
        }

        @Override
        public Class<Spec> specClass() {
            return Spec.class;
        }

        @Override
        public String summary() {
            return "the lines of a text file, in order, cycling; severity info";
        }

        @Override
        public LogGeneratorSpec read(SpecBlock block) {
            String file = block.requiredString("file");
            return block.failed() ? null : new Spec(file);
        }

        @Override
        public void write(LogGeneratorSpec spec, SpecWriter out) {
            out.put("file", ((Spec) spec).file());
        }

        /**
         * Reads the file and builds the generator.
         *
         * @param spec a {@link Spec}
         * @param context the block's path and the data directory
         * @return the generator
         * @throws InvalidScenarioException as {@link ReplayLogGenerator#load}
         */
        @Override
        public LogGenerator create(LogGeneratorSpec spec, LogGeneratorContext context) {
            return load((Spec) spec, context.baseDir(), context.path());
        }

        @Override
        public String display(LogGeneratorSpec spec) {
            return Spec.TYPE + " (file: " + ((Spec) spec).file() + ")";
        }
    }
}
