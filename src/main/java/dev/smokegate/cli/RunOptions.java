package dev.smokegate.cli;

import dev.smokegate.config.BrowserSettings;
import dev.smokegate.config.HostMapping;
import dev.smokegate.model.Severity;
import dev.smokegate.model.Suite;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The options of {@code run} and {@code demo}, parsed and checked. */
record RunOptions(Optional<String> environment, Suite suite, List<String> only, Path reportRoot,
                  List<HostMapping> connectTo, Optional<Path> caFile, int parallelism,
                  Optional<Duration> deadline, boolean html, Optional<Severity> failOn, Optional<URI> grid) {

    static final int DEFAULT_PARALLELISM = 8;

    RunOptions {
        only = List.copyOf(only);
        connectTo = List.copyOf(connectTo);
    }

    Builder newBuilder() {
        return new Builder(this);
    }

    static RunOptions parse(List<String> args, Suite defaultSuite, boolean needsEnvironment) throws UsageException {
        Builder options = new Builder(defaultSuite);
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--suite" -> {
                    String value = value(args, ++i, arg);
                    options.suite(Suite.parse(value).orElseThrow(() -> new UsageException(
                            "--suite must be gate, nightly or full, not \"" + value + "\"")));
                }
                case "--only" -> options.addOnly(value(args, ++i, arg));
                case "--report-dir" -> options.reportRoot(Path.of(value(args, ++i, arg)));
                case "--connect-to" -> {
                    String value = value(args, ++i, arg);
                    options.addConnectTo(List.of(HostMapping.parse(value).orElseThrow(() -> new UsageException(
                            "--connect-to expects HOST:PORT -> ADDRESS:PORT (or HOST:PORT:ADDRESS:PORT), not \""
                                    + value + "\""))));
                }
                case "--ca-file" -> options.caFile(Path.of(value(args, ++i, arg)));
                case "--parallelism" -> options.parallelism(positive(value(args, ++i, arg), arg));
                case "--deadline" -> options.deadline(Duration.ofSeconds(positive(value(args, ++i, arg), arg)));
                case "--no-html" -> options.html(false);
                case "--grid" -> {
                    String value = value(args, ++i, arg);
                    options.grid(BrowserSettings.parseGridUrl(value).orElseThrow(() -> new UsageException(
                            "--grid expects the Selenium Grid's http:// or https:// URL, not \"" + value + "\"")));
                }
                case "--fail-on" -> {
                    String value = value(args, ++i, arg);
                    options.failOn(Severity.parse(value).orElseThrow(() -> new UsageException(
                            "--fail-on must be one of " + Severity.labels() + ", not \"" + value + "\"")));
                }
                default -> {
                    if (arg.startsWith("-")) {
                        throw new UsageException("unknown option " + arg);
                    }
                    if (options.environment.isPresent()) {
                        throw new UsageException("one environment per run; got \"" + options.environment.get()
                                + "\" and \"" + arg + "\"");
                    }
                    options.environment(arg);
                }
            }
        }
        if (needsEnvironment && options.environment.isEmpty()) {
            throw new UsageException("run needs an environment name (suites/<name>.yaml) or a config path");
        }
        return options.build();
    }

    private static String value(List<String> args, int index, String option) throws UsageException {
        if (index >= args.size() || args.get(index).startsWith("--")) {
            throw new UsageException(option + " needs a value");
        }
        return args.get(index);
    }

    private static int positive(String text, String option) throws UsageException {
        try {
            int value = Integer.parseInt(text);
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(option + " expects a positive whole number, not \"" + text + "\"");
    }

    /** Options as the command line gives them, and as {@code demo} adjusts them for its own deployment. */
    static final class Builder {
        private Optional<String> environment = Optional.empty();
        private Suite suite;
        private final List<String> only = new ArrayList<>();
        private Path reportRoot = Path.of("reports");
        private final List<HostMapping> connectTo = new ArrayList<>();
        private Optional<Path> caFile = Optional.empty();
        private int parallelism = DEFAULT_PARALLELISM;
        private Optional<Duration> deadline = Optional.empty();
        private boolean html = true;
        private Optional<Severity> failOn = Optional.empty();
        private Optional<URI> grid = Optional.empty();

        private Builder(Suite suite) {
            this.suite = suite;
        }

        private Builder(RunOptions options) {
            environment = options.environment;
            suite = options.suite;
            only.addAll(options.only);
            reportRoot = options.reportRoot;
            connectTo.addAll(options.connectTo);
            caFile = options.caFile;
            parallelism = options.parallelism;
            deadline = options.deadline;
            html = options.html;
            failOn = options.failOn;
            grid = options.grid;
        }

        Builder environment(String name) {
            environment = Optional.of(name);
            return this;
        }

        Builder suite(Suite value) {
            suite = value;
            return this;
        }

        Builder addOnly(String idGlob) {
            only.add(idGlob);
            return this;
        }

        Builder reportRoot(Path dir) {
            reportRoot = dir;
            return this;
        }

        /** Appends: mappings given earlier win, like the first matching --connect-to in curl. */
        Builder addConnectTo(List<HostMapping> mappings) {
            connectTo.addAll(mappings);
            return this;
        }

        Builder caFile(Path file) {
            caFile = Optional.of(file);
            return this;
        }

        Builder parallelism(int probes) {
            parallelism = probes;
            return this;
        }

        Builder deadline(Duration value) {
            deadline = Optional.of(value);
            return this;
        }

        Builder html(boolean value) {
            html = value;
            return this;
        }

        Builder failOn(Severity value) {
            failOn = Optional.of(value);
            return this;
        }

        Builder grid(URI url) {
            grid = Optional.of(url);
            return this;
        }

        RunOptions build() {
            return new RunOptions(environment, suite, only, reportRoot, connectTo, caFile, parallelism, deadline,
                    html, failOn, grid);
        }
    }
}
