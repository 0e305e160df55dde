package dev.smokegate.cli;

import dev.smokegate.check.Catalogue;
import dev.smokegate.check.Check;
import dev.smokegate.config.ConfigException;
import dev.smokegate.config.ConfigLoader;
import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.config.HostMapping;
import dev.smokegate.config.TrustSettings;
import dev.smokegate.engine.ExitCode;
import dev.smokegate.engine.Preflights;
import dev.smokegate.engine.Selection;
import dev.smokegate.model.CheckSpec;
import dev.smokegate.model.Suite;
import dev.smokegate.probe.ProbeContext;
import dev.smokegate.probe.TrustMaterial;
import dev.smokegate.reference.ReferenceDeployment;
import dev.smokegate.reference.TlsFault;
import dev.smokegate.report.Redactor;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The front door: {@code ./smokegate run|demo|list}. Turns arguments and a config file into a run, hands the run
 * to the JUnit Platform, writes the reports and decides the exit code. Bad input ends here with one line and
 * exit code 2, never a stack trace.
 */
public final class Smokegate {

    static final String USAGE = String.join("\n",
            "usage: smokegate demo [--suite gate|nightly|full] [--report-dir DIR]",
            "       smokegate demo --serve [--tls-faults]   (keep the reference deployment running)",
            "       smokegate run <env | path/to/config.yaml> [--suite gate|nightly|full] [--only ID-GLOB]...",
            "                     [--report-dir DIR] [--connect-to HOST:PORT->ADDR:PORT]... [--ca-file PEM]",
            "                     [--parallelism N] [--deadline SECONDS] [--no-html]",
            "                     [--fail-on critical|high|medium|low|info] [--grid SELENIUM-GRID-URL]",
            "       smokegate list",
            "exit codes: 0 passed (warnings and failures below --fail-on allowed), 1 a check at or above",
            "            --fail-on failed, 2 usage or config error, 3 nothing failed but something could not be",
            "            verified");

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> environment;
    private final Path home;
    private final Clock clock;
    private final StopSignals stopSignals;

    /** For a run inside another program, such as the self-tests: the JVM's signals stay as they are. */
    public Smokegate(PrintStream out, PrintStream err, Map<String, String> environment, Path home, Clock clock) {
        this(out, err, environment, home, clock, StopSignals.NONE);
    }

    Smokegate(PrintStream out, PrintStream err, Map<String, String> environment, Path home, Clock clock,
              StopSignals stopSignals) {
        this.out = out;
        this.err = err;
        this.environment = Map.copyOf(environment);
        this.home = home;
        this.clock = clock;
        this.stopSignals = stopSignals;
    }

    public static void main(String[] args) {
        Path home = Path.of(System.getenv().getOrDefault("SMOKEGATE_HOME", "."));
        int code = new Smokegate(System.out, System.err, System.getenv(), home, Clock.systemUTC(),
                StopSignals.ofProcess()).execute(args);
        System.out.flush();
        System.exit(code);
    }

    public int execute(String... args) {
        List<String> list = Arrays.asList(args);
        if (list.isEmpty() || list.contains("--help") || list.contains("-h") || list.get(0).equals("help")) {
            (list.isEmpty() ? err : out).println(USAGE);
            return list.isEmpty() ? ExitCode.USAGE : ExitCode.PASSED;
        }
        try {
            return switch (list.get(0)) {
                case "run" -> run(RunOptions.parse(list.subList(1, list.size()), Suite.GATE, true));
                case "demo" -> list.contains("--serve") ? serve(list.contains("--tls-faults"))
                        : demo(RunOptions.parse(list.subList(1, list.size()), Suite.FULL, false));
                case "list" -> list();
                default -> throw new UsageException("unknown command \"" + list.get(0) + "\" (run, demo, list)");
            };
        } catch (UsageException e) {
            err.println("smokegate: " + e.getMessage());
            err.println("run ./smokegate --help for usage");
            return ExitCode.USAGE;
        } catch (ConfigException e) {
            e.problems().forEach(p -> err.println("config error: " + p));
            return ExitCode.USAGE;
        }
    }

    private int list() {
        for (Check<?> check : Catalogue.all()) {
            CheckSpec spec = check.spec();
            String suites = spec.suites().stream().sorted().map(Suite::label).collect(Collectors.joining(","));
            out.printf("%-30s %-9s %-18s %s%n", spec.id(), spec.severity().label(), suites, spec.requirement());
        }
        return ExitCode.PASSED;
    }

    private int demo(RunOptions options) throws UsageException, ConfigException {
        if (options.environment().isPresent()) {
            throw new UsageException("demo runs the bundled reference deployment; it takes no environment");
        }
        out.println("starting the reference deployment (TLS sites, Postgres, Redis, WebSocket rooms on loopback)...");
        try (ReferenceDeployment deployment = ReferenceDeployment.startDemo()) {
            List<HostMapping> mappings = deployment.connectTo().stream()
                    .map(m -> HostMapping.parse(m).orElseThrow()).toList();
            RunOptions demo = options.newBuilder().environment("demo").addConnectTo(mappings)
                    .caFile(deployment.caCertificateFile()).build();
            // The deployment's secrets (GitHub test account, DATABASE_URL, ...), over any the shell may hold.
            Map<String, String> demoEnvironment = new HashMap<>(environment);
            demoEnvironment.putAll(deployment.environment());
            return new Smokegate(out, err, demoEnvironment, home, clock, stopSignals).run(demo);
        } catch (IOException e) {
            err.println("smokegate: the reference deployment did not start: " + e.getMessage());
            return ExitCode.NOT_VERIFIED;
        }
    }

