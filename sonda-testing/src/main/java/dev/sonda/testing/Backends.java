package dev.sonda.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * The rule for integration tests whose backend may be missing: on a developer's machine the test
 * is skipped with a message saying what to install; under CI ({@code CI=true} in the environment,
 * as {@code .ci/run} runs) it fails instead, so CI never lands an untested sink.
 */
public final class Backends {
    private Backends() {}

    /**
     * Whether this JVM runs under CI ({@code CI=true}).
     *
     * @return true under CI
     */
    public static boolean underCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /**
     * Requires an executable: skips the calling test (or class, from {@code @BeforeAll}) when it is
     * missing, or fails under CI.
     *
     * @param binary the executable, such as {@code /usr/bin/victoria-metrics}
     * @param debianPackage the Debian package that installs it, such as {@code victoria-metrics}
     * @return {@code binary}
     * @throws AssertionError under CI when the binary is missing
     * @throws org.opentest4j.TestAbortedException elsewhere when it is missing (JUnit skips)
     */
    public static Path require(Path binary, String debianPackage) {
        if (!Files.isExecutable(binary)) {
            missing(binary + " is missing: install it with `apt-get install " + debianPackage
                    + "` (or run .ci/backends.sh)");
        }
        return binary;
    }

    /**
     * Skips (or, under CI, fails) with {@code message}.
     *
     * @param message what is missing and how to install it
     * @throws AssertionError under CI
     * @throws org.opentest4j.TestAbortedException elsewhere
     */
    public static void missing(String message) {
        if (underCi()) {
            throw new AssertionError("CI=true and a backend is missing: " + message);
        }
        Assumptions.abort(message);
    }
}
