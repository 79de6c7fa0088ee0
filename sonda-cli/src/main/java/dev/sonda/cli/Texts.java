package dev.sonda.cli;

import dev.sonda.api.encoder.EncoderSpec;
import dev.sonda.api.generator.GeneratorSpec;
import dev.sonda.api.generator.LogGeneratorSpec;
import dev.sonda.api.internal.num.FloatText;
import dev.sonda.api.sink.SinkSpec;
import dev.sonda.api.spi.SpecKind;
import dev.sonda.api.spi.SpecRegistry;
import dev.sonda.engine.encode.EncoderProvider;
import dev.sonda.engine.generator.GeneratorProvider;
import dev.sonda.engine.log.LogGeneratorProvider;
import dev.sonda.engine.sink.SinkProvider;
import java.util.Locale;

/** Text forms the reference's status lines use (Sonda 1.20 {@code sonda/src/status.rs}). */
final class Texts {
    /** The providers the command runs with: they know how their specs are shown. */
    private static final SpecRegistry REGISTRY = SpecRegistry.defaults();

    private Texts() {}

    /** A rate as banners print it: an integer when whole, else one decimal. */
    static String bannerRate(double rate) {
        if (rate == Math.rint(rate) && Math.abs(rate) < 1e15) {
            return Long.toString((long) rate);
        }
        return String.format(Locale.ROOT, "%.1f", rate);
    }

    /** A rate as dry-run prints it: an integer when whole, else Rust's shortest float text. */
    static String dryRunRate(double rate) {
        if (rate == Math.rint(rate) && Math.abs(rate) < 1e15) {
            return Long.toString((long) rate);
        }
        return FloatText.display(rate);
    }

    /** Bytes as {@code 512 B}, {@code 1.5 KB}, {@code 2.0 MB} (base 1024). */
    static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        double v = n / 1024.0;
        String[] units = {"KB", "MB", "GB"};
        int u = 0;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }

    /** Elapsed time as {@code 12.3s}, {@code 4m05s}-style {@code 4m5s}, or {@code 1h2m}. */
    static String elapsed(double secs) {
        if (secs < 60) {
            return String.format(Locale.ROOT, "%.1fs", secs);
        }
        if (secs < 3600) {
            long m = (long) (secs / 60);
            return String.format(Locale.ROOT, "%dm%.0fs", m, secs - m * 60);
        }
        long h = (long) (secs / 3600);
        long m = (long) ((secs - h * 3600) / 60);
        return h + "h" + m + "m";
    }

    /** A count with thousands separators: {@code 1,234}. */
    static String grouped(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /**
     * The encoder as the start banner shows it: its provider's display text, such as {@code
     * prometheus_text (precision: 2)}, or its type.
     */
    static String encoder(EncoderSpec e) {
        return REGISTRY.find(SpecKind.ENCODER, e.type(), EncoderProvider.class)
                .filter(p -> p.specClass().isInstance(e))
                .map(p -> p.display(e))
                .orElse(e.type());
    }

    /** A metric generator as {@code --dry-run} shows it: its provider's display text, or its type (also for a {@code Generic} spec). */
    static String generator(GeneratorSpec g) {
        return REGISTRY.find(SpecKind.GENERATOR, g.type(), GeneratorProvider.class)
                .filter(p -> p.specClass().isInstance(g))
                .map(p -> p.display(g))
                .orElse(g.type());
    }

    /** A log generator as {@code --dry-run} shows it: its provider's display text, or its type (also for a {@code Generic} spec). */
    static String logGenerator(LogGeneratorSpec g) {
        return REGISTRY.find(SpecKind.LOG_GENERATOR, g.type(), LogGeneratorProvider.class)
                .filter(p -> p.specClass().isInstance(g))
                .map(p -> p.display(g))
                .orElse(g.type());
    }

    /**
     * How the banner and dry run show a sink: its provider's display text, or its type (also for a {@code Generic} spec).
     *
     * @param spec the sink spec
     * @return such as {@code tcp (127.0.0.1:9000)}
     */
    static String sink(SinkSpec spec) {
        return REGISTRY.find(SpecKind.SINK, spec.type(), SinkProvider.class)
                .filter(p -> p.specClass().isInstance(spec))
                .map(p -> p.display(spec))
                .orElse(spec.type());
    }
}
