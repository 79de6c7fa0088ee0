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

    /** Body {@code down}: entry {@code d} at 20/s for 1 h while {@code (up, cpu) > 50}. */
    static final String DOWNSTREAM =
            """
            version: 2
            kind: runnable
            scenario_name: down
            scenarios:
              - id: d
                signal_type: metrics
                name: d
                rate: 20
                duration: 1h
                generator: { type: constant, value: 1 }
                while: { ref: cpu, op: ">", value: 50, scenario_name: up }
                sink: { type: memory }
            """;

    /** A template log entry {@code name} at {@code rate}/s into the memory sink. */
    static String logs(String name, double rate) {
        return """
                version: 2
                kind: runnable
                scenarios:
                  - signal_type: logs
                    name: %s
                    rate: %s
                    log_generator: { type: template, templates: [{ message: "hi" }] }
                    sink: { type: memory }
                """
                .formatted(name, rate);
    }

    /** A constant gauge {@code f} = 1 at {@code rate}/s into a file sink at {@code path}. */
    static String fileSink(double rate, String path) {
        return """
                version: 2
                kind: runnable
                scenarios:
                  - signal_type: metrics
                    name: f
                    rate: %s
                    generator: { type: constant, value: 1 }
                    sink: { type: file, path: "%s" }
                """
                .formatted(rate, path);
    }
}
