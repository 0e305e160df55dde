package dev.smokegate.selftest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.ExternalProcesses;
import dev.smokegate.cli.Smokegate;
import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.config.PostgresUrl;
import dev.smokegate.config.Timeouts;
import dev.smokegate.engine.ExitCode;
import dev.smokegate.engine.RunSession;
import dev.smokegate.engine.Selection;
import dev.smokegate.model.CheckResult;
import dev.smokegate.model.Evidence;
import dev.smokegate.model.Outcome;
import dev.smokegate.model.Suite;
import dev.smokegate.reference.ReferenceDeployment;
import dev.smokegate.report.LeakScanner;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The restore drill's rows of the fault matrix, on the reference's real Postgres 15 with the real pg_dump, pg_restore
 * and node-pg-migrate: the healthy drill passes and leaves the source exactly as it was and the scratch empty; a
 * target that is the source, or a scratch holding someone's tables, is refused with exit 2 and nothing touched; rows
 * lost after the restore, a recovery slower than the objective and a failing tool each fail it, naming the step and
 * never a password.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExternalProcesses
class RestoreDrillFaultTest {

    /** The check ids these rows prove can fail, for {@link CatalogueTest}. */
    static final Set<String> COVERED = Set.of("db.restore-drill");

    private static final String DRILL = "db.restore-drill";
    private static final Path REPOSITORY = Path.of("").toAbsolutePath();
    private static final String NODE_PG_MIGRATE = """
            migrate-command: [node, node_modules/node-pg-migrate/bin/node-pg-migrate.js, up, --no-verbose,
                              -m, src/main/resources/dev/smokegate/reference/db/migrations, -t, schema_migrations]
            migrate-directory: %s
            """.formatted(REPOSITORY);
    /** demo-restored.yaml: the reference's staging backend, whose database is the scratch. */
    private static final String SMOKE = """
            smoke:
              suite: %s
              only: [http.health.ok, http.db-path.ok]
            """.formatted(REPOSITORY.resolve("suites/demo-restored.yaml"));

    private ReferenceDeployment deployment;
    @TempDir
    Path dir;

    @BeforeAll
    void startDeployment() throws Exception {
        deployment = ReferenceDeployment.startDemo();
    }

    @AfterAll
    void stopDeployment() {
        deployment.close();
    }

