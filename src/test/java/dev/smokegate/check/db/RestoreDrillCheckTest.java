package dev.smokegate.check.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.config.ConfigValue;
import dev.smokegate.config.DatabaseSettings;
import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.config.RestoreDrillSettings;
import dev.smokegate.model.Evidence;
import dev.smokegate.model.Target;
import dev.smokegate.model.Verdict;
import dev.smokegate.probe.db.RestoreDrillObservation;
import dev.smokegate.probe.db.RestoreDrillObservation.IntegrityComparison;
import dev.smokegate.probe.db.RestoreDrillObservation.SmokeOutcome;
import dev.smokegate.probe.db.RestoreDrillObservation.Step;
import dev.smokegate.probe.db.RestoreDrillObservation.StepFailure;
import dev.smokegate.probe.db.RestoreDrillObservation.TableRows;
import dev.smokegate.probe.db.ScratchInventory;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RestoreDrillCheckTest {

    private static final Target SOURCE = new Target(Target.DATABASE, "db:5432/app");
    private static final List<Step> STEPS = List.of(new Step("dump", Duration.ofMillis(1200), "312 kB"),
            new Step("restore", Duration.ofMillis(1500), "3 tables"),
            new Step("migrate", Duration.ofMillis(900), "node"),
            new Step("verify", Duration.ofMillis(300), "3 tables, 230 rows"));
    private static final List<TableRows> MATCHING = List.of(rows("users", 25, 25), rows("messages", 200, 200));

    private final RestoreDrillCheck check = new RestoreDrillCheck();

    private static EnvironmentConfig config(Duration objective, Map<String, Double> tolerance) {
        RestoreDrillSettings drill = new RestoreDrillSettings(Optional.of(new ConfigValue("database.restore-drill"
                + ".target-url", "postgres://restore:pw@db:5432/app_restore", Set.of("RESTORE_DATABASE_URL"),
                Set.of())), Optional.empty(), 2, List.of(), Path.of("."), tolerance, Optional.empty(), objective,
                RestoreDrillSettings.DEFAULT_TOOLS_DIR, Optional.empty());
        DatabaseSettings none = DatabaseSettings.NONE;
        return builder().database(new DatabaseSettings(Optional.of(new ConfigValue("database.url",
                "postgres://app:pw@db:5432/app", Set.of("DATABASE_URL"), Set.of())), Optional.of(drill),
                none.majorVersion(), none.outdatedMinor(), none.appMayOwnDatabase(), none.criticalTables(),
                none.migrations(), none.archiving())).build();
    }

    private static EnvironmentConfig.Builder builder() {
        return EnvironmentConfig.builder("staging", URI.create("https://app.example.com"),
                URI.create("https://api.example.com"));
    }

    private static EnvironmentConfig config(Duration objective) {
        return config(objective, Map.of());
    }

    private static TableRows rows(String table, long source, long scratch) {
        return new TableRows("public", table, OptionalLong.of(source), OptionalLong.of(scratch));
    }

    private static RestoreDrillObservation finished(List<TableRows> tables, Optional<IntegrityComparison> integrity,
                                                    Optional<String> cleanup) {
        return finished(tables, integrity, Optional.empty(), cleanup);
    }

    private static RestoreDrillObservation finished(List<TableRows> tables, Optional<IntegrityComparison> integrity,
                                                    Optional<SmokeOutcome> smoke, Optional<String> cleanup) {
        return new RestoreDrillObservation("db:5432/app", "db:5432/app_restore", Optional.empty(), STEPS,
                Optional.empty(), tables, integrity, smoke, cleanup, List.of(Evidence.text("restore: pg_restore output",
                "pg_restore: warning")));
    }

    private Verdict judge(RestoreDrillObservation drill, EnvironmentConfig config) {
        return check.judge(drill, SOURCE, config);
    }

    @Test
    void passesWithTheRecoveryTimeAndEveryStepWhenTheDrillRestoresInTime() {
        Verdict verdict = judge(finished(MATCHING, Optional.of(new IntegrityComparison(1, 1, Optional.empty())),
                Optional.empty()), config(Duration.ofMinutes(2)));

        assertThat(verdict.status()).isEqualTo(Verdict.Status.PASS);
        assertThat(verdict.message()).isEqualTo("recovered in 3.9 s, within the objective 2m 00s: dump 1.2 s (312 kB), "
                + "restore 1.5 s (3 tables), migrate 0.9 s (node), verify 0.3 s (3 tables, 230 rows); rows of 2 tables "
                + "match, integrity query equal");
        assertThat(verdict.measurements()).containsEntry("recovery-ms", 3900L).containsEntry("dump-ms", 1200L)
                .containsEntry("restore-ms", 1500L).containsEntry("migrate-ms", 900L).containsEntry("verify-ms", 300L);
        assertThat(verdict.evidence()).extracting(Evidence::title).containsExactly("restore: pg_restore output");
    }

    @Test
    void failsNamingEachStepWhenTheRecoveryIsOverTheObjective() {
        Verdict verdict = judge(finished(MATCHING, Optional.empty(), Optional.empty()), config(Duration.ofSeconds(3)));

        assertThat(verdict.status()).isEqualTo(Verdict.Status.FAIL);
        assertThat(verdict.message()).isEqualTo("recovery took 3.9 s, over the objective 3.0 s (dump 1.2 s (312 kB), "
                + "restore 1.5 s (3 tables), migrate 0.9 s (node), verify 0.3 s (3 tables, 230 rows))");
        assertThat(verdict.measurements()).containsEntry("recovery-ms", 3900L);
    }

    @Test
    void failsNamingEveryTableWhoseRowsDifferBeyondItsTolerance() {
        List<TableRows> tables = List.of(rows("users", 25, 24), rows("messages", 200, 197), rows("rooms", 5, 5),
                new TableRows("public", "audit", OptionalLong.of(10), OptionalLong.empty()));

        Verdict verdict = judge(finished(tables, Optional.empty(), Optional.empty()),
                config(Duration.ofMinutes(2), Map.of("messages", 2.0, "users", 1.0)));

        assertThat(verdict.status()).isEqualTo(Verdict.Status.FAIL);
        assertThat(verdict.message()).startsWith("restored rows differ from the source: public.users has 24 rows "
                + "restored, 25 in the source (-4.0 %, tolerance 1.0 %), public.audit is gone after the migrations (");
    }

    @Test
    void failsWhenTheIntegrityQueryDiffers() {
        Verdict verdict = judge(finished(MATCHING, Optional.of(new IntegrityComparison(3, 3, Optional.of(1))),
                Optional.empty()), config(Duration.ofMinutes(2)));

        assertThat(verdict.status()).isEqualTo(Verdict.Status.FAIL);
        assertThat(verdict.message()).startsWith("the integrity query's results differ (source 3 rows, scratch 3 rows,"
                + " first difference in row 2)");
    }

    @Test
    void failsNamingTheStepThatFailedAndWhatFinishedBefore() {
        RestoreDrillObservation drill = new RestoreDrillObservation("db:5432/app", "db:5432/app_restore",
                Optional.empty(), STEPS.subList(0, 1), Optional.of(new StepFailure("restore",
                "pg_restore exited with code 1: pg_restore: error: could not execute query", Duration.ofSeconds(1),
                false)), List.of(), Optional.empty(), Optional.empty(), Optional.empty(), List.of());

        Verdict verdict = judge(drill, config(Duration.ofMinutes(2)));

        assertThat(verdict.status()).isEqualTo(Verdict.Status.FAIL);
        assertThat(verdict.message()).isEqualTo("restore failed: pg_restore exited with code 1: pg_restore: error: "
                + "could not execute query (after dump 1.2 s (312 kB))");
        assertThat(verdict.measurements()).as("a partial drill is no recovery time").doesNotContainKey("recovery-ms");
    }

    @Test
    void cannotVerifyWhenTheRunDeadlineComesWithinTheObjectiveButFailsPastIt() {
        RestoreDrillObservation stopped = new RestoreDrillObservation("db:5432/app", "db:5432/app_restore",
                Optional.empty(), STEPS.subList(0, 1), Optional.of(new StepFailure("restore", "pg_restore did not "
                + "finish within 50.0 s (the run's deadline) and was stopped", Duration.ofSeconds(50), true)),
                List.of(), Optional.empty(), Optional.empty(), Optional.empty(), List.of());

        assertThat(judge(stopped, config(Duration.ofMinutes(5))).status()).isEqualTo(Verdict.Status.INCONCLUSIVE);
        Verdict tooSlow = judge(stopped, config(Duration.ofSeconds(30)));
        assertThat(tooSlow.status()).isEqualTo(Verdict.Status.FAIL);
        assertThat(tooSlow.message()).startsWith("recovery took over 51.2 s, longer than the objective 30.0 s: "
                + "restore was stopped");
    }

    @Test
    void foldsTheSmokeRunAgainstTheRestoredDatabaseIntoTheVerdict() {
        Duration took = Duration.ofSeconds(3);
        Verdict passed = judge(finished(MATCHING, Optional.empty(), Optional.of(new SmokeOutcome(0, took, 2,
                List.of(), Optional.empty())), Optional.empty()), config(Duration.ofMinutes(2)));
        assertThat(passed.status()).isEqualTo(Verdict.Status.PASS);
        assertThat(passed.message()).endsWith("; smoke: 2 checks passed against the restored database");
        assertThat(passed.measurements()).as("the smoke run is no part of the recovery")
                .containsEntry("recovery-ms", 3900L).containsEntry("smoke-ms", 3000L);

        Verdict failed = judge(finished(MATCHING, Optional.empty(), Optional.of(new SmokeOutcome(1, took, 2,
                List.of("http.db-path.ok backend https://staging.example.com/health/db: got 503"), Optional.empty())),
                Optional.empty()), config(Duration.ofMinutes(2)));
        assertThat(failed.status()).isEqualTo(Verdict.Status.FAIL);
        assertThat(failed.message()).startsWith("smoke against the restored database failed: http.db-path.ok "
                + "backend https://staging.example.com/health/db: got 503 (dump 1.2 s");

        Verdict refused = judge(finished(MATCHING, Optional.empty(), Optional.of(new SmokeOutcome(2, took, 0,
                List.of(), Optional.of("config error: staging.yaml: backend: required section is missing"))),
                Optional.empty()), config(Duration.ofMinutes(2)));
        assertThat(refused.status()).isEqualTo(Verdict.Status.INCONCLUSIVE);
        assertThat(refused.message()).startsWith("the smoke run against the restored database ended with exit code 2:"
                + " config error: staging.yaml: backend: required section is missing (recovered in 3.9 s");
    }

    @Test
    void warnsWhenTheScratchWasNotEmptiedAgain() {
        Verdict verdict = judge(finished(MATCHING, Optional.empty(), Optional.of("left in db:5432/app_restore: "
                + "type public.mood")), config(Duration.ofMinutes(2)));

        assertThat(verdict.status()).isEqualTo(Verdict.Status.WARN);
        assertThat(verdict.message()).endsWith("; the scratch was not emptied again, and the next drill will refuse "
                + "it: left in db:5432/app_restore: type public.mood");
    }

    @Test
    void refusesAScratchThatIsTheSourceOrHoldsTables() {
        assertThat(RestoreDrillCheck.refusal(new ScratchInventory("db:5432/app_restore", List.of(), false))).isEmpty();
        assertThat(RestoreDrillCheck.refusal(new ScratchInventory("db:5432/app_restore", List.of("public.a",
                "public.b", "public.c", "public.d", "public.e", "public.f", "public.g"), false))).contains(
                "the scratch database db:5432/app_restore holds tables the drill did not create (public.a, public.b, "
                        + "public.c, public.d, public.e and 2 more): nothing was touched; point "
                        + "database.restore-drill.target-url at an empty database, or empty it");
        assertThat(RestoreDrillCheck.refusal(new ScratchInventory("alias:5432/app", List.of(), true))).hasValueSatisfying(
                why -> assertThat(why).contains("reaches the source database itself (alias:5432/app)"));
    }

    @Test
    void appliesOnlyWhereTheDrillIsConfiguredAndNamesTheKeyOtherwise() {
        assertThat(check.targets(config(Duration.ofMinutes(2)))).containsExactly(SOURCE);
        EnvironmentConfig none = builder().build();
        assertThat(check.targets(none)).isEmpty();
        assertThat(check.notApplicable(none)).contains("database.restore-drill");
    }
}
