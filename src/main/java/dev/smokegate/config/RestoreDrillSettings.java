package dev.smokegate.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The nightly backup-to-scratch restore drill ({@code db.restore-drill}): {@code database.restore-drill.target-url}, a
 * {@code ${RESTORE_DATABASE_URL}} reference to a scratch database that must differ from the source, and how the drill
 * restores, migrates and verifies there.
 *
 * @param backupFile        a pg_dump custom-format file to restore instead of dumping the source
 * @param jobs              pg_restore's parallel jobs
 * @param migrateCommand    argv run after the restore with {@code DATABASE_URL} naming the scratch; empty: none
 * @param migrateDirectory  where the migrate command runs (relative paths: to the config file's directory)
 * @param rowTolerance      table ({@code name} or {@code schema.name}) to the percent its row count may differ by
 * @param integrityQuery    SQL run on source and scratch whose results must be equal
 * @param recoveryObjective the RTO: dump + restore + migrate + verify must not take longer
 * @param toolsDir          where pg_dump and pg_restore of the source's major version are
 * @param smoke             a smokegate run against a staging backend whose database is the restored scratch
 */
public record RestoreDrillSettings(Optional<ConfigValue> targetUrl, Optional<Path> backupFile, int jobs,
                                   List<String> migrateCommand, Path migrateDirectory,
                                   Map<String, Double> rowTolerance, Optional<String> integrityQuery,
                                   Duration recoveryObjective, Path toolsDir, Optional<SmokeRun> smoke) {

    /**
     * {@code database.restore-drill.smoke}: after the restore is verified, {@code suite} (a smokegate config file
     * describing a staging backend pointed at the scratch) runs with {@code --only} these checks.
     */
    public record SmokeRun(Path suite, List<String> only) {

        public SmokeRun {
            only = List.copyOf(only);
        }

        static SmokeRun read(YamlNode smoke) {
            Path suite = smoke.requiredString("suite").map(text -> smoke.context().directory().resolve(text)
                    .normalize()).orElse(Path.of(""));
            if (!suite.toString().isEmpty() && !Files.isRegularFile(suite)) {
                smoke.problem(smoke.key("suite"), "no such file: " + suite);
            }
            List<String> only = smoke.list("only").stream().map(String::valueOf).toList();
            if (only.isEmpty()) {
                smoke.problem(smoke.key("only"), "required: the checks to run against the restored database, e.g. "
                        + "[http.db-path.ok]");
            }
            for (int i = 0; i < only.size(); i++) {
                if (!smoke.context().namesKnownCheck(only.get(i))) {
                    smoke.problem(smoke.key("only") + "[" + i + "]", "names no check: \"" + only.get(i) + "\"");
                }
            }
            return new SmokeRun(suite, only);
        }
    }

    public static final Path DEFAULT_TOOLS_DIR = Path.of("/usr/lib/postgresql/15/bin");
    public static final int DEFAULT_JOBS = 2;
    private static final int MAX_JOBS = 64;

    public RestoreDrillSettings {
        migrateCommand = List.copyOf(migrateCommand);
        rowTolerance = Map.copyOf(rowTolerance);
    }

    /** The tolerance for {@code schema.table}: its qualified name, else its bare name, else exact (0 %). */
    public double tolerancePercent(String schema, String table) {
        return rowTolerance.getOrDefault(schema + "." + table, rowTolerance.getOrDefault(table, 0.0));
    }

    static RestoreDrillSettings read(YamlNode drill) {
        Optional<ConfigValue> target = drill.credentialReference("target-url");
        if (target.isEmpty()) {
            drill.problem(drill.key("target-url"), "required key is missing (a ${VAR} naming the scratch database)");
        }
        Path directory = drill.context().directory();
        Optional<Path> backup = drill.string("backup-file").map(text -> directory.resolve(text).normalize());
        backup.filter(file -> !Files.isRegularFile(file)).ifPresent(file ->
                drill.problem(drill.key("backup-file"), "no such file: " + file));
        int jobs = drill.parsed("jobs", RestoreDrillSettings::jobs, "expected a whole number from 1 to " + MAX_JOBS)
                .orElse(DEFAULT_JOBS);
        List<String> command = drill.list("migrate-command").stream().map(String::valueOf).toList();
        Path migrateDirectory = drill.string("migrate-directory").map(text -> directory.resolve(text).normalize())
                .orElse(directory);
        if (!Files.isDirectory(migrateDirectory)) {
            drill.problem(drill.key("migrate-directory"), "no such directory: " + migrateDirectory);
        }
        Map<String, Double> tolerance = new LinkedHashMap<>();
        drill.stringMap("row-tolerance").forEach((table, percent) -> percent(percent).ifPresentOrElse(
                p -> tolerance.put(table, p), () -> drill.problem(drill.key("row-tolerance") + "." + table,
                        "expected a percentage from 0 to 100 such as 2 or 0.5, found \"" + percent + "\"")));
        Optional<String> integrity = drill.string("integrity-query").map(String::strip).filter(q -> !q.isEmpty());
        Optional<Duration> objective = drill.duration("recovery-objective");
        if (objective.isEmpty()) {
            drill.problem(drill.key("recovery-objective"), "required key is missing (the recovery time objective, "
                    + "e.g. 30m)");
        }
        Path tools = drill.string("tools-dir").map(text -> directory.resolve(text).normalize())
                .orElse(DEFAULT_TOOLS_DIR);
        Optional<SmokeRun> smoke = drill.section("smoke", SmokeRun::read);
        return new RestoreDrillSettings(target, backup, jobs, command, migrateDirectory, tolerance, integrity,
                objective.orElse(Duration.ofHours(1)), tools, smoke);
    }

    /**
     * A drill whose scratch is the source itself would restore over production: refused when the config is read,
     * before anything connects. Only compared when both variables are set (an unset one is reported when needed).
     */
    static void requireDifferentDatabase(YamlNode database, Optional<ConfigValue> source,
                                         RestoreDrillSettings drill) {
        if (source.isEmpty()) {
            database.problem(database.key("restore-drill"), "needs database.url too: the drill compares the "
                    + "restored copy with the source");
            return;
        }
        if (drill.targetUrl().isEmpty()) {
            return; // reported as missing already
        }
        Optional<PostgresUrl> from = parsed(database, source.get());
        Optional<PostgresUrl> to = parsed(database, drill.targetUrl().get());
        if (from.isPresent() && to.isPresent() && from.get().sameDatabaseAs(to.get())) {
            database.problem(drill.targetUrl().get().key(), "names the same database as database.url ("
                    + to.get().display() + "): the drill would restore over the source; point it at an empty "
                    + "scratch database");
        }
    }

    private static Optional<PostgresUrl> parsed(YamlNode node, ConfigValue value) {
        if (!value.resolved()) {
            return Optional.empty();
        }
        try {
            PostgresUrl url = PostgresUrl.parse(value.value());
            // The password alone may surface in a tool's error output, away from its URL.
            if (!url.password().isEmpty()) {
                node.context().secretValues().add(url.password());
            }
            return Optional.of(url);
        } catch (IllegalArgumentException e) {
            node.problem(value.key(), e.getMessage());
            return Optional.empty();
        }
    }

    private static Optional<Integer> jobs(String text) {
        try {
            int value = Integer.parseInt(text.trim());
            return value >= 1 && value <= MAX_JOBS ? Optional.of(value) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<Double> percent(String text) {
        try {
            double value = Double.parseDouble(text.trim().replaceFirst("%$", ""));
            return value >= 0 && value <= 100 ? Optional.of(value) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
