package dev.sonda.engine.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sonda.api.sink.RetryPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RetryTest {
    private final TestSupport.Lines lines = new TestSupport.Lines();
    private final List<Duration> slept = new ArrayList<>();

    private Retry retry(int max, Duration initial, Duration cap) {
        return new Retry(new RetryPolicy(max, initial, cap), lines::accept, slept::add);
    }

    @Test
    void aSuccessfulFirstCallPrintsNothing() {
        AtomicInteger calls = new AtomicInteger();
        retry(3, Duration.ofMillis(100), Duration.ofSeconds(5)).run(a -> calls.incrementAndGet());
        assertThat(calls).hasValue(1);
        assertThat(lines.lines).isEmpty();
        assertThat(slept).isEmpty();
    }

    @Test
    void transientErrorsAreRetriedWithOneLineEachUntilSuccess() {
        List<Integer> attempts = new ArrayList<>();
        retry(5, Duration.ofMillis(100), Duration.ofSeconds(5)).run(a -> {
            attempts.add(a);
            if (a < 2) {
                throw new SinkException("HTTP 503 from 'http://x/push'");
            }
        });
        assertThat(attempts).containsExactly(0, 1, 2);
        assertThat(lines.lines).hasSize(2);
        assertThat(lines.lines.get(0))
                .matches("sonda: retry 1/5 after \\d+ms \\(error: HTTP 503 from 'http://x/push'\\)");
        assertThat(lines.lines.get(1))
                .matches("sonda: retry 2/5 after \\d+ms \\(error: HTTP 503 from 'http://x/push'\\)");
        assertThat(slept).hasSize(2);
        assertThat(slept.get(0)).isBetween(Duration.ZERO, Duration.ofMillis(100));
        assertThat(slept.get(1)).isBetween(Duration.ZERO, Duration.ofMillis(200));
    }

    @Test
    void theRetryLinePrintsTheChosenSleepInWholeMilliseconds() {
        retry(1, Duration.ofSeconds(2), Duration.ofSeconds(2)).run(a -> {
            if (a == 0) {
                throw new SinkException("boom");
            }
        });
        assertThat(lines.lines)
                .containsExactly("sonda: retry 1/1 after " + slept.get(0).toMillis() + "ms (error: boom)");
    }

    @Test
    void exhaustionPrintsTheFinalLineAndRethrowsTheLastError() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> retry(2, Duration.ofMillis(1), Duration.ofMillis(1))
                        .run(a -> {
                            throw new SinkException("fail " + calls.incrementAndGet());
                        }))
                .isInstanceOf(SinkException.class)
                .hasMessage("fail 3");
        assertThat(calls).hasValue(3);
        assertThat(lines.lines).hasSize(3);
        assertThat(lines.lines.get(0)).matches("sonda: retry 1/2 after [01]ms \\(error: fail 1\\)");
        assertThat(lines.lines.get(1)).matches("sonda: retry 2/2 after [01]ms \\(error: fail 2\\)");
        assertThat(lines.lines.get(2)).isEqualTo("sonda: all 2 retries exhausted (last error: fail 3)");
    }

    @Test
    void aPermanentErrorIsRethrownAtOnceWithoutALine() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> retry(3, Duration.ofMillis(1), Duration.ofMillis(1))
                        .run(
                                a -> {
                                    calls.incrementAndGet();
                                    throw new SinkException("HTTP 404 from 'u'");
                                },
                                HttpSender::retryable))
                .hasMessage("HTTP 404 from 'u'");
        assertThat(calls).hasValue(1);
        assertThat(lines.lines).isEmpty();
    }

    @Test
    void theClassifierIsConsultedBeforeEachRetry() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> retry(5, Duration.ofMillis(1), Duration.ofMillis(1))
                        .run(
                                a -> {
                                    int n = calls.incrementAndGet();
                                    throw new SinkException(n == 1 ? "HTTP 429 from 'u'" : "HTTP 400 from 'u'");
                                },
                                HttpSender::retryable))
                .hasMessage("HTTP 400 from 'u'");
        assertThat(calls).hasValue(2);
        assertThat(lines.lines).hasSize(1);
    }

    @Test
    void withoutAPolicyTheFirstFailureIsRethrownAtOnce() {
        AtomicInteger calls = new AtomicInteger();
        Retry none = new Retry(null, lines::accept);
        assertThatThrownBy(() -> none.run(a -> {
                    calls.incrementAndGet();
                    throw new SinkException("x");
                }))
                .hasMessage("x");
        assertThat(calls).hasValue(1);
        assertThat(lines.lines).isEmpty();
    }

    @Test
    void otherRuntimeExceptionsAreNotRetried() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> retry(3, Duration.ofMillis(1), Duration.ofMillis(1))
                        .run(a -> {
                            calls.incrementAndGet();
                            throw new IllegalStateException("bug");
                        }))
                .isInstanceOf(IllegalStateException.class);
        assertThat(calls).hasValue(1);
    }

    @Test
    void theBaseBackoffDoublesAndIsCappedAndSaturates() {
        Retry r = retry(100, Duration.ofMillis(100), Duration.ofMillis(500));
        assertThat(r.baseBackoff(0)).isEqualTo(Duration.ofMillis(100));
        assertThat(r.baseBackoff(1)).isEqualTo(Duration.ofMillis(200));
        assertThat(r.baseBackoff(2)).isEqualTo(Duration.ofMillis(400));
        assertThat(r.baseBackoff(3)).isEqualTo(Duration.ofMillis(500));
        assertThat(r.baseBackoff(40)).isEqualTo(Duration.ofMillis(500));
        Retry huge = retry(100, Duration.ofDays(365), Duration.ofDays(365 * 1000));
        assertThat(huge.baseBackoff(63)).isEqualTo(Duration.ofNanos(Long.MAX_VALUE));
        for (int i = 0; i < 200; i++) {
            assertThat(r.jitteredBackoff(1)).isBetween(Duration.ZERO, Duration.ofMillis(200));
        }
    }

    @Test
    void invalidPoliciesAreRejectedWithTheReferenceMessages() {
        assertThatThrownBy(() -> new Retry(new RetryPolicy(0, Duration.ofMillis(1), Duration.ofMillis(1)), s -> {}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("retry max_attempts must be at least 1");
        assertThatThrownBy(() -> new Retry(new RetryPolicy(1, Duration.ofSeconds(5), Duration.ofMillis(100)), s -> {}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("retry max_backoff (0.1s) must be >= initial_backoff (5s)");
    }

    @Test
    void anInterruptDuringTheBackoffRestoresTheFlagAndRethrowsTheLastError() {
        Retry r = new Retry(new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(1)), lines::accept, d -> {
            throw new InterruptedException();
        });
        try {
            assertThatThrownBy(() -> r.run(a -> {
                        throw new SinkException("down");
                    }))
                    .hasMessage("down");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
            assertThat(lines.lines).hasSize(1);
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void theRealSleeperWaitsAtMostTheTinyBackoff() {
        Retry real = new Retry(new RetryPolicy(2, Duration.ofMillis(1), Duration.ofMillis(1)), lines::accept);
        AtomicInteger calls = new AtomicInteger();
        real.run(a -> {
            if (calls.incrementAndGet() < 3) {
                throw new SinkException("e");
            }
        });
        assertThat(calls).hasValue(3);
        assertThat(lines.lines).allMatch(l -> l.matches("sonda: retry [12]/2 after [01]ms \\(error: e\\)"));
    }

    @Test
    void retryAfterContinuesFromACallerMadeFirstAttempt() {
        List<Integer> attempts = new ArrayList<>();
        retry(3, Duration.ofMillis(1), Duration.ofMillis(1))
                .retryAfter(new SinkException("first"), attempts::add, e -> true);
        assertThat(attempts).containsExactly(1);
        assertThat(lines.lines).hasSize(1);
        assertThat(lines.lines.get(0)).endsWith("(error: first)");
        SinkException failure = new SinkException("alone");
        assertThatThrownBy(() -> new Retry(null, lines::accept).retryAfter(failure, attempts::add, e -> true))
                .isSameAs(failure);
        assertThat(attempts).containsExactly(1);
    }
}
