package dev.sonda.cli;

import dev.sonda.engine.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.Option;

/** {@code --clock system|simulated} and {@code --start INSTANT}, shared by the commands that run a scenario. */
final class ClockOptions {
    @Option(
            names = "--clock",
            paramLabel = "system|simulated",
            description = "Pace on the wall clock (default) or simulate time without sleeping.")
    String clock = "system";

    @Option(
            names = "--start",
            paramLabel = "INSTANT",
            description = "Simulated clock start: epoch milliseconds or RFC 3339 (default: now).")
    String start;

    /**
     * The clock to run on, or null for the system clock.
     *
     * @throws CliException (exit 2) for a value that is neither, or a start that does not parse
     */
    Clock simulatedOrNull() {
        return switch (clock) {
            case "system" -> null;
            case "simulated" -> Clock.simulated(start());
            default -> throw new CliException("invalid --clock \"" + clock + "\": expected 'system' or 'simulated'", 2);
        };
    }

    /**
     * The simulated clock's start: {@code --start}, else now.
     *
     * @throws CliException (exit 2) when {@code --start} does not parse
     */
    Instant start() {
        if (start == null) {
            return Instant.ofEpochMilli(System.currentTimeMillis());
        }
        if (start.matches("-?\\d+")) {
            return Instant.ofEpochMilli(Long.parseLong(start));
        }
        try {
            return OffsetDateTime.parse(start).toInstant();
        } catch (DateTimeParseException e) {
            throw new CliException(
                    "invalid --start \"" + start + "\": expected epoch milliseconds or an RFC 3339 instant", 2);
        }
    }
}
