package dev.smokegate.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RestoreDrillSettingsTest {

    private static final Map<String, String> ENVIRONMENT = Map.of(
            "DATABASE_URL", "postgres://app:source-password@db.example.com:5432/app?sslmode=verify-full",
            "RESTORE_DATABASE_URL", "postgres://restore:scratch-password@db.example.com:5432/app_restore",
            "SAME_AS_SOURCE", "postgresql://other:x-password@DB.example.com/app");

    @TempDir
    Path dir;

    private EnvironmentConfig load(String drill) throws IOException, ConfigException {
        Path file = dir.resolve("staging.yaml");
        Files.writeString(file, """
                frontend: {url: https://app.example.com}
                backend: {url: https://api.example.com}
                database:
                  url: ${DATABASE_URL}
                  restore-drill:
                %s
                """.formatted(drill.indent(4).stripTrailing()));
        return new ConfigLoader(ENVIRONMENT, id -> true).load(file);
    }

    @Test
    void readsEveryKeyWithPathsRelativeToTheConfigFile() throws Exception {
        Files.createDirectories(dir.resolve("app"));
        Files.writeString(dir.resolve("nightly.dump"), "PGDMP");

        RestoreDrillSettings drill = load("""
                target-url: ${RESTORE_DATABASE_URL}
                backup-file: nightly.dump
                jobs: 4
                migrate-command: [npm, run, migrate]
                migrate-directory: app
                row-tolerance: {messages: 2, audit.events: 0.5%}
                integrity-query: SELECT count(*) FROM users
                recovery-objective: 30m
                tools-dir: /opt/pg15/bin
                """).database().restoreDrill().orElseThrow();

        assertThat(drill.backupFile()).contains(dir.resolve("nightly.dump"));
        assertThat(drill.jobs()).isEqualTo(4);
        assertThat(drill.migrateCommand()).containsExactly("npm", "run", "migrate");
        assertThat(drill.migrateDirectory()).isEqualTo(dir.resolve("app"));
        assertThat(drill.tolerancePercent("public", "messages")).isEqualTo(2.0);
        assertThat(drill.tolerancePercent("audit", "events")).isEqualTo(0.5);
        assertThat(drill.tolerancePercent("public", "users")).isZero();
        assertThat(drill.integrityQuery()).contains("SELECT count(*) FROM users");
        assertThat(drill.recoveryObjective()).isEqualTo(Duration.ofMinutes(30));
        assertThat(drill.toolsDir()).isEqualTo(Path.of("/opt/pg15/bin"));
    }

    @Test
    void defaultsToTwoJobsNoMigrationExactRowsAndPostgres15Tools() throws Exception {
        EnvironmentConfig config = load("target-url: ${RESTORE_DATABASE_URL}\nrecovery-objective: 1h");
        RestoreDrillSettings drill = config.database().restoreDrill().orElseThrow();

        assertThat(drill.jobs()).isEqualTo(2);
        assertThat(drill.migrateCommand()).isEmpty();
        assertThat(drill.migrateDirectory()).isEqualTo(dir);
        assertThat(drill.backupFile()).isEmpty();
        assertThat(drill.toolsDir()).isEqualTo(Path.of("/usr/lib/postgresql/15/bin"));
        assertThat(config.secretValues()).as("passwords alone, as a tool may print them")
                .contains("source-password", "scratch-password");
    }

    @Test
    void failsAtLoadWhenTheTargetNamesTheSourceDatabase() {
        assertThatThrownBy(() -> load("target-url: ${SAME_AS_SOURCE}\nrecovery-objective: 1h"))
                .isInstanceOf(ConfigException.class)
                .hasMessageEndingWith("database.restore-drill.target-url: names the same database as database.url "
                        + "(DB.example.com:5432/app): the drill would restore over the source; point it at an empty "
                        + "scratch database");
    }

    @Test
    void failsWhenRequiredKeysAreMissingOrValuesAreWrong() {
        assertThatThrownBy(() -> load("""
                jobs: 0
                row-tolerance: {messages: lots}
                migrate-directory: nowhere
                backup-file: missing.dump
                """)).isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).problems()).extracting(p -> p.replace(dir + "/", ""))
                        .containsExactlyInAnyOrderElementsOf(List.of(
                                "staging.yaml: database.restore-drill.target-url: required key is missing (a ${VAR} "
                                        + "naming the scratch database)",
                                "staging.yaml: database.restore-drill.backup-file: no such file: missing.dump",
                                "staging.yaml: database.restore-drill.jobs: expected a whole number from 1 to 64, "
                                        + "found \"0\"",
                                "staging.yaml: database.restore-drill.migrate-directory: no such directory: nowhere",
                                "staging.yaml: database.restore-drill.row-tolerance.messages: expected a percentage "
                                        + "from 0 to 100 such as 2 or 0.5, found \"lots\"",
                                "staging.yaml: database.restore-drill.recovery-objective: required key is missing "
                                        + "(the recovery time objective, e.g. 30m)")));
    }

    @Test
    void readsTheSmokeRunAndRefusesAnUnknownCheckOrSuite() throws Exception {
        Files.writeString(dir.resolve("staging-restored.yaml"), "frontend: {url: https://app.example.com}\n");

        RestoreDrillSettings drill = load("""
                target-url: ${RESTORE_DATABASE_URL}
                recovery-objective: 1h
                smoke: {suite: staging-restored.yaml, only: [http.db-path.ok]}
                """).database().restoreDrill().orElseThrow();

        assertThat(drill.smoke()).contains(new RestoreDrillSettings.SmokeRun(dir.resolve("staging-restored.yaml"),
                List.of("http.db-path.ok")));
        ConfigLoader knowsNoCheck = new ConfigLoader(ENVIRONMENT, id -> false);
        Path file = dir.resolve("staging.yaml");
        assertThatThrownBy(() -> knowsNoCheck.load(file)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("database.restore-drill.smoke.only[0]: names no check: \"http.db-path.ok\"");
        assertThatThrownBy(() -> load("""
                target-url: ${RESTORE_DATABASE_URL}
                recovery-objective: 1h
                smoke: {suite: nowhere.yaml}
                """)).isInstanceOf(ConfigException.class).hasMessageContaining("smoke.suite: no such file: ")
                .hasMessageContaining("smoke.only: required: the checks to run against the restored database");
    }

    @Test
    void failsWhenTheTargetIsALiteralUrl() {
        assertThatThrownBy(() -> load("target-url: postgres://restore:pw@db/app_restore\nrecovery-objective: 1h"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("database.restore-drill.target-url: must be "
                        + "a ${ENV_VAR} reference");
    }
}
