package dev.sonda.engine.internal;

import dev.sonda.api.Bursts;
import dev.sonda.api.Gaps;

/**
 * Not API. When an entry's events fall, as the conformance contract gives the schedule (Sonda 1.20
 * {@code core_loop.rs}): the entry keeps its elapsed time {@code t} (nanoseconds since it started)
 * and its tick {@code i}; a gap (the tail {@code [every - for, every)} of each cycle) jumps {@code
 * t} to the gap's end and sets {@code i = floor(t * rate)}; a burst (the head {@code [0, for)} of
 * each cycle) divides the interval by its multiplier; each emission advances the tick by one. Time
 * is kept in whole nanoseconds, anchored at the last rate change, so long runs do not drift. Not
 * thread-safe.
 */
final class Schedule {
    private static final long NANOS = 1_000_000_000L;

    private final double rate;
    private final long gapEvery;
    private final long gapFor;
    private final long burstEvery;
    private final long burstFor;
    private final double burstRate;

    private long t;
    private long tick;
    private long segStart;
    private long segCount;
    private double segRate;
    private boolean inGap;
    private boolean inBurst;

    Schedule(double rate, Gaps gaps, Bursts bursts) {
        this.rate = rate;
        this.gapEvery = gaps == null ? 0 : gaps.every().toNanos();
        this.gapFor = gaps == null ? 0 : gaps.forDuration().toNanos();
        this.burstEvery = bursts == null ? 0 : bursts.every().toNanos();
        this.burstFor = bursts == null ? 0 : bursts.forDuration().toNanos();
        this.burstRate = bursts == null ? rate : rate * bursts.multiplier();
        this.segRate = rate;
    }

    /** Nanoseconds since the entry started, of the next event. */
    long t() {
        return t;
    }

    /** The tick index of the next event. */
    long tick() {
        return tick;
    }

    boolean inGap() {
        return inGap;
    }

    boolean inBurst() {
        return inBurst;
    }

    /**
     * If {@code t} is inside a gap, jumps to the gap's end (the tick advancing through it) and
     * returns true; the caller checks the duration again.
     */
    boolean skipGap() {
        if (gapEvery == 0) {
            return false;
        }
        long cyc = t % gapEvery;
        if (cyc >= gapEvery - gapFor) {
            inGap = true;
            t += gapEvery - cyc;
            tick = (long) Math.floor((double) t * rate / NANOS);
            segStart = t;
            segCount = 0;
            return true;
        }
        inGap = false;
        return false;
    }

    /** Moves to the next event after one was emitted at {@code t}. */
    void advance() {
        boolean burst = burstEvery != 0 && t % burstEvery < burstFor;
        inBurst = burst;
        double r = burst ? burstRate : rate;
        if (r != segRate) {
            segRate = r;
            segStart = t;
            segCount = 0;
        }
        segCount++;
        t = segStart + Math.round(segCount * 1e9 / segRate);
        tick++;
    }

    /** Resumes at {@code t} after a pause: a new segment at the base rate; the tick continues. */
    void resumeAt(long t) {
        this.t = t;
        segStart = t;
        segCount = 0;
        segRate = rate;
    }
}
