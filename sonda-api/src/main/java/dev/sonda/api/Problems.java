package dev.sonda.api;

import java.util.ArrayList;
import java.util.List;

/**
 * A collector of {@link Problem}s, so validation reports every problem it finds, not only the
 * first. Not thread-safe.
 */
public final class Problems {
    private final List<Problem> list = new ArrayList<>();

    /** Creates an empty collector. */
    public Problems() {}

    /**
     * Records a problem.
     *
     * @param path where, such as {@code scenarios[0].rate}
     * @param message what is wrong and what to do instead
     */
    public void add(String path, String message) {
        list.add(new Problem(path, message));
    }

    /**
     * Records problems found elsewhere.
     *
     * @param problems problems to add, in order
     */
    public void addAll(List<Problem> problems) {
        list.addAll(problems);
    }

    /**
     * Whether no problem has been recorded.
     *
     * @return true when empty
     */
    public boolean isEmpty() {
        return list.isEmpty();
    }

    /**
     * The problems recorded so far, in the order found.
     *
     * @return an immutable copy
     */
    public List<Problem> list() {
        return List.copyOf(list);
    }

    /**
     * Throws an {@link InvalidScenarioException} carrying every problem, if there is any.
     *
     * @throws InvalidScenarioException if at least one problem was recorded
     */
    public void throwIfAny() {
        if (!list.isEmpty()) {
            throw new InvalidScenarioException(list);
        }
    }
}