    @Test
    void healthyDrillPassesLeavesTheSourceUnchangedAndTheScratchEmpty() throws Exception {
        SourceState before = sourceState();
        Path reports = dir.resolve("reports");

        Cli run = cli(drillConfig(NODE_PG_MIGRATE + "recovery-objective: 2m\n" + SMOKE), reports);

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCode.PASSED);
        assertThat(run.out()).contains("db.restore-drill: dump ", "db.restore-drill: restore ",
                "db.restore-drill: migrate ", "db.restore-drill: verify ", "db.restore-drill: smoke ",
                "db.restore-drill: cleanup ")
                .containsPattern("PASS +db\\.restore-drill .* recovered in [0-9.]+ s, within the objective 2m 00s")
                .contains("; smoke: 2 checks passed against the restored database");
        String summary = Files.readString(reports.resolve("demo/latest/summary.json"));
        assertThat(summary).containsPattern("\"recovery-ms\" : [0-9]+").contains("\"dump-ms\"", "\"verify-ms\"");
        try (var files = Files.list(reports.resolve("demo/latest/allure-results"))) {
            assertThat(files.map(f -> f.getFileName().toString())).as("the trend chart")
                    .anyMatch(n -> n.endsWith("-attachment.svg"));
        }
        assertThat(new LeakScanner(passwords()).leaksUnder(reports)).as("passwords in the reports").isEmpty();
        assertThat(sourceState()).as("the source after the drill").isEqualTo(before);
        assertThat(scratchObjects()).as("the scratch after the drill").isEmpty();
    }

    @Test
    void failsWhenRowsDifferAfterTheRestore() throws Exception {
        // The "migration" loses every tenth message in the scratch, as a broken migration or restore would.
        CheckResult result = drill("""
                migrate-command: [/usr/lib/postgresql/15/bin/psql, -X, -q, -c, "DELETE FROM messages WHERE id %% 10 = 0"]
                migrate-directory: %s
                recovery-objective: 2m
                """.formatted(REPOSITORY));

        assertThat(result.outcome()).as(result.message()).isEqualTo(Outcome.FAILED);
        assertThat(result.message()).contains("restored rows differ from the source: public.messages has 180 rows "
                + "restored, 200 in the source (-10.0 %, exact match required)");
        assertThat(scratchObjects()).isEmpty();
    }

    @Test
    void failsWhenTheStagingBackendOnTheRestoredDatabaseFails() throws Exception {
        // A "migration" that loses a table: the rows check sees it, and so does the staging backend that reads it.
        CheckResult result = drill("""
                migrate-command: [/usr/lib/postgresql/15/bin/psql, -X, -q, -c, "DROP TABLE messages"]
                migrate-directory: %s
                recovery-objective: 2m
                """.formatted(REPOSITORY) + SMOKE);

        assertThat(result.outcome()).as(result.message()).isEqualTo(Outcome.FAILED);
        assertThat(result.message()).contains("public.messages is gone after the migrations",
                "smoke against the restored database failed: http.db-path.ok backend https://api.smokegate.test/staging/"
                + "health/db: expected a 2xx answer, got 503");
        assertThat(result.evidence()).extracting(Evidence::title).contains("smoke: java output");
        assertThat(scratchObjects()).isEmpty();
    }

    @Test
    void failsWhenTheRecoveryIsSlowerThanTheObjective() throws Exception {
        CheckResult result = drill(NODE_PG_MIGRATE + "recovery-objective: 1ms\n");

        assertThat(result.outcome()).as(result.message()).isEqualTo(Outcome.FAILED);
        assertThat(result.message()).containsPattern("recovery took [0-9.]+ s, over the objective 0.0 s \\(dump "
                + "[0-9.]+ s \\([0-9]+ kB\\), restore [0-9.]+ s \\(4 tables\\), migrate [0-9.]+ s \\(node\\), "
                + "verify [0-9.]+ s");
        assertThat(result.measurements()).containsKeys("recovery-ms", "dump-ms", "restore-ms", "migrate-ms",
                "verify-ms");
    }

    @Test
    void failsNamingTheRestoreWhenPgRestoreFailsWithoutAPasswordInAnyArtifact() throws Exception {
        Path tools = Files.createDirectory(dir.resolve("tools"));
        Files.createSymbolicLink(tools.resolve("pg_dump"), Path.of("/usr/lib/postgresql/15/bin/pg_dump"));
        script(tools.resolve("pg_restore"), "echo \"pg_restore: error: connection to postgres://restore:$PGPASSWORD"
                + "@127.0.0.1/app_restore failed (password $PGPASSWORD)\" >&2; exit 1");
        Path reports = dir.resolve("reports");

        Cli run = cli(drillConfig(NODE_PG_MIGRATE + "recovery-objective: 2m\ntools-dir: " + tools + "\n"), reports);

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCode.FAILED);
        assertThat(run.out()).contains("restore failed: pg_restore exited with code 1: pg_restore: error: connection "
                + "to postgres://restore:");
        try (var files = Files.walk(reports)) {
            assertThat(files.filter(Files::isRegularFile).toList()).as("the tool's output attached").anySatisfy(f ->
                    assertThat(Files.readString(f)).contains("pg_restore: error: connection to"));
            LeakScanner scanner = new LeakScanner(passwords());
            assertThat(scanner.leaks((run.out() + run.err()).getBytes(StandardCharsets.UTF_8))).as("console")
                    .isEmpty();
            assertThat(scanner.leaksUnder(reports)).as("passwords in the reports").isEmpty();
        }
        assertThat(scratchObjects()).isEmpty();
    }

    @Test
    void failsNamingTheMigrationWhenItFailsWithoutShowingThePassword() throws Exception {
        CheckResult result = drill("""
                migrate-command: [sh, -c, 'echo "migration 42: error on $DATABASE_URL with $PGPASSWORD" >&2; exit 3']
                recovery-objective: 2m
                """);

        assertThat(result.outcome()).as(result.message()).isEqualTo(Outcome.FAILED);
        assertThat(result.message()).startsWith("migrate failed: sh exited with code 3: migration 42: error on "
                + "[REDACTED] with [REDACTED] (after dump ").contains("restore ");
        assertNoPassword(result);
        assertThat(scratchObjects()).as("what the restore created is dropped after the failure").isEmpty();
    }

    @Test
    void cannotVerifyAndStillEmptiesTheScratchWhenTheRunDeadlineStopsAStep() throws Exception {
        EnvironmentConfig config = ReferenceEnvironment.config(deployment, drillConfig("""
                migrate-command: [sh, -c, 'sleep 120 & wait']
                recovery-objective: 2m
                """));
        // 15 s of the deadline are kept for the cleanup: the migration gets about 5 s.
        config = config.newBuilder().timeouts(new Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(3),
                Duration.ofSeconds(20))).build();

        CheckResult result = SuiteRun.of(config, new Selection(Suite.NIGHTLY, List.of(DRILL))).report().results()
                .get(0);

        assertThat(result.outcome()).as(result.message()).isEqualTo(Outcome.BROKEN);
        assertThat(result.message()).startsWith("could not verify: the run's deadline came before the drill "
                + "finished").contains("migrate: sh did not finish within ", "give the nightly run a longer");
        assertThat(scratchObjects()).as("what the restore created is dropped after the timeout").isEmpty();
        assertThat(ProcessHandle.current().descendants().filter(p -> p.info().commandLine().orElse("")
                .contains("sleep 120"))).as("the migration's children").isEmpty();
    }

    @Test
    void emptiesTheScratchWhenTheRunIsStoppedMidDrill() throws Exception {
        EnvironmentConfig config = ReferenceEnvironment.config(deployment, drillConfig("""
                migrate-command: [sh, -c, 'sleep 120 & wait']
                recovery-objective: 2m
                """));

        try (RunSession session = ReferenceEnvironment.open(config, new Selection(Suite.NIGHTLY, List.of(DRILL)))) {
            for (int wait = 0; wait < 300 && scratchObjects().isEmpty(); wait++) {
                Thread.sleep(100);
            }
            assertThat(scratchObjects()).as("the restore has begun").isNotEmpty();
            session.interrupt("SIGTERM");
        }

        assertThat(scratchObjects()).as("dropped while the stopped run closed").isEmpty();
        assertThat(ProcessHandle.current().descendants().filter(p -> p.info().commandLine().orElse("")
                .contains("sleep 120"))).as("the migration's children").isEmpty();
    }

    @Test
    void refusesWithExit2WhenTheTargetIsTheSource() throws Exception {
        SourceState before = sourceState();
        Path config = drillConfig("recovery-objective: 2m\n").resolveSibling("same.yaml");
        Files.writeString(config, Files.readString(dir.resolve("demo.yaml"))
                .replace("${RESTORE_DATABASE_URL}", "${DATABASE_URL}"));

        Cli run = cli(config, dir.resolve("reports"));

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err().lines()).singleElement().asString().contains("database.restore-drill.target-url: names "
                + "the same database as database.url (127.0.0.1:");
        assertThat(run.out()).doesNotContain("db.restore-drill: dump");
        assertThat(sourceState()).isEqualTo(before);
    }

    @Test
    void refusesWithExit2AndTouchesNothingWhenTheScratchHoldsForeignTables() throws Exception {
        deployment.runAsDatabaseSuperuser("a table the drill did not create", "app_restore",
                "CREATE TABLE public.keep_me (id int); INSERT INTO public.keep_me VALUES (1), (2);"
                        + " ALTER TABLE public.keep_me OWNER TO restore;");
        try {
            Cli run = cli(drillConfig(NODE_PG_MIGRATE + "recovery-objective: 2m\n"), dir.resolve("reports"));

            assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCode.USAGE);
            assertThat(run.err().lines()).singleElement().asString().startsWith("smokegate: refused: db.restore-drill:"
                    + " the scratch database 127.0.0.1:").contains("/app_restore holds tables the drill did not create "
                    + "(public.keep_me): nothing was touched");
            assertThat(run.out()).doesNotContain("db.restore-drill: dump");
            assertThat(scratchObjects()).containsExactly("public.keep_me 2");
        } finally {
            deployment.runAsDatabaseSuperuser("drop the foreign table", "app_restore", "DROP TABLE public.keep_me;");
        }
    }

    // --- fixtures

    /** demo.yaml with {@code drill} (YAML lines, unindented) as its database.restore-drill section. */
    private Path drillConfig(String drill) throws IOException {
        String demo = Files.readString(Path.of("suites", "demo.yaml"));
        int start = demo.indexOf("  restore-drill:\n");
        int end = demo.indexOf("\nredis:", start);
        String section = "  restore-drill:\n    target-url: ${RESTORE_DATABASE_URL}\n"
                + drill.indent(4).replaceAll("\n$", "");
        Path file = dir.resolve("demo.yaml");
        Files.writeString(file, demo.substring(0, start) + section + demo.substring(end));
        return file;
    }

    private CheckResult drill(String drill) throws Exception {
        EnvironmentConfig config = ReferenceEnvironment.config(deployment, drillConfig(drill));
        SuiteRun run = SuiteRun.of(config, new Selection(Suite.NIGHTLY, List.of(DRILL)));
        return run.report().results().stream().filter(r -> r.id().equals(DRILL)).findFirst().orElseThrow();
    }

    private record Cli(int exitCode, String out, String err) {
    }

    private Cli cli(Path config, Path reports) {
        List<String> args = new ArrayList<>(List.of("run", config.toString(), "--suite", "nightly", "--only", DRILL,
                "--report-dir", reports.toString(), "--no-html", "--ca-file",
                deployment.caCertificateFile().toString()));
        deployment.connectTo().forEach(m -> args.addAll(List.of("--connect-to", m)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Smokegate(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), deployment.environment(), Path.of("."),
                Clock.systemUTC()).execute(args.toArray(String[]::new));
        return new Cli(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private void assertNoPassword(CheckResult result) {
        for (String password : passwords()) {
            assertThat(result.message()).doesNotContain(password);
            assertThat(result.evidence()).allSatisfy(e -> assertThat(e.content()).doesNotContain(password));
        }
    }

    /** The source's and the scratch's passwords, generated per start: canaries no artifact may hold. */
    private List<String> passwords() {
        return List.of("DATABASE_URL", "RESTORE_DATABASE_URL").stream()
                .map(v -> PostgresUrl.parse(deployment.environment().get(v)).password()).toList();
    }

    private static void script(Path file, String body) throws IOException {
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
    }

    /** The source's write counters and a digest of every table's rows, every sequence and the schema. */
    private record SourceState(long inserted, long updated, long deleted, String digest) {
    }

    private SourceState sourceState() throws Exception {
        try (Connection app = connect("DATABASE_URL"); Statement statement = app.createStatement()) {
            awaitOtherSessionsGone(statement);
            deployment.runAsDatabaseSuperuser("flush statistics", "app", "SELECT pg_stat_force_next_flush();");
            statement.execute("SELECT pg_stat_clear_snapshot()");
            long[] counters = new long[3];
            try (ResultSet rows = statement.executeQuery("SELECT tup_inserted, tup_updated, tup_deleted"
                    + " FROM pg_stat_database WHERE datname = current_database()")) {
                rows.next();
                for (int i = 0; i < 3; i++) {
                    counters[i] = rows.getLong(i + 1);
                }
            }
            StringBuilder digest = new StringBuilder();
            digest.append(single(statement, "SELECT md5(string_agg(concat_ws(' ', table_name, column_name, data_type,"
                    + " column_default, is_nullable), ',' ORDER BY table_name, ordinal_position))"
                    + " FROM information_schema.columns WHERE table_schema = 'public'"));
            digest.append(single(statement, "SELECT md5(string_agg(indexdef, ',' ORDER BY indexdef)) FROM pg_indexes"
                    + " WHERE schemaname = 'public'"));
            digest.append(single(statement, "SELECT md5(string_agg(conname || pg_get_constraintdef(oid), ','"
                    + " ORDER BY conname)) FROM pg_constraint WHERE connamespace = 'public'::regnamespace"));
            for (String table : names(statement, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'")) {
                digest.append(' ').append(table).append(single(statement, "SELECT md5(coalesce(string_agg(t::text, "
                        + "',' ORDER BY t::text), '')) FROM public.\"" + table + "\" t"));
            }
            for (String sequence : names(statement, "SELECT sequencename FROM pg_sequences"
                    + " WHERE schemaname = 'public'")) {
                digest.append(' ').append(sequence).append(single(statement, "SELECT last_value || ' ' || is_called"
                        + " FROM public.\"" + sequence + "\""));
            }
            return new SourceState(counters[0], counters[1], counters[2], digest.toString());
        }
    }

    /** A backend flushes its statistics as it exits; wait until the drill's sessions have. */
    private static void awaitOtherSessionsGone(Statement statement) throws Exception {
        for (int attempt = 0; attempt < 50; attempt++) {
            statement.execute("SELECT pg_stat_clear_snapshot()");
            if (single(statement, "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                    + " AND pid <> pg_backend_pid() AND application_name LIKE 'smokegate%'").equals("0")) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("smokegate's sessions to the source did not end");
    }

    /** Every user relation of the scratch, with its rows for tables: empty when the drill left nothing behind. */
    private List<String> scratchObjects() throws Exception {
        try (Connection scratch = connect("RESTORE_DATABASE_URL"); Statement statement = scratch.createStatement()) {
            List<String> objects = new ArrayList<>();
            for (String name : names(statement, "SELECT n.nspname || '.' || c.relname || ' ' || c.relkind::text"
                    + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname <> 'information_schema'"
                    + " AND n.nspname NOT LIKE 'pg\\_%' ORDER BY 1")) {
                String[] parts = name.split(" ");
                objects.add(parts[1].equals("r") ? parts[0] + " " + single(statement, "SELECT count(*) FROM "
                        + parts[0]) : name);
            }
            objects.addAll(names(statement, "SELECT 'schema ' || nspname FROM pg_namespace WHERE nspname NOT IN"
                    + " ('public', 'information_schema') AND nspname NOT LIKE 'pg\\_%'"));
            objects.addAll(names(statement, "SELECT 'routine ' || p.oid::regprocedure FROM pg_proc p"
                    + " WHERE p.pronamespace = 'public'::regnamespace"));
            objects.addAll(names(statement, "SELECT 'type ' || typname FROM pg_type WHERE typnamespace ="
                    + " 'public'::regnamespace AND typtype <> 'b' AND typrelid = 0"));
            return objects;
        }
    }

    private Connection connect(String variable) throws SQLException {
        PostgresUrl url = PostgresUrl.parse(deployment.environment().get(variable));
        Properties properties = new Properties();
        properties.setProperty("user", url.user());
        properties.setProperty("password", url.password());
        properties.setProperty("sslmode", "verify-full");
        properties.setProperty("sslrootcert", deployment.caCertificateFile().toString());
        properties.setProperty("ApplicationName", "restore drill self-test");
        return DriverManager.getConnection(url.jdbcUrl(), properties);
    }

    private static String single(Statement statement, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static List<String> names(Statement statement, String sql) throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }
}
