package dev.sonda.engine.workload.internal;

/**
 * Not API. One complete tick of every metric, as published: what a scrape or a push reads.
 *
 * @param tick the tick
 * @param epochNanos its timestamp
 * @param side the buffer side it lives in (its read lock)
 * @param views one per metric, in definition order
 */
record Published(long tick, long epochNanos, int side, MetricView[] views) {}
