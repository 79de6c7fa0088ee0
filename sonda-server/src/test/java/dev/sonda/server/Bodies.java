package dev.sonda.server;

/** Scenario bodies the server tests post. */
final class Bodies {
    private Bodies() {}

    /** One gauge {@code name} at {@code rate}/s into the memory sink, with label {@code team}. */
    static String gauge(String name, double rate, String team) {
        return """
                version: 2
                kind: runnable
                scenarios:
                  - signal_type: metrics
                    name: %s
                    rate: %s
                    generator: { type: constant, value: 42 }
                    labels: { team: %s }
                    help: "A constant gauge."
                    sink: { type: memory }
                """
                .formatted(name, rate, team);
    }
}
