package dev.sonda.yaml;

import dev.sonda.api.Problem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects located problems, and warnings, while a file is read. */
final class Diagnostics {
    private final List<LocatedProblem> list = new ArrayList<>();
    private final List<LocatedProblem> warnings = new ArrayList<>();

    void add(String path, String message, Loc loc) {
        list.add(new LocatedProblem(new Problem(path, message), loc.line(), loc.column()));
    }

    /** Records a warning: something the file should not say, which does not stop it loading. */
    void warn(String path, String message, Loc loc) {
        warnings.add(new LocatedProblem(new Problem(path, message), loc.line(), loc.column()));
    }

    /** The warnings in file order. */
    List<LocatedProblem> warnings() {
        return order(warnings);
    }

    int size() {
        return list.size();
    }

    boolean isEmpty() {
        return list.isEmpty();
    }

    /** Prefixes the message of every problem added since {@code mark}. */
    void prefixSince(int mark, String prefix) {
        for (int i = mark; i < list.size(); i++) {
            LocatedProblem p = list.get(i);
            list.set(
                    i,
                    new LocatedProblem(
                            new Problem(p.problem().path(), prefix + p.problem().message()), p.line(), p.column()));
        }
    }

    /** Whether a problem was recorded at {@code path} or inside it. */
    boolean covers(String path) {
        for (LocatedProblem p : list) {
            String q = p.problem().path();
            if (path.equals(q) || (!q.isEmpty() && (path.startsWith(q + ".") || path.startsWith(q + "[")))) {
                return true;
            }
        }
        return false;
    }

    /** The problems in file order (stable for equal positions). */
    List<LocatedProblem> sorted() {
        return order(list);
    }

    private static List<LocatedProblem> order(List<LocatedProblem> problems) {
        List<LocatedProblem> out = new ArrayList<>(problems);
        out.sort(Comparator.comparingInt(LocatedProblem::line).thenComparingInt(LocatedProblem::column));
        return out;
    }
}
