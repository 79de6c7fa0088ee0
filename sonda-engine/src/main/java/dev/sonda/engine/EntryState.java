package dev.sonda.engine;

/** Lifecycle of one entry in a run, as the reference reports it. */
public enum EntryState {
    /** Waiting for its start (phase offset) or its first tick. */
    PENDING,
    /** Emitting. */
    RUNNING,
    /** Gated off by {@code while:}. */
    PAUSED,
    /** Gated off by {@code while:} with a frozen {@code snap_to} value. */
    HELD,
    /**
     * Its {@code while:} names another body's upstream that is not running (only with a {@link
     * GateRegistry}); it emits as its {@code if_unresolved} says.
     */
    UNRESOLVED,
    /** Done: its duration elapsed, the run was stopped, or it failed. */
    FINISHED
}
