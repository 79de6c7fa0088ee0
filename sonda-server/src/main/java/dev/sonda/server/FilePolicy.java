package dev.sonda.server;

import dev.sonda.api.Entry;
import dev.sonda.api.MetricPack;
import dev.sonda.api.PackMetric;
import dev.sonda.api.ScenarioPlan;
import dev.sonda.api.Signal;
import dev.sonda.api.generator.GeneratorSpec;
import dev.sonda.api.generator.LogGeneratorSpec;
import dev.sonda.api.sink.SinkSpec;
import dev.sonda.engine.CompiledEntry;
import dev.sonda.engine.CompiledPlan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Which files a client may make the server read or write: none unless the server was started with
 * {@code --allow-dir} (a documented difference from the reference, which allows any path). A
 * {@code file} sink writes a file and a {@code csv_replay} generator (metrics or logs) or a pack
 * path reads one, so each such path in a POSTed body must lie inside an allowed directory. A path
 * is checked as the operating system would open it: relative paths against the working directory,
 * {@code ..} refused outright (it could climb out through a symbolic link), every symbolic link of
 * the part that exists resolved. Thread-safe.
 */
final class FilePolicy {
    private final List<Path> roots;

    /**
     * Creates the policy.
     *
     * @param dirs the allowed directories; each must exist
     * @throws IllegalArgumentException if one is not an existing directory
     */
    FilePolicy(List<Path> dirs) {
        List<Path> r = new ArrayList<>();
        for (Path d : dirs) {
            if (!Files.isDirectory(d)) {
                throw new IllegalArgumentException("--allow-dir " + d + ": does not exist or is not a directory");
            }
            try {
                r.add(d.toRealPath());
            } catch (IOException e) {
                throw new IllegalArgumentException("--allow-dir " + d + ": cannot be resolved: " + e.getMessage());
            }
        }
        this.roots = List.copyOf(r);
    }

    List<Path> roots() {
        return roots;
    }

    /** Checks the files a plan as written names (before compiling reads any of them). */
    void checkPlan(ScenarioPlan plan) {
        List<String> problems = new ArrayList<>();
        if (plan.defaults() != null) {
            checkSink(plan.defaults().sink(), "defaults.sink", problems);
        }
        for (int i = 0; i < plan.entries().size(); i++) {
            Entry e = plan.entries().get(i);
            String path = "scenarios[" + i + "]";
            checkSink(e.sink(), path + ".sink", problems);
            checkSignal(e.signal(), path, problems);
        }
        throwIfAny(problems);
    }

    /** Checks the files a compiled plan writes (file sinks after defaults and packs were merged). */
    void checkCompiled(CompiledPlan plan) {
        List<String> problems = new ArrayList<>();
        for (CompiledEntry e : plan.entries()) {
            checkSink(e.sink(), e.path() + ".sink", problems);
        }
        throwIfAny(problems);
    }

    /** Checks the csv_replay files of a pack's metrics. */
    void checkPack(MetricPack pack, String ref) {
        List<String> problems = new ArrayList<>();
        for (PackMetric m : pack.metrics()) {
            if (m.generator() instanceof GeneratorSpec.CsvReplay c) {
                check(c.file(), "csv_replay file of pack '" + ref + "' metric '" + m.name() + "'", problems);
            }
        }
        throwIfAny(problems);
    }

    /**
     * The refusal for reading or writing {@code raw}, or null when it lies inside an allowed
     * directory.
     */
    String refusal(String raw, String what) {
        Path real;
        try {
            real = resolve(raw);
        } catch (IllegalArgumentException e) {
            return what + " '" + raw + "' is refused: " + e.getMessage();
        }
        for (Path root : roots) {
            if (real.startsWith(root)) {
                return null;
            }
        }
        String allowed = roots.isEmpty()
                ? "this server allows no files (it was started without --allow-dir)"
                : "this server allows files under "
                        + roots.stream().map(Path::toString).collect(Collectors.joining(", ")) + " only";
        return what + " '" + raw + "' is outside the allowed directories: " + allowed
                + "; start the server with --allow-dir DIR to allow files under DIR";
    }

    private void checkSignal(Signal signal, String path, List<String> problems) {
        if (signal instanceof Signal.Metrics m && m.generator() instanceof GeneratorSpec.CsvReplay c) {
            check(c.file(), path + ".generator.file: csv_replay file", problems);
        } else if (signal instanceof Signal.Logs l && l.generator() instanceof LogGeneratorSpec.CsvReplay c) {
            check(c.file(), path + ".log_generator.file: csv_replay file", problems);
        }
    }

    private void checkSink(SinkSpec sink, String path, List<String> problems) {
        if (sink instanceof SinkSpec.File f) {
            check(f.path(), path + ".path: file sink", problems);
        } else if (sink instanceof SinkSpec.Generic g && g.type().equals("file")) {
            check(String.valueOf(g.properties().get("path")), path + ".path: file sink", problems);
        }
    }

    private void check(String raw, String what, List<String> problems) {
        String refusal = refusal(raw, what);
        if (refusal != null) {
            problems.add(refusal);
        }
    }

    private static void throwIfAny(List<String> problems) {
        if (!problems.isEmpty()) {
            throw ApiException.unprocessable(String.join("; ", problems));
        }
    }

    /** The path as the operating system would open it: absolute, normalized, links resolved. */
    private static Path resolve(String raw) {
        Path p;
        try {
            p = Path.of(raw);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("not a valid path (" + e.getReason() + ")");
        }
        for (Path part : p) {
            if (part.toString().equals("..")) {
                throw new IllegalArgumentException("paths with '..' are not allowed");
            }
        }
        Path abs = p.toAbsolutePath().normalize();
        Deque<Path> missing = new ArrayDeque<>();
        Path existing = abs;
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            missing.push(existing.getFileName());
            existing = existing.getParent();
        }
        if (existing == null) {
            throw new IllegalArgumentException("no part of it exists");
        }
        Path real;
        try {
            real = existing.toRealPath();
        } catch (IOException e) {
            throw new IllegalArgumentException("it cannot be resolved (a broken symbolic link?)");
        }
        while (!missing.isEmpty()) {
            real = real.resolve(missing.pop());
        }
        return real;
    }
}
