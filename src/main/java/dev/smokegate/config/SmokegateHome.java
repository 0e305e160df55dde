package dev.smokegate.config;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Where this smokegate installation keeps what {@code npm ci} installed: the first directory, searching
 * {@code $SMOKEGATE_HOME} (set by {@code ./smokegate}), the working directory and the code's own location, each
 * with its parents, that holds what the caller looks for. Works from a checkout, from the wrapper and from an IDE.
 */
public final class SmokegateHome {

    private SmokegateHome() {
    }

    /** The directories the search starts from, in order. */
    public static List<Path> searchStarts() {
        List<Path> starts = new ArrayList<>();
        String home = System.getenv("SMOKEGATE_HOME");
        if (home != null && !home.isBlank()) {
            starts.add(Path.of(home).toAbsolutePath());
        }
        starts.add(Path.of("").toAbsolutePath());
        codeLocation().ifPresent(starts::add);
        return starts;
    }

    /** The first of {@code starts} or their parents for which {@code holds} is true. */
    public static Optional<Path> find(List<Path> starts, Predicate<Path> holds) {
        for (Path start : starts) {
            for (Path dir = start; dir != null; dir = dir.getParent()) {
                if (holds.test(dir)) {
                    return Optional.of(dir);
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Path> codeLocation() {
        try {
            var source = SmokegateHome.class.getProtectionDomain().getCodeSource();
            return source == null ? Optional.empty() : Optional.of(Path.of(source.getLocation().toURI()));
        } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