    /**
     * Keeps the reference deployment running and prints the flags that reach it, so anyone (and the benchmark) can
     * run {@code ./smokegate run demo ...} against it repeatedly; with {@code --tls-faults} also every broken TLS
     * host, one per line. Stops on SIGTERM or Ctrl-C.
     */
    private int serve(boolean tlsFaults) {
        try (ReferenceDeployment deployment = ReferenceDeployment.startDemo()) {
            if (tlsFaults) {
                for (TlsFault fault : TlsFault.values()) {
                    out.println("tls fault host: " + fault.name() + " " + deployment.tlsFaultHost(fault));
                }
            }
            StringBuilder flags = new StringBuilder();
            deployment.connectTo().forEach(m -> flags.append(" --connect-to '").append(m).append("'"));
            flags.append(" --ca-file ").append(deployment.caCertificateFile());
            Path secrets = writeOwnerOnly(deployment.caCertificateFile().resolveSibling("demo-secrets.env"),
                    deployment.environment());
            out.println("reference deployment running; verify it with:");
            out.println("./smokegate run demo" + flags);
            // Generated secrets like any other: only where they are, never their values.
            out.println("the secrets suites/demo.yaml references (GitHub test account, DATABASE_URL, REDIS_URL, "
                    + "WEBHOOK_SECRET): set -a; . " + secrets + "; set +a");
            out.flush();
            Thread.currentThread().join();
            return ExitCode.PASSED;
        } catch (IOException e) {
            err.println("smokegate: the reference deployment did not start: " + e.getMessage());
            return ExitCode.NOT_VERIFIED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCode.PASSED;
        }
    }

    int run(RunOptions options) throws UsageException, ConfigException {
        EnvironmentConfig config = configure(options);
        Selection selection = new Selection(options.suite(), options.only());
        List<Check<?>> selected = Catalogue.all().stream().filter(c -> selection.includes(c.spec())).toList();
        if (selected.isEmpty()) {
            throw new UsageException("--only " + String.join(" ", options.only()) + " matches no check "
                    + "(see ./smokegate list)");
        }
        Map<String, Set<String>> uses = new LinkedHashMap<>();
        selected.forEach(c -> uses.put(c.spec().id(), c.uses()));
        List<String> unset = ConfigLoader.unsetVariables(config, uses);
        if (!unset.isEmpty()) {
            throw new ConfigException(unset);
        }
        ProbeContext context;
        try {
            context = new ProbeContext(config, TrustMaterial.sslContext(config.trust().extraCaFile()));
        } catch (IOException | GeneralSecurityException e) {
            throw new ConfigException(List.of("trust: cannot build the trust store: " + e.getMessage()));
        }
        List<String> refusals = Preflights.refusals(config, selection, Catalogue.all(), context);
        if (!refusals.isEmpty()) {
            Redactor redactor = Redactor.forSecrets(config.secretValues());
            refusals.forEach(r -> err.println(redactor.redact("smokegate: refused: " + r)));
            return ExitCode.USAGE;
        }
        return Reports.run(config, selection, context, options, stopSignals, out, err, clock);
    }

    private EnvironmentConfig configure(RunOptions options) throws UsageException, ConfigException {
        Path file = configFile(options.environment().orElseThrow());
        ConfigLoader loader = new ConfigLoader(environment, Smokegate::namesKnownCheck);
        EnvironmentConfig config = loader.load(file);
        // Flags come first, so they win like the first matching --connect-to in curl.
        EnvironmentConfig.Builder builder = config.newBuilder()
                .connectTo(config.connectTo().after(options.connectTo()));
        if (options.caFile().isPresent()) {
            Path ca = options.caFile().get();
            Optional<String> unreadable = TrustSettings.unreadable(ca);
            if (unreadable.isPresent()) {
                throw new UsageException("--ca-file " + ca + " is not a readable PEM certificate file: "
                        + unreadable.get());
            }
            builder.trust(TrustSettings.withExtraCa(ca));
        }
        options.deadline().ifPresent(d -> builder.timeouts(config.timeouts().withRunDeadline(d)));
        options.failOn().ifPresent(severity -> builder.failOn(config.failOn().with(options.suite(), severity)));
        options.grid().ifPresent(url -> builder.browser(config.browser().onGrid(url)));
        return builder.build();
    }

    /** {@code variables} as shell assignments in a file only its owner can read, created that way. */
    private static Path writeOwnerOnly(Path file, Map<String, String> variables) throws IOException {
        StringBuilder text = new StringBuilder();
        variables.forEach((name, value) -> text.append(name).append("='").append(value.replace("'", "'\\''"))
                .append("'\n"));
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, text);
        return file;
    }

    private Path configFile(String environmentOrPath) throws UsageException {
        if (environmentOrPath.endsWith(".yaml") || environmentOrPath.endsWith(".yml")
                || environmentOrPath.contains("/")) {
            return Path.of(environmentOrPath);
        }
        Path suites = home.resolve("suites");
        Path file = suites.resolve(environmentOrPath + ".yaml");
        if (!Files.isRegularFile(file)) {
            throw new UsageException("no environment \"" + environmentOrPath + "\": " + file + " does not exist"
                    + knownEnvironments(suites));
        }
        return file;
    }

    private static String knownEnvironments(Path suites) {
        try (var files = Files.list(suites)) {
            String names = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".yaml"))
                    .map(n -> n.substring(0, n.length() - 5)).sorted().collect(Collectors.joining(", "));
            return names.isEmpty() ? "" : " (known: " + names + ")";
        } catch (IOException e) {
            return "";
        }
    }

    static boolean namesKnownCheck(String glob) {
        var matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
        return Catalogue.all().stream().anyMatch(c -> matcher.matches(Path.of(c.spec().id())));
    }
}
