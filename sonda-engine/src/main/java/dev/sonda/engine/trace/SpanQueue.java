package dev.sonda.engine.trace;

import java.util.Arrays;

/**
 * Spans waiting to be released in start order: a binary min-heap on (start, sequence). The
 * generator makes a whole trace at its request's arrival, but its spans start later and overlap
 * the next requests'; releasing only spans that start before the next arrival keeps every output
 * in time order, as no later request can start earlier. Not thread-safe.
 */
public final class SpanQueue {
    private Span[] heap = new Span[256];
    private int size;

    /** Creates an empty queue. */
    public SpanQueue() {}

    /**
     * Adds a span.
     *
     * @param s the span
     */
    public void add(Span s) {
        if (size == heap.length) {
            heap = Arrays.copyOf(heap, size * 2);
        }
        int i = size++;
        while (i > 0) {
            int p = (i - 1) >>> 1;
            if (!less(s, heap[p])) {
                break;
            }
            heap[i] = heap[p];
            i = p;
        }
        heap[i] = s;
    }

    /**
     * The earliest span, without removing it.
     *
     * @return the span, or null when empty
     */
    public Span peek() {
        return size == 0 ? null : heap[0];
    }

    /**
     * Removes and returns the earliest span.
     *
     * @return the span, or null when empty
     */
    public Span poll() {
        if (size == 0) {
            return null;
        }
        Span top = heap[0];
        Span last = heap[--size];
        heap[size] = null;
        if (size > 0) {
            int i = 0;
            int half = size >>> 1;
            while (i < half) {
                int c = 2 * i + 1;
                int r = c + 1;
                if (r < size && less(heap[r], heap[c])) {
                    c = r;
                }
                if (!less(heap[c], last)) {
                    break;
                }
                heap[i] = heap[c];
                i = c;
            }
            heap[i] = last;
        }
        return top;
    }

    /**
     * The number of spans waiting.
     *
     * @return the size
     */
    public int size() {
        return size;
    }

    private static boolean less(Span a, Span b) {
        return a.start < b.start || (a.start == b.start && a.seq < b.seq);
    }
}
