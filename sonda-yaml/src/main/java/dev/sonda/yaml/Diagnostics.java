package dev.sonda.yaml;

import dev.sonda.api.Problem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Collects located problems, and warnings, while a file is read. */
final class Diagnostics {
    private final List<LocatedProblem> list = new ArrayList<>();
    private final List<LocatedProblem> warnings = new ArrayList<>();

    /** The paths of {@link #list}, so {@link #covers} costs the length of a path, not a scan. */
    private final Set<String> paths = new HashSet<>();

    void add(String path, String message, Loc loc) {
        list.add(new LocatedProblem(new Problem(path, message), loc.line(), loc.column()));
        paths.add(path);
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
        if (paths.contains(path)) {
            return true;
        }
        for (int i = 1; i < path.length(); i++) {
            char c = path.charAt(i);
            if ((c == '.' || c == '[') && paths.contains(path.substring(0, i))) {
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
