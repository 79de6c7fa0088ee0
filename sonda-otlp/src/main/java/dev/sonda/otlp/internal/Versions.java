package dev.sonda.otlp.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** This module's version, written into the build ({@code version.properties}). */
public final class Versions {
    /** The Sonda version, such as {@code 0.1.0-SNAPSHOT}; {@code unknown} outside a build. */
    public static final String SONDA = load();

    private Versions() {}

    private static String load() {
        try (InputStream in = Versions.class.getResourceAsStream("/dev/sonda/otlp/version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "unknown");
            return v.startsWith("${") ? "unknown" : v;
        } catch (IOException e) {
            return "unknown";
        }
    }
}
