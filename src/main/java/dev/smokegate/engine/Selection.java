package dev.smokegate.engine;

import dev.smokegate.model.CheckSpec;
import dev.smokegate.model.Suite;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;

/**
 * Which checks a run executes: those of one suite, narrowed by {@code --only} id globs ({@code http.*},
 * {@code tls.cert.expiry-horizon}). An explicit {@code --only} reaches checks outside the suite too, so an on-call
 * engineer can run a nightly-only check by name.
 */
public record Selection(Suite suite, List<String> only) {

    public Selection {
        only = List.copyOf(only);
    }

    public static Selection of(Suite suite) {
        return new Selection(suite, List.of());
    }

    public boolean includes(CheckSpec spec) {
        if (only.isEmpty()) {
            return spec.suites().contains(suite);
        }
        return only.stream().map(Selection::matcher).anyMatch(m -> m.matches(Path.of(spec.id())));
    }

    /**
     * Whether this run may drive the browser login with the test account: the gate decides a deploy without those
     * credentials, but a check named with {@code --only} runs wherever it is asked to.
     */
    public boolean runsBrowserLogin() {
        return !only.isEmpty() || suite != Suite.GATE;
    }

    private static PathMatcher matcher(String glob) {
        return FileSystems.getDefault().getPathMatcher("glob:" + glob);
    }
}
