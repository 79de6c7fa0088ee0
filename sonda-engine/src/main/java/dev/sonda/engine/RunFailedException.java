package dev.sonda.engine;

import dev.sonda.api.SondaException;
import java.util.List;
import java.util.stream.Collectors;

/** Thrown by {@link Run#close()} and {@link Run#join()} when at least one entry failed. */
public class RunFailedException extends SondaException {
    private static final long serialVersionUID = 1L;

    /** Every failure, immutable. */
    @SuppressWarnings("serial") // List.copyOf is serializable
    private final List<RunFailure> failures;

    /**
     * Creates the exception; the first failure's error is its cause.
     *
     * @param failures every failure, at least one
     */
    public RunFailedException(List<RunFailure> failures) {
        super(
                failures.stream().map(RunFailure::toString).collect(Collectors.joining("; ")),
                failures.get(0).error());
        this.failures = List.copyOf(failures);
    }

    /**
     * Every failure, in the order they happened.
     *
     * @return the failures
     */
    public List<RunFailure> failures() {
        return failures;
    }
}
