package dev.smokegate.cli;

import dev.smokegate.config.HostMapping;
import dev.smokegate.model.Suite;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The options of {@code run} and {@code demo}, parsed and checked. */
record RunOptions(Optional<String> environment, Suite suite, List<String> only, Path reportRoot,
                  List<HostMapping> connectTo, Optional<Path> caFile, int parallelism,
                  Optional<Duration> deadline, boolean html) {

    static final int DEFAULT_PARALLELISM = 8;

    static RunOptions parse(List<String> args, Suite defaultSuite, boolean needsEnvironment) throws UsageException {
        Optional<String> environment = Optional.empty();
        Suite suite = defaultSuite;
        List<String> only = new ArrayList<>();
        Path reportRoot = Path.of("reports");
        List<HostMapping> connectTo = new ArrayList<>();
        Optional<Path> caFile = Optional.empty();
        int parallelism = DEFAULT_PARALLELISM;
        Optional<Duration> deadline = Optional.empty();
        boolean html = true;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--suite" -> {
                    String value = value(args, ++i, arg);
                    suite = Suite.parse(value).orElseThrow(() -> new UsageException(
                            "--suite must be gate, nightly or full, not \"" + value + "\""));
                }
                case "--only" -> only.add(value(args, ++i, arg));
                case "--report-dir" -> reportRoot = Path.of(value(args, ++i, arg));
                case "--connect-to" -> {
                    String value = value(args, ++i, arg);
                    connectTo.add(HostMapping.parse(value).orElseThrow(() -> new UsageException(
                            "--connect-to expects HOST:PORT -> ADDRESS:PORT (or HOST:PORT:ADDRESS:PORT), not \""
                                    + value + "\"")));
                }
                case "--ca-file" -> caFile = Optional.of(Path.of(value(args, ++i, arg)));
                case "--parallelism" -> parallelism = positive(value(args, ++i, arg), arg);
                case "--deadline" -> deadline = Optional.of(Duration.ofSeconds(positive(value(args, ++i, arg), arg)));
                case "--no-html" -> html = false;
                default -> {
                    if (arg.startsWith("-")) {
                        throw new UsageException("unknown option " + arg);
                    }
                    if (environment.isPresent()) {
                        throw new UsageException("one environment per run; got \"" + environment.get() + "\" and \""
                                + arg + "\"");
                    }
                    environment = Optional.of(arg);
                }
            }
        }
        if (needsEnvironment && environment.isEmpty()) {
            throw new UsageException("run needs an environment name (suites/<name>.yaml) or a config path");
        }
        return new RunOptions(environment, suite, only, reportRoot, connectTo, caFile, parallelism, deadline, html);
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
}
