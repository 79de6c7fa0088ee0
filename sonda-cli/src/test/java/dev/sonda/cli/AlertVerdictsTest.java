package dev.sonda.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonda.cli.AlertVerdicts.Late;
import dev.sonda.cli.AlertVerdicts.Missed;
import dev.sonda.cli.AlertVerdicts.Observation;
import dev.sonda.cli.AlertVerdicts.Pass;
import dev.sonda.cli.AlertVerdicts.State;
import dev.sonda.cli.AlertVerdicts.Undecided;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The evaluator's outcomes (§3.5), the startsAt refinement (§3.4) and the report's durations. */
class AlertVerdictsTest {
    private static final Duration DEADLINE = Duration.ofSeconds(60);

    private static Observation ok(int secs, State s) {
        return Observation.of(Duration.ofSeconds(secs), s);
    }

    private static Observation err(int secs, String e) {
        return Observation.failed(Duration.ofSeconds(secs), e);
    }

    @Test
    void theFirstFiringObservationWithinTheDeadlinePasses() {
        var o = AlertVerdicts.evaluate(
                List.of(ok(5, State.INACTIVE), ok(30, State.PENDING), ok(45, State.FIRING), ok(50, State.FIRING)),
                DEADLINE,
                AlertVerdicts::firing);

        assertThat(o).isEqualTo(new Pass(Duration.ofSeconds(45)));
    }

    @Test
    void firingAtExactlyTheDeadlineStillPasses() {
        assertThat(AlertVerdicts.evaluate(List.of(ok(60, State.FIRING)), DEADLINE, AlertVerdicts::firing))
                .isEqualTo(new Pass(DEADLINE));
    }

    @Test
    void firingAfterTheDeadlineIsLateWhenASuccessfulPollInsideTheWindowSawItNotFiring() {
        var o = AlertVerdicts.evaluate(
                List.of(ok(10, State.PENDING), err(40, "timeout"), ok(70, State.FIRING)),
                DEADLINE,
                AlertVerdicts::firing);

        assertThat(o).isEqualTo(new Late(Duration.ofSeconds(70), DEADLINE));
    }

    @Test
    void firingAfterTheDeadlineWithOnlyFailedPollsInsideIsUndecidedWithTheLastError() {
        var o = AlertVerdicts.evaluate(
                List.of(err(10, "refused"), err(50, "timeout"), err(65, "late error"), ok(70, State.FIRING)),
                DEADLINE,
                AlertVerdicts::firing);

        assertThat(o).isEqualTo(new Undecided(Duration.ofSeconds(70), "timeout"));
    }

    @Test
    void noFiringWithTheWindowCoveredIsMissed() {
        var o = AlertVerdicts.evaluate(
                List.of(ok(10, State.INACTIVE), err(30, "refused"), ok(61, State.PENDING)),
                DEADLINE,
                AlertVerdicts::firing);

        assertThat(o).isEqualTo(new Missed(DEADLINE, "refused"));
    }

    @Test
    void noFiringAndPollingThatEndedEarlyIsUndecided() {
        assertThat(AlertVerdicts.evaluate(List.of(ok(10, State.INACTIVE)), DEADLINE, AlertVerdicts::firing))
                .isEqualTo(new Undecided(null, null));
        assertThat(AlertVerdicts.evaluate(List.of(), DEADLINE, AlertVerdicts::firing))
                .isEqualTo(new Undecided(null, null));
    }

    @Test
    void resolutionIsAnySuccessfulStateButFiringAndErrorsNeverResolve() {
        var o = AlertVerdicts.evaluate(
                List.of(ok(5, State.FIRING), err(10, "down"), ok(20, State.PENDING)),
                DEADLINE,
                AlertVerdicts::resolved);

        assertThat(o).isEqualTo(new Pass(Duration.ofSeconds(20)));
    }

    @Test
    void startsAtMovesTheFirstFiringEarlierWithinTheLastSuccessfulPollBeforeIt() {
        List<Observation> t = List.of(ok(0, State.INACTIVE), ok(5, State.INACTIVE), ok(10, State.FIRING));

        assertThat(AlertVerdicts.refineFiring(t, 7.25).get(2))
                .isEqualTo(Observation.of(Duration.ofMillis(7250), State.FIRING));
        assertThat(AlertVerdicts.refineFiring(t, 2.0).get(2))
                .as("clamped to the last successful earlier poll")
                .isEqualTo(ok(5, State.FIRING));
        assertThat(AlertVerdicts.refineFiring(t, 30.0).get(2)).as("never later").isEqualTo(ok(10, State.FIRING));
    }

    @Test
    void startsAtLeavesTheTimelineWhenItCannotBeUsed() {
        List<Observation> noEarlier = List.of(err(0, "x"), ok(10, State.FIRING));
        List<Observation> noFiring = List.of(ok(0, State.INACTIVE), ok(10, State.INACTIVE));
        List<Observation> normal = List.of(ok(5, State.INACTIVE), ok(10, State.FIRING));

        assertThat(AlertVerdicts.refineFiring(noEarlier, 3.0)).isEqualTo(noEarlier);
        assertThat(AlertVerdicts.refineFiring(noFiring, 3.0)).isEqualTo(noFiring);
        assertThat(AlertVerdicts.refineFiring(normal, null)).isEqualTo(normal);
        assertThat(AlertVerdicts.refineFiring(normal, Double.NaN)).isEqualTo(normal);
    }

    @Test
    void durationsAreWrittenRoundedAsTheReportWritesThem() {
        assertThat(AlertVerdicts.human(Duration.ZERO)).isEqualTo("0s");
        assertThat(AlertVerdicts.human(Duration.ofMillis(400))).isEqualTo("400ms");
        assertThat(AlertVerdicts.human(Duration.ofMillis(22_300))).isEqualTo("22s");
        assertThat(AlertVerdicts.human(Duration.ofSeconds(281))).isEqualTo("4m41s");
        assertThat(AlertVerdicts.human(Duration.ofSeconds(120))).isEqualTo("2m");
        assertThat(AlertVerdicts.human(Duration.ofSeconds(3723))).isEqualTo("1h2m3s");
    }
}
