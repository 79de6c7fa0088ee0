package dev.sonda.engine.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BatchPolicyTest {
    private final TestSupport.FakeClock clock = new TestSupport.FakeClock();

    @Test
    void aBatchIsDueWhenItReachesItsSize() {
        BatchPolicy p = new BatchPolicy(3, Duration.ZERO, Duration.ofSeconds(5), clock);
        assertThat(p.due(1)).isFalse();
        assertThat(p.due(2)).isFalse();
        assertThat(p.due(3)).isTrue();
    }

    @Test
    void theAgeCountsFromCreationThenFromTheLastSendAndUsesTheDefaultWhenUnset() {
        BatchPolicy p = new BatchPolicy(100, null, Duration.ofSeconds(5), clock);
        clock.advance(Duration.ofMillis(4_999));
        assertThat(p.due(1)).isFalse();
        clock.advance(Duration.ofMillis(1));
        assertThat(p.due(1)).isTrue(); // 5 s since creation
        clock.advance(Duration.ofSeconds(4));
        assertThat(p.due(2)).isFalse(); // 4 s since that send
        p.sending(); // a flush restarts the age
        clock.advance(Duration.ofSeconds(4));
        assertThat(p.due(3)).isFalse();
        clock.advance(Duration.ofSeconds(1));
        assertThat(p.due(3)).isTrue();
    }

    @Test
    void aZeroAgeNeverMakesABatchDue() {
        BatchPolicy p = new BatchPolicy(10, Duration.ZERO, Duration.ofSeconds(5), clock);
        clock.advance(Duration.ofDays(1));
        assertThat(p.due(1)).isFalse();
    }

    @Test
    void negativeSettingsAreRefused() {
        assertThatThrownBy(() -> new BatchPolicy(-1, null, Duration.ofSeconds(5), clock))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("batch_size must not be negative: -1");
        assertThatThrownBy(() -> new BatchPolicy(1, Duration.ofSeconds(-1), Duration.ofSeconds(5), clock))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("max_buffer_age must not be negative");
    }
}
