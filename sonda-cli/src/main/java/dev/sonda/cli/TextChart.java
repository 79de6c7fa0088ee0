package dev.sonda.cli;

import java.util.List;

/**
 * A {@link Preview} for a terminal: per series, a title line with its minimum and maximum, a
 * braille chart (each character 2×4 dots, Unicode U+2800 to U+28FF) between its maximum (top) and
 * minimum (bottom), the time axis with the entry's marks (▲ late start, ■ end, ░ gap, ▒ closed
 * by {@code while:}), the axis times, and a legend.
 */
final class TextChart {
    /** Chart rows per series; each row is 4 dots high. */
    static final int ROWS = 4;

    /** Characters before the plot: the y label and the axis. */
    static final int GUTTER = 10;

    /** The dot bits of a braille cell, by [column][row] (Unicode's dot numbering). */
    private static final int[][] BITS = {{0x01, 0x02, 0x04, 0x40}, {0x08, 0x10, 0x20, 0x80}};

    private TextChart() {}

    static String render(Preview p, int columns) {
        int width = columns - GUTTER;
        StringBuilder out = new StringBuilder();
        if (p.traces().isEmpty()) {
            return "(nothing emitted within " + Preview.time(p.horizonNanos()) + ")\n";
        }
        for (Preview.Trace t : p.traces()) {
            chart(out, t, p.marks(t.entry), p.horizonNanos(), width);
            out.append('\n');
        }
        return out.toString();
    }

    private static void chart(StringBuilder out, Preview.Trace t, List<Preview.Mark> marks, long horizon, int width) {
        String tail = "  min " + Preview.value(t.min) + "  max " + Preview.value(t.max) + "  (" + t.n
                + (t.logs ? " seconds)" : " samples)") + (t.truncated ? " [truncated]" : "");
        int room = width + GUTTER - tail.length();
        String title = t.title;
        if (title.codePointCount(0, title.length()) > room) {
            title = title.substring(0, title.offsetByCodePoints(0, Math.max(1, room - 1))) + "…";
        }
        out.append(title).append(tail).append('\n');
        int dotsX = width * 2;
        int dotsY = ROWS * 4;
        int[][] cells = new int[ROWS][width];
        double range = t.max - t.min;
        int prevX = -1;
        int prevY = -1;
        for (int i = 0; i < t.n; i++) {
            double v = t.v[i];
            if (Double.isNaN(v)) {
                prevX = -1;
                continue;
            }
            int x = (int) Math.min(dotsX - 1, Math.max(0, t.t[i] * (double) dotsX / horizon));
            int y = range > 0 ? (int) Math.round((t.max - v) / range * (dotsY - 1)) : dotsY / 2;
            if (prevX >= 0 && t.joined(i)) {
                // a line from the previous sample: each column spans the rows the segment crosses there
                int lastY = prevY;
                for (int xi = prevX + 1; xi <= x; xi++) {
                    int yi = prevY + (int) Math.round((y - prevY) * (double) (xi - prevX) / (x - prevX));
                    dots(cells, xi, Math.min(lastY, yi), Math.max(lastY, yi));
                    lastY = yi;
                }
                dots(cells, x, Math.min(lastY, y), Math.max(lastY, y));
            } else {
                dots(cells, x, y, y);
            }
            prevX = x;
            prevY = y;
        }
        for (int r = 0; r < ROWS; r++) {
            String label = r == 0 ? Preview.value(t.max) : r == ROWS - 1 ? Preview.value(t.min) : "";
            out.append(pad(label, GUTTER - 2)).append(' ').append(r == 0 || r == ROWS - 1 ? '┤' : '│');
            for (int c = 0; c < width; c++) {
                out.append((char) (0x2800 + cells[r][c]));
            }
            out.append('\n');
        }
        char[] axis = new char[width];
        java.util.Arrays.fill(axis, '─');
        for (Preview.Mark m : marks) {
            int a = column(m.from(), horizon, width);
            int b = column(m.to(), horizon, width);
            switch (m.kind()) {
                case GAP -> fill(axis, a, b, '░');
                case CLOSED -> fill(axis, a, b, '▒');
                default -> {}
            }
        }
        for (Preview.Mark m : marks) {
            int a = column(m.from(), horizon, width);
            if (m.kind() == Preview.Mark.Kind.START) {
                axis[a] = '▲';
            } else if (m.kind() == Preview.Mark.Kind.END) {
                axis[Math.min(a, width - 1)] = '■';
            }
        }
        out.append(" ".repeat(GUTTER - 1)).append('└').append(axis).append('\n');
        out.append(" ".repeat(GUTTER)).append(times(horizon, width)).append('\n');
        String legend = Preview.legend(marks);
        if (!legend.isEmpty()) {
            out.append(" ".repeat(GUTTER)).append(legend).append('\n');
        }
    }

    /** Sets the dots of dot column {@code x} from dot row {@code from} to {@code to}. */
    private static void dots(int[][] cells, int x, int from, int to) {
        for (int d = from; d <= to; d++) {
            cells[d / 4][x / 2] |= BITS[x % 2][d % 4];
        }
    }

    private static int column(long nanos, long horizon, int width) {
        return (int) Math.min(width - 1, Math.max(0, nanos * (double) width / horizon));
    }

    private static void fill(char[] axis, int a, int b, char c) {
        for (int i = a; i <= Math.min(b, axis.length - 1); i++) {
            axis[i] = c;
        }
    }

    /** {@code 0s}, the middle and the end of the window under the axis. */
    private static String times(long horizon, int width) {
        char[] line = new char[width];
        java.util.Arrays.fill(line, ' ');
        put(line, Preview.time(0), 0);
        String mid = Preview.time(horizon / 2);
        put(line, mid, width / 2 - mid.length() / 2);
        String end = Preview.time(horizon);
        put(line, end, width - end.length());
        return new String(line).stripTrailing();
    }

    private static void put(char[] line, String s, int at) {
        for (int i = 0; i < s.length() && at + i < line.length; i++) {
            if (at + i >= 0) {
                line[at + i] = s.charAt(i);
            }
        }
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : " ".repeat(width - s.length()) + s;
    }
}
