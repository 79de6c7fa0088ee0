package dev.sonda.cli;

import dev.sonda.api.encoder.EncoderSpec;
import dev.sonda.api.internal.num.FloatText;
import java.util.Locale;

/** Text forms the reference's status lines use (Sonda 1.20 {@code sonda/src/status.rs}). */
final class Texts {
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

    /** The encoder as the start banner shows it: name, plus {@code (precision: N)} when set. */
    static String encoder(EncoderSpec e) {
        Integer p = null;
        if (e instanceof EncoderSpec.PrometheusText pt) {
            p = pt.precision();
        } else if (e instanceof EncoderSpec.InfluxLp il) {
            p = il.precision();
        } else if (e instanceof EncoderSpec.JsonLines jl) {
            p = jl.precision();
        }
        return p == null ? e.type() : e.type() + " (precision: " + p + ")";
    }

    /**
     * How the banner and dry run show a sink: its provider's display text, or its type.
     *
     * @param spec the sink spec
     * @return such as {@code tcp (127.0.0.1:9000)}
     */
    static String sink(dev.sonda.api.sink.SinkSpec spec) {
        return dev.sonda.api.spi.SpecRegistry.defaults()
                .find(dev.sonda.api.spi.SpecKind.SINK, spec.type(), dev.sonda.engine.sink.SinkProvider.class)
                .map(p -> p.display(spec))
                .orElse(spec.type());
    }
}
