package dev.sonda.cli;

import java.util.List;
import java.util.Locale;

/**
 * A {@link Preview} as a standalone SVG 1.1 document: one panel per series, stacked, sharing the
 * time axis. In each panel the plot's top edge is the series' maximum and its bottom edge its
 * minimum (both labelled, classes {@code ymax} and {@code ymin}); the samples are {@code polyline}s
 * of class {@code trace} (one per unbroken stretch, keeping each pixel column's minimum and
 * maximum, so the drawn extent is the series' extent); {@code gaps:} windows and {@code while:}
 * silences are shaded rectangles; a late start and the end are vertical lines with a
 * {@code <title>}.
 */
final class SvgChart {
    static final int WIDTH = 960;
    static final int LEFT = 80;
    static final int RIGHT = 24;
    static final int PLOT_HEIGHT = 64;
    static final int PANEL_HEIGHT = 128;
    static final int TOP = 24;

    private SvgChart() {}

    static String render(Preview p) {
        List<Preview.Trace> traces = p.traces();
        int height = TOP + Math.max(1, traces.size()) * PANEL_HEIGHT;
        StringBuilder b = new StringBuilder();
        b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"")
                .append(WIDTH)
                .append("\" height=\"")
                .append(height)
                .append("\" viewBox=\"0 0 ")
                .append(WIDTH)
                .append(' ')
                .append(height)
                .append("\" font-family=\"monospace\" font-size=\"11\">\n")
                .append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n")
                .append("<text x=\"8\" y=\"16\" font-size=\"12\">sonda preview: ")
                .append(traces.size())
                .append(" series over ")
                .append(escape(Preview.time(p.horizonNanos())))
                .append("</text>\n");
        if (traces.isEmpty()) {
            b.append("<text x=\"8\" y=\"40\">nothing emitted</text>\n");
        }
        int top = TOP;
        for (Preview.Trace t : traces) {
            panel(b, t, p.marks(t.entry), p.horizonNanos(), top + 20);
            top += PANEL_HEIGHT;
        }
        return b.append("</svg>\n").toString();
    }

    private static void panel(StringBuilder b, Preview.Trace t, List<Preview.Mark> marks, long horizon, int top) {
        int plotWidth = WIDTH - LEFT - RIGHT;
        int bottom = top + PLOT_HEIGHT;
        b.append("<g class=\"series\" data-title=\"").append(escape(t.title)).append("\">\n");
        b.append("<text class=\"title\" x=\"8\" y=\"")
                .append(top - 6)
                .append("\">")
                .append(escape(t.title))
                .append(t.logs ? "" : "  (" + t.n + " samples)")
                .append("</text>\n");
        b.append("<rect class=\"plot\" x=\"")
                .append(LEFT)
                .append("\" y=\"")
                .append(top)
                .append("\" width=\"")
                .append(plotWidth)
                .append("\" height=\"")
                .append(PLOT_HEIGHT)
                .append("\" fill=\"#fafafa\" stroke=\"#cccccc\"/>\n");
        for (Preview.Mark m : marks) {
            double x0 = x(m.from(), horizon, plotWidth);
            double x1 = x(m.to(), horizon, plotWidth);
            switch (m.kind()) {
                case GAP, CLOSED -> b.append("<rect class=\"")
                        .append(m.kind() == Preview.Mark.Kind.GAP ? "gap" : "closed")
                        .append("\" x=\"")
                        .append(num(x0))
                        .append("\" y=\"")
                        .append(top)
                        .append("\" width=\"")
                        .append(num(Math.max(0.5, x1 - x0)))
                        .append("\" height=\"")
                        .append(PLOT_HEIGHT)
                        .append(
                                m.kind() == Preview.Mark.Kind.GAP
                                        ? "\" fill=\"#dddddd\"><title>"
                                        : "\" fill=\"#f4d6d6\"><title>")
                        .append(escape(m.label()))
                        .append("</title></rect>\n");
                case START, END -> b.append("<line class=\"")
                        .append(m.kind() == Preview.Mark.Kind.START ? "start" : "end")
                        .append("\" x1=\"")
                        .append(num(x0))
                        .append("\" x2=\"")
                        .append(num(x0))
                        .append("\" y1=\"")
                        .append(top)
                        .append("\" y2=\"")
                        .append(bottom)
                        .append(
                                m.kind() == Preview.Mark.Kind.START
                                        ? "\" stroke=\"#d62728\" stroke-dasharray=\"4 3\"><title>"
                                        : "\" stroke=\"#555555\"><title>")
                        .append(escape(m.label()))
                        .append("</title></line>\n");
            }
        }
        for (boolean max : new boolean[] {true, false}) {
            int y = max ? top : bottom;
            b.append("<line class=\"")
                    .append(max ? "ymax" : "ymin")
                    .append("\" x1=\"")
                    .append(LEFT - 4)
                    .append("\" x2=\"")
                    .append(LEFT)
                    .append("\" y1=\"")
                    .append(y)
                    .append("\" y2=\"")
                    .append(y)
                    .append("\" stroke=\"#333333\"/>\n");
            b.append("<text class=\"")
                    .append(max ? "ymax" : "ymin")
                    .append("\" x=\"")
                    .append(LEFT - 6)
                    .append("\" y=\"")
                    .append(y + 4)
                    .append("\" text-anchor=\"end\">")
                    .append(escape(Preview.value(max ? t.max : t.min)))
                    .append("</text>\n");
        }
        traces(b, t, horizon, plotWidth, top);
        for (int q = 0; q <= 4; q++) {
            long at = horizon / 4 * q;
            b.append("<text class=\"t\" x=\"")
                    .append(num(x(at, horizon, plotWidth)))
                    .append("\" y=\"")
                    .append(bottom + 14)
                    .append("\" text-anchor=\"")
                    .append(q == 0 ? "start" : q == 4 ? "end" : "middle")
                    .append("\" fill=\"#555555\">")
                    .append(escape(Preview.time(at)))
                    .append("</text>\n");
        }
        String legend = Preview.legend(marks);
        if (!legend.isEmpty()) {
            b.append("<text class=\"legend\" xml:space=\"preserve\" x=\"")
                    .append(LEFT)
                    .append("\" y=\"")
                    .append(bottom + 28)
                    .append("\" fill=\"#555555\">")
                    .append(escape(legend))
                    .append("</text>\n");
        }
        b.append("</g>\n");
    }

    /**
     * One polyline per unbroken stretch; within a pixel column its first value, its minimum and
     * maximum (in the order they came) and its last value, so no extreme is lost.
     */
    private static void traces(StringBuilder b, Preview.Trace t, long horizon, int plotWidth, int top) {
        double range = t.max - t.min;
        StringBuilder points = new StringBuilder();
        Column col = null;
        for (int i = 0; i <= t.n; i++) {
            boolean end = i == t.n;
            boolean nan = !end && Double.isNaN(t.v[i]);
            boolean broken = end || nan || !t.joined(i) || Double.isNaN(t.v[i - 1]);
            int px = end || nan ? -1 : (int) Math.floor(x(t.t[i], horizon, plotWidth) - LEFT);
            if (col != null && (broken || px != col.px)) {
                col.emit(points, range, t, top);
                col = null;
            }
            if (broken && points.length() > 0) {
                b.append("<polyline class=\"trace\" fill=\"none\" stroke=\"#1f77b4\" stroke-width=\"1.2\" points=\"")
                        .append(points, 0, points.length() - 1)
                        .append("\"/>\n");
                points.setLength(0);
            }
            if (end || nan) {
                continue;
            }
            if (col == null) {
                col = new Column(px, t.v[i]);
            } else {
                col.add(t.v[i]);
            }
        }
    }

    /** The values of one pixel column of a stretch. */
    private static final class Column {
        final int px;
        final double first;
        double min;
        double max;
        double last;
        boolean minFirst;

        Column(int px, double v) {
            this.px = px;
            first = v;
            min = v;
            max = v;
            last = v;
        }

        void add(double v) {
            if (v < min) {
                min = v;
                minFirst = false;
            }
            if (v > max) {
                max = v;
                minFirst = true;
            }
            last = v;
        }

        void emit(StringBuilder points, double range, Preview.Trace t, int top) {
            double cx = LEFT + px + 0.5;
            point(points, cx, first, range, t, top);
            point(points, cx, minFirst ? min : max, range, t, top);
            point(points, cx, minFirst ? max : min, range, t, top);
            point(points, cx, last, range, t, top);
        }
    }

    private static void point(StringBuilder points, double x, double v, double range, Preview.Trace t, int top) {
        double y = range > 0 ? top + (t.max - v) / range * PLOT_HEIGHT : top + PLOT_HEIGHT / 2.0;
        points.append(num(x)).append(',').append(num(y)).append(' ');
    }

    private static double x(long nanos, long horizon, int plotWidth) {
        return LEFT + Math.min(1.0, Math.max(0.0, nanos / (double) horizon)) * plotWidth;
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.2f", v).replaceAll("\\.?0+$", "");
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                default -> b.append(c < 0x20 && c != '\t' && c != '\n' ? ' ' : c);
            }
        }
        return b.toString();
    }
}
