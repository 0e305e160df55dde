package dev.smokegate.probe.db;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smokegate.config.PostgresUrl;
import dev.smokegate.config.RestoreDrillSettings;
import dev.smokegate.config.Timeouts;
import dev.smokegate.model.Durations;
import dev.smokegate.model.Evidence;
import dev.smokegate.probe.ProbeContext;
import dev.smokegate.probe.TrustMaterial;
import dev.smokegate.probe.db.RestoreDrillObservation.IntegrityComparison;
import dev.smokegate.probe.db.RestoreDrillObservation.SmokeOutcome;
import dev.smokegate.probe.db.RestoreDrillObservation.Step;
import dev.smokegate.probe.db.RestoreDrillObservation.StepFailure;
import dev.smokegate.probe.db.RestoreDrillObservation.TableRows;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * One restore drill: dump the source read-only (or take the given backup file), restore it into the scratch
 * database, run the migrations there, compare row counts and the integrity query, then drop what the drill created,
 * whatever happened before. Each step is timed and bounded by the run's deadline, keeping back time to clean up.
 * The dump holds production data: it lives in a directory only this user can read and is deleted afterwards.
 */
final class RestoreDrill {

    /** Kept back from the run's deadline for dropping what the drill created. */
    static final Duration CLEANUP_RESERVE = Duration.ofSeconds(15);
    /** pg_dump waits no longer than this for a table lock, so it never queues behind (and blocks) the app's DDL. */
    private static final Duration DUMP_LOCK_WAIT = Duration.ofSeconds(10);
    /** Rows of the integrity query compared; an integrity query is an aggregate or a sample, not a table scan. */
    private static final int MAX_INTEGRITY_ROWS = 10_000;
    private static final String PURPOSE = "restore drill";
    /** smokegate's front door, run as its own process for the smoke step. */
    private static final String SMOKEGATE_MAIN = "dev.smokegate.cli.Smokegate";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ProbeContext context;
    private final RestoreDrillSettings settings;
    private final PostgresUrl source;
    private final PostgresUrl scratch;
    private final String label;
    private final Instant stepDeadline;
    private final OutputScrub scrub;
    private final List<Step> steps = new ArrayList<>();
    private final List<Evidence> evidence = new ArrayList<>();

    private RestoreDrill(ProbeContext context, String label) {
        this.context = context;
        this.settings = context.config().database().restoreDrill().orElseThrow();
        this.source = PostgresUrl.parse(context.config().database().url().orElseThrow().value());
        this.scratch = PostgresUrl.parse(settings.targetUrl().orElseThrow().value());
        this.label = label;
        this.stepDeadline = context.runDeadline().minus(CLEANUP_RESERVE);
        this.scrub = new OutputScrub(List.of(source.password(), scratch.password(),
                context.config().database().url().get().value(), settings.targetUrl().get().value(),
                scratchUrl()));
    }

    static RestoreDrillObservation run(ProbeContext context, String label) throws Exception {
        return new RestoreDrill(context, label).run();
    }

    /** What the scratch holds, and whether it is the source under another name; reads only. */
    static ScratchInventory inventory(ProbeContext context) throws SQLException {
        RestoreDrillSettings settings = context.config().database().restoreDrill().orElseThrow();
        PostgresUrl source = PostgresUrl.parse(context.config().database().url().orElseThrow().value());
        PostgresUrl scratch = PostgresUrl.parse(settings.targetUrl().orElseThrow().value());
        Timeouts timeouts = context.config().timeouts();
        try (Connection scratchSession = PostgresSessions.readOnly(scratch, context.trust(), timeouts, PURPOSE);
             Connection sourceSession = PostgresSessions.readOnly(source, context.trust(), timeouts, PURPOSE)) {
            return new ScratchInventory(scratch.display(), ScratchCatalog.read(scratchSession).relations(),
                    identity(scratchSession).equals(identity(sourceSession)));
        }
    }

