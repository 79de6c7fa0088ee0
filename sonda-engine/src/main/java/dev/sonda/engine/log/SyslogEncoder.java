package dev.sonda.engine.log;

import dev.sonda.api.Severity;
import dev.sonda.api.encoder.EncoderSpec;
import dev.sonda.api.internal.num.FloatText;
import dev.sonda.api.spi.SpecBlock;
import dev.sonda.api.spi.SpecWriter;
import dev.sonda.engine.encode.ByteBuf;
import dev.sonda.engine.encode.EncodeException;
import dev.sonda.engine.encode.EncoderProvider;
import dev.sonda.engine.encode.Labels;
import java.nio.charset.StandardCharsets;

/**
 * RFC 5424 syslog lines, byte for byte as Sonda 1.20 {@code encoder/syslog.rs}:
 *
 * <pre>{@code
 * <PRI>1 TIMESTAMP HOSTNAME APP-NAME - - SD MSG\n
 * }</pre>
 *
 * <ul>
 *   <li>PRI = facility 1 (user) × 8 + severity code: fatal 0 → {@code <8>}, error 3 → {@code <11>},
 *       warn 4 → {@code <12>}, info 6 → {@code <14>}, debug and trace 7 → {@code <15>};
 *   <li>TIMESTAMP: RFC 3339 UTC with milliseconds (truncated);
 *   <li>HOSTNAME and APP-NAME: as configured (default {@code sonda}), verbatim, not validated;
 *       PROCID and MSGID are always {@code -};
 *   <li>SD: {@code -} without labels, else {@code [sonda k1="v1" k2="v2"]}, keys raw in code point
 *       order, values with {@code \}, {@code "} and {@code ]} backslashed; fields are not written;
 *   <li>MSG: the message, raw UTF-8 (no BOM, line breaks not escaped).
 * </ul>
 *
 * <p>Example: {@code <14>1 2026-03-20T12:00:00.000Z sonda sonda - - [sonda device="wlan0"] Request
 * from 10.0.0.1\n}. Log events only. Thread-safe.
 */
public final class SyslogEncoder implements LogEncoder {
    /** The default HOSTNAME and APP-NAME: {@code sonda}. */
    public static final String DEFAULT_NAME = "sonda";

    private static final byte[][] PRI = new byte[Severity.values().length][];
    private static final byte[] SD_OPEN = ascii("[sonda");

    static {
        int[] code = {7, 7, 6, 4, 3, 0}; // trace, debug, info, warn, error, fatal
        for (Severity s : Severity.values()) {
            PRI[s.ordinal()] = ascii("<" + (8 + code[s.ordinal()]) + ">1 ");
        }
    }

    private final String hostname;
    private final String appName;
    private final byte[] middle;
    private final LabelCache labels = new LabelCache(SyslogEncoder::writeSd);

    /**
     * Creates the encoder.
     *
     * @param hostname the HOSTNAME field, or null for {@code sonda}
     * @param appName the APP-NAME field, or null for {@code sonda}
     */
    public SyslogEncoder(String hostname, String appName) {
        this.hostname = hostname == null ? DEFAULT_NAME : hostname;
        this.appName = appName == null ? DEFAULT_NAME : appName;
        this.middle = (" " + this.hostname + " " + this.appName + " - - ").getBytes(StandardCharsets.UTF_8);
    }

    /** Creates the encoder with HOSTNAME and APP-NAME {@code sonda}. */
    public SyslogEncoder() {
        this(null, null);
    }

    /**
     * Appends the event's syslog line.
     *
     * @param event the stamped event
     * @param out buffer the record is appended to
     * @throws EncodeException {@code timestamp before the Unix epoch} for a negative timestamp
     * @throws NullPointerException if an argument is null
     */
    @Override
    public void encode(dev.sonda.engine.data.LogRecord event, ByteBuf out) {
        long nanos = event.epochNanos();
        if (nanos < 0) {
            throw new EncodeException("timestamp before the Unix epoch");
        }
        byte[] pri = PRI[event.severity().ordinal()];
        byte[] a = out.ensureCapacity(pri.length + 24 + middle.length);
        int p = out.length();
        System.arraycopy(pri, 0, a, p, pri.length);
        p = FloatText.rfc3339Millis(nanos / 1_000_000L, a, p + pri.length);
        System.arraycopy(middle, 0, a, p, middle.length);
        out.setLength(p + middle.length);
        Labels l = event.labels();
        if (l.isEmpty()) {
            out.put((byte) '-');
        } else {
            labels.write(l, out);
        }
        out.put((byte) ' ');
        Utf8Out.raw(event.message(), out);
        out.put((byte) '\n');
    }

    /**
     * The HOSTNAME written.
     *
     * @return the host name
     */
    public String hostname() {
        return hostname;
    }

    /**
     * The APP-NAME written.
     *
     * @return the app name
     */
    public String appName() {
        return appName;
    }

    /**
     * Describes the encoder.
     *
     * @return such as {@code SyslogEncoder[hostname=sonda, appName=sonda]}
     */
    @Override
    public String toString() {
        return "SyslogEncoder[hostname=" + hostname + ", appName=" + appName + "]";
    }

    private static void writeSd(Labels l, ByteBuf out) {
        out.put(SD_OPEN, 0, SD_OPEN.length);
        for (int i = 0, n = l.size(); i < n; i++) {
            out.put((byte) ' ');
            Utf8Out.raw(l.key(i), out);
            out.put((byte) '=');
            out.put((byte) '"');
            Utf8Out.sdValue(l.value(i), out);
            out.put((byte) '"');
        }
        out.put((byte) ']');
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * The built-in provider of {@code type: syslog}: keys {@code hostname} and {@code app_name} (both default {@code sonda}); logs
     * only.
     */
    public static final class Provider implements EncoderProvider {
        /** Creates the provider; called by {@link java.util.ServiceLoader}. */
        public Provider() {}

        @Override
        public String type() {
            return "syslog";
        }

        @Override
        public Class<EncoderSpec.Syslog> specClass() {
            return EncoderSpec.Syslog.class;
        }

        @Override
        public String summary() {
            return "RFC 5424 syslog lines, for logs";
        }

        @Override
        public EncoderSpec read(SpecBlock block) {
            return new EncoderSpec.Syslog(block.string("hostname"), block.string("app_name"));
        }

        @Override
        public void write(EncoderSpec spec, SpecWriter out) {
            EncoderSpec.Syslog e = (EncoderSpec.Syslog) spec;
            out.put("hostname", e.hostname()).put("app_name", e.appName());
        }

        @Override
        public boolean encodesMetrics() {
            return false;
        }

        @Override
        public boolean encodesLogs() {
            return true;
        }

        /**
         * Builds the log encoder.
         *
         * @param spec an {@link EncoderSpec.Syslog}
         * @return the encoder
         */
        @Override
        public LogEncoder logEncoder(EncoderSpec spec) {
            return new SyslogEncoder(((EncoderSpec.Syslog) spec).hostname(), ((EncoderSpec.Syslog) spec).appName());
        }

        @Override
        public String display(EncoderSpec spec) {
            return type();
        }
    }
}