    private RestoreDrillObservation run() throws Exception {
        Timeouts timeouts = context.config().timeouts();
        ScratchInventory inventory = inventory(context);
        if (inventory.sameAsSource()) {
            return RestoreDrillObservation.refused(source.display(), scratch.display(), "the scratch URL reaches the "
                    + "source database itself");
        }
        if (!inventory.relations().isEmpty()) {
            return RestoreDrillObservation.refused(source.display(), scratch.display(), "the scratch database holds "
                    + "tables the drill did not create: " + String.join(", ", inventory.relations()));
        }
        ScratchCatalog before;
        try (Connection session = PostgresSessions.readOnly(scratch, context.trust(), timeouts, PURPOSE)) {
            before = ScratchCatalog.read(session);
        }
        Path work = Files.createTempDirectory("smokegate-restore-drill-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Optional<StepFailure> failure = Optional.empty();
        List<TableRows> tables = List.of();
        Optional<IntegrityComparison> integrity = Optional.empty();
        Optional<SmokeOutcome> smoke = Optional.empty();
        Optional<String> cleanup;
        try {
            Path trust = writeTrust(work);
            try {
                Path dump = dump(work, trust);
                List<String[]> restored = restore(work, trust, dump);
                migrate(work, trust);
                Verification verification = verify(restored);
                tables = verification.tables();
                integrity = verification.integrity();
                smoke = smoke(work);
            } catch (StepFailedException e) {
                failure = Optional.of(new StepFailure(e.step(), e.getMessage(), e.took(), e.outOfTime()));
                if (!e.output().isBlank()) {
                    evidence.add(Evidence.text(e.step() + " output", e.output()));
                }
            }
        } finally {
            cleanup = cleanUp(before);
            Optional<String> kept = deleteTree(work);
            if (kept.isPresent()) {
                cleanup = Optional.of(cleanup.map(c -> c + "; ").orElse("") + kept.get());
            }
        }
        return new RestoreDrillObservation(source.display(), scratch.display(), Optional.empty(), steps, failure,
                tables, integrity, smoke, cleanup, evidence);
    }

    private Path dump(Path work, Path trust) throws Exception {
        if (settings.backupFile().isPresent()) {
            Path file = settings.backupFile().get();
            finished("dump", Duration.ZERO, "not dumped: backup file " + file.getFileName() + ", "
                    + kilobytes(Files.size(file)));
            return file;
        }
        Path dump = work.resolve("source.dump");
        Instant started = Instant.now();
        ExternalTool.Output output = ExternalTool.runToSuccess("dump", List.of(tool("pg_dump"), "--format=custom",
                "--no-sync", "--no-password", "--lock-wait-timeout=" + DUMP_LOCK_WAIT.toMillis(),
                "--file=" + dump, "--host=" + source.host(), "--port=" + source.port(),
                "--username=" + source.user(), "--dbname=" + source.database()),
                libpqEnvironment(source, trust, "-c default_transaction_read_only=on"), work, work.resolve("dump.log"),
                stepDeadline, scrub);
        keep("dump", output);
        finished("dump", Duration.between(started, Instant.now()), kilobytes(Files.size(dump)));
        return dump;
    }

    private List<String[]> restore(Path work, Path trust, Path dump) throws Exception {
        Instant started = Instant.now();
        ExternalTool.Output output = ExternalTool.runToSuccess("restore", List.of(tool("pg_restore"), "--no-owner",
                "--no-privileges", "--exit-on-error", "--no-password", "--jobs=" + settings.jobs(),
                "--host=" + scratch.host(), "--port=" + scratch.port(), "--username=" + scratch.user(),
                "--dbname=" + scratch.database(), dump.toString()),
                libpqEnvironment(scratch, trust, ""), work, work.resolve("restore.log"), stepDeadline, scrub);
        keep("restore", output);
        List<String[]> tables = sql("restore", started, scratch, false, ScratchCatalog::tables);
        finished("restore", Duration.between(started, Instant.now()), tables.size() + " tables");
        return tables;
    }

    private void migrate(Path work, Path trust) throws Exception {
        if (settings.migrateCommand().isEmpty()) {
            finished("migrate", Duration.ZERO, "no migrate-command configured");
            return;
        }
        Map<String, String> environment = libpqEnvironment(scratch, trust, "");
        environment.put("PGHOST", scratch.host());
        environment.put("PGPORT", String.valueOf(scratch.port()));
        environment.put("PGUSER", scratch.user());
        environment.put("PGDATABASE", scratch.database());
        environment.put("DATABASE_URL", scratchUrl());
        environment.put("NODE_EXTRA_CA_CERTS", trust.toString());
        Optional.ofNullable(System.getenv("HOME")).ifPresent(home -> environment.put("HOME", home));
        Instant started = Instant.now();
        ExternalTool.Output output = ExternalTool.runToSuccess("migrate", settings.migrateCommand(), environment,
                settings.migrateDirectory(), work.resolve("migrate.log"), stepDeadline, scrub);
        keep("migrate", output);
        finished("migrate", Duration.between(started, Instant.now()), output.tool());
    }

    /** The rows of every restored table, and the integrity query's result, in source and scratch. */
    private record Verification(List<TableRows> tables, Optional<IntegrityComparison> integrity) {
    }

    private Verification verify(List<String[]> restored) throws StepFailedException {
        Instant started = Instant.now();
        Map<String, OptionalLong> inScratch = sql("verify", started, scratch, false, s -> counts(s, restored));
        Map<String, OptionalLong> inSource = sql("verify", started, source, true, s -> counts(s, restored));
        List<TableRows> tables = new ArrayList<>();
        for (String[] table : restored) {
            String name = table[0] + "." + table[1];
            tables.add(new TableRows(table[0], table[1], inSource.get(name), inScratch.get(name)));
        }
        String detail = tables.size() + " tables, " + tables.stream().mapToLong(r -> r.scratchRows().orElse(0)).sum()
                + " rows";
        Optional<IntegrityComparison> integrity = Optional.empty();
        if (settings.integrityQuery().isPresent()) {
            String query = settings.integrityQuery().get();
            List<List<String>> fromSource = sql("verify", started, source, true, s -> rows(s, query));
            List<List<String>> fromScratch = sql("verify", started, scratch, false, s -> rows(s, query));
            Optional<Integer> first = Stream.iterate(0, i -> i + 1)
                    .limit(Math.min(fromSource.size(), fromScratch.size()))
                    .filter(i -> !fromSource.get(i).equals(fromScratch.get(i))).findFirst();
            integrity = Optional.of(new IntegrityComparison(fromSource.size(), fromScratch.size(), first));
            detail += ", integrity query " + (integrity.get().equal() ? "equal" : "differs");
        }
        finished("verify", Duration.between(started, Instant.now()), detail);
        return new Verification(tables, integrity);
    }

    /**
     * Runs the configured smokegate suite against the staging backend on the restored database, as a separate
     * process of the same smokegate (same JVM binary and class path): its own run, reports and exit code, bounded by
     * the drill's deadline. It sees smokegate's own environment, for the suite's {@code ${VAR}}s, and the run's
     * connect-to mappings and extra CA.
     */
    private Optional<SmokeOutcome> smoke(Path work) throws Exception {
        if (settings.smoke().isEmpty()) {
            return Optional.empty();
        }
        RestoreDrillSettings.SmokeRun run = settings.smoke().get();
        Path reports = work.resolve("smoke-reports");
        long seconds = Math.max(1, Duration.between(Instant.now(), stepDeadline).toSeconds());
        List<String> argv = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-cp",
                System.getProperty("java.class.path"), SMOKEGATE_MAIN, "run", run.suite().toString(),
                "--suite", "full", "--report-dir", reports.toString(), "--no-html", "--deadline",
                String.valueOf(seconds)));
        run.only().forEach(glob -> argv.addAll(List.of("--only", glob)));
        context.config().connectTo().mappings().forEach(m -> argv.addAll(List.of("--connect-to", m.toString())));
        context.config().trust().extraCaFile().ifPresent(ca -> argv.addAll(List.of("--ca-file", ca.toString())));
        ExternalTool.Output output = ExternalTool.run(RestoreDrillObservation.SMOKE_STEP, argv, new LinkedHashMap<>(System.getenv()),
                run.suite().getParent(), work.resolve("smoke.log"), stepDeadline, scrub);
        keep(RestoreDrillObservation.SMOKE_STEP, output);
        SmokeOutcome outcome = smokeOutcome(output, reports);
        context.progress().accept(label + ": smoke " + Durations.format(output.took()) + " (" + outcome.checks()
                + " checks against the restored database, exit " + output.exitCode() + ")");
        return Optional.of(outcome);
    }

    /** The nested run's summary.json: how many checks ran, and the ones that failed or could not verify. */
    private SmokeOutcome smokeOutcome(ExternalTool.Output output, Path reports) throws IOException {
        int checks = 0;
        List<String> problems = new ArrayList<>();
        Optional<Path> summary;
        try (Stream<Path> files = Files.walk(reports)) {
            summary = files.filter(f -> f.getFileName().toString().equals("summary.json")).findFirst();
        } catch (IOException e) {
            summary = Optional.empty(); // refused before it wrote any report: the exit code and output say why
        }
        if (summary.isPresent()) {
            JsonNode results = JSON.readTree(summary.get().toFile()).path("results");
            checks = results.size();
            for (JsonNode result : results) {
                String status = result.path("status").asText();
                if (status.equals("failed") || status.equals("broken")) {
                    problems.add(result.path("id").asText() + " " + result.path("target").asText() + ": "
                            + scrub.scrub(result.path("message").asText()));
                }
            }
        }
        return new SmokeOutcome(output.exitCode(), output.took(), checks, problems,
                output.exitCode() == 0 ? Optional.empty() : ExternalTool.gist(output.text()));
    }

    /** Drops what the drill created; never throws, so a failure here cannot hide the drill's own result. */
    private Optional<String> cleanUp(ScratchCatalog before) {
        boolean interrupted = Thread.interrupted(); // a stopped run still gets its scratch emptied
        Instant started = Instant.now();
        try (Connection session = PostgresSessions.writable(scratch, context.trust(), context.config().timeouts(),
                PURPOSE)) {
            int dropped = before.dropCreatedSince(session);
            List<String> left = before.leftOverIn(session);
            context.progress().accept(label + ": cleanup " + Durations.format(Duration.between(started,
                    Instant.now())) + " (dropped " + dropped + " objects from " + scratch.display() + ")");
            return left.isEmpty() ? Optional.empty() : Optional.of("left in " + scratch.display() + ": "
                    + String.join(", ", left));
        } catch (SQLException | RuntimeException e) {
            return Optional.of("could not drop what the drill created in " + scratch.display() + ": "
                    + scrub.scrub(String.valueOf(e.getMessage())));
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void finished(String step, Duration took, String detail) {
        steps.add(new Step(step, took, detail));
        context.progress().accept(label + ": " + step + " " + Durations.format(took) + " (" + detail + ")");
    }

    private void keep(String step, ExternalTool.Output output) {
        if (!output.text().isBlank()) {
            evidence.add(Evidence.text(step + ": " + output.tool() + " output", output.text()));
        }
    }

    @FunctionalInterface
    private interface Query<T> {
        T run(Connection session) throws SQLException;
    }

    /**
     * Runs {@code query} in a new session (read-only on the source), with a statement timeout of the time left: a
     * count of a large table takes longer than the checks' usual 5 s, and must still end before the deadline.
     */
    private <T> T sql(String step, Instant stepStarted, PostgresUrl database, boolean readOnly, Query<T> query)
            throws StepFailedException {
        long left = Duration.between(Instant.now(), stepDeadline).toMillis();
        if (left <= 0) {
            throw new StepFailedException(step, "no time left before the run's deadline",
                    Duration.between(stepStarted, Instant.now()), true, "");
        }
        Timeouts timeouts = context.config().timeouts();
        Timeouts bounded = new Timeouts(timeouts.connect(), Duration.ofMillis(left), timeouts.runDeadline());
        try (Connection session = readOnly
                ? PostgresSessions.readOnly(database, context.trust(), bounded, PURPOSE)
                : PostgresSessions.writable(database, context.trust(), bounded, PURPOSE);
             Statement statement = session.createStatement()) {
            statement.execute("SET statement_timeout = " + left);
            return query.run(session);
        } catch (SQLException e) {
            boolean outOfTime = "57014".equals(e.getSQLState());
            throw new StepFailedException(step, "SQL on " + database.display() + " failed: "
                    + scrub.scrub(String.valueOf(e.getMessage())), Duration.between(stepStarted, Instant.now()),
                    outOfTime, "");
        }
    }

    /** Rows per {@code schema.table}; empty for a table the database does not have. */
    private static Map<String, OptionalLong> counts(Connection session, List<String[]> tables) throws SQLException {
        Map<String, OptionalLong> counts = new LinkedHashMap<>();
        try (Statement statement = session.createStatement()) {
            for (String[] table : tables) {
                String name = table[0] + "." + table[1];
                if (!exists(session, table)) {
                    counts.put(name, OptionalLong.empty());
                    continue;
                }
                try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + quote(table[0]) + "."
                        + quote(table[1]))) {
                    rows.next();
                    counts.put(name, OptionalLong.of(rows.getLong(1)));
                }
            }
        }
        return counts;
    }

    private static boolean exists(Connection session, String[] table) throws SQLException {
        try (var statement = session.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            statement.setString(1, quote(table[0]) + "." + quote(table[1]));
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getBoolean(1);
            }
        }
    }

    private static List<List<String>> rows(Connection session, String query) throws SQLException {
        List<List<String>> result = new ArrayList<>();
        try (Statement statement = session.createStatement()) {
            statement.setMaxRows(MAX_INTEGRITY_ROWS);
            try (ResultSet rows = statement.executeQuery(query)) {
                int columns = rows.getMetaData().getColumnCount();
                while (rows.next()) {
                    List<String> row = new ArrayList<>();
                    for (int i = 1; i <= columns; i++) {
                        row.add(rows.getString(i));
                    }
                    result.add(row);
                }
            }
        }
        return result;
    }

    /** Same postmaster, same port, same database: the same database, whatever names led there. */
    private static String identity(Connection session) throws SQLException {
        try (Statement statement = session.createStatement();
             ResultSet rows = statement.executeQuery("SELECT pg_postmaster_start_time()::text || ' '"
                     + " || coalesce(inet_server_port()::text, '') || ' ' || current_database()")) {
            rows.next();
            return rows.getString(1);
        }
    }

    /**
     * libpq's settings by environment: the password never in argv, full verification against the run's trust, a
     * connect timeout, and nothing from smokegate's own environment (a PGSERVICE or PGHOST there must not redirect
     * the drill).
     */
    private Map<String, String> libpqEnvironment(PostgresUrl database, Path trust, String options) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("PATH", Optional.ofNullable(System.getenv("PATH")).orElse("/usr/bin:/bin"));
        environment.put("LC_ALL", "C.UTF-8");
        environment.put("PGPASSWORD", database.password());
        environment.put("PGSSLMODE", "verify-full");
        environment.put("PGSSLROOTCERT", trust.toString());
        environment.put("PGCONNECT_TIMEOUT", String.valueOf(Math.max(2,
                context.config().timeouts().connect().toSeconds())));
        environment.put("PGAPPNAME", "smokegate " + PURPOSE);
        if (!options.isEmpty()) {
            environment.put("PGOPTIONS", options);
        }
        return environment;
    }

    /** The scratch as a {@code DATABASE_URL} for the migrate command, always asking for full verification. */
    private String scratchUrl() {
        String host = scratch.host().contains(":") ? "[" + scratch.host() + "]" : scratch.host();
        return "postgres://" + encode(scratch.user()) + ":" + encode(scratch.password()) + "@" + host + ":"
                + scratch.port() + "/" + encode(scratch.database()) + "?sslmode=verify-full";
    }

    /** The run's trust anchors as PEM, for libpq and Node, which take trust only as a file; readable only by us. */
    private Path writeTrust(Path work) throws IOException, GeneralSecurityException {
        Path file = Files.createFile(work.resolve("trust.pem"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        StringBuilder pem = new StringBuilder();
        Base64.Encoder encoder = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
        for (X509Certificate anchor : TrustMaterial.anchors(context.config().trust().extraCaFile())) {
            try {
                pem.append("-----BEGIN CERTIFICATE-----\n").append(encoder.encodeToString(anchor.getEncoded()))
                        .append("\n-----END CERTIFICATE-----\n");
            } catch (CertificateEncodingException e) {
                throw new GeneralSecurityException("a trust anchor cannot be encoded: " + e.getMessage(), e);
            }
        }
        Files.writeString(file, pem);
        return file;
    }

    private String tool(String name) {
        return settings.toolsDir().resolve(name).toString();
    }

    private static String kilobytes(long bytes) {
        return Math.max(1, (bytes + 512) / 1024) + " kB";
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Deletes the drill's directory, dump included; says what is left when it cannot. */
    private static Optional<String> deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(path);
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("could not delete the drill's files in " + root + " (the dump holds the source's data): "
                    + e.getMessage());
        }
    }
}
