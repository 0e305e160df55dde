package dev.smokegate.check.db;

import dev.smokegate.check.Check;
import dev.smokegate.check.Preflight;
import dev.smokegate.config.ConfigValue;
import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.config.PostgresUrl;
import dev.smokegate.config.RestoreDrillSettings;
import dev.smokegate.model.CheckSpec;
import dev.smokegate.model.Durations;
import dev.smokegate.model.Severity;
import dev.smokegate.model.Target;
import dev.smokegate.model.Verdict;
import dev.smokegate.probe.ProbeRequest;
import dev.smokegate.probe.db.RestoreDrillObservation;
import dev.smokegate.probe.db.RestoreDrillObservation.SmokeOutcome;
import dev.smokegate.probe.db.RestoreDrillObservation.Step;
import dev.smokegate.probe.db.RestoreDrillObservation.TableRows;
import dev.smokegate.probe.db.RestoreDrillProbes;
import dev.smokegate.probe.db.ScratchInventory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code db.restore-drill}: a backup of the source restores into the scratch database, the migrations run there,
 * the restored rows match the source, and all of it within the recovery time objective. Opt-in: it writes (into the
 * scratch only), so it runs only where {@code database.restore-drill} names a scratch.
 */
final class RestoreDrillCheck implements Check<RestoreDrillObservation> {

    static final String ID = "db.restore-drill";
    /** The recovery time, the number the Allure trend chart and dashboards follow across nights. */
    static final String RECOVERY_MS = "recovery-ms";
    private static final int LISTED_TABLES = 5;

    private static final CheckSpec SPEC = CheckSpec.nightly(ID, Severity.HIGH,
            "A backup of the database restores into a scratch database, migrates, matches the source's rows, and "
                    + "does so within the recovery time objective.",
            "Read which step failed or was slow in the message and the attached tool output. A failing dump or "
                    + "restore means the backups cannot be trusted: fix it (tool versions, extensions, permissions) "
                    + "before it is needed. Rows that differ mean the restore or the migrations lose data. A recovery "
                    + "over the objective needs faster restores (more pg_restore jobs, a bigger instance) or an "
                    + "objective the business agrees to.");

    @Override
    public CheckSpec spec() {
        return SPEC;
    }

    @Override
    public List<Target> targets(EnvironmentConfig config) {
        if (config.database().restoreDrill().isEmpty() || config.database().url().isEmpty()) {
            return List.of();
        }
        ConfigValue url = config.database().url().get();
        return List.of(new Target(Target.DATABASE, url.resolved() ? PostgresUrl.parse(url.value()).display()
                : url.key()));
    }

    @Override
    public String notApplicable(EnvironmentConfig config) {
        return "database.restore-drill is not configured (set database.restore-drill.target-url to an empty scratch "
                + "database, and recovery-objective, to run the nightly restore drill)";
    }

    @Override
    public Set<String> uses() {
        return Set.of("database.url", "database.restore-drill");
    }

    @Override
    public Optional<Preflight<?>> preflight(Target target, EnvironmentConfig config) {
        return Optional.of(new Preflight<>(RestoreDrillProbes.inventory(), RestoreDrillCheck::refusal));
    }

    /** A scratch that is the source, or holds what the drill did not create, is never written to. */
    static Optional<String> refusal(ScratchInventory scratch) {
        if (scratch.sameAsSource()) {
            return Optional.of("database.restore-drill.target-url reaches the source database itself ("
                    + scratch.scratch() + "): nothing was touched; point it at an empty scratch database");
        }
        if (!scratch.relations().isEmpty()) {
            return Optional.of("the scratch database " + scratch.scratch() + " holds tables the drill did not create ("
                    + listed(scratch.relations()) + "): nothing was touched; point database.restore-drill.target-url"
                    + " at an empty database, or empty it");
        }
        return Optional.empty();
    }

    @Override
    public ProbeRequest<RestoreDrillObservation> observation(Target target, EnvironmentConfig config) {
        return RestoreDrillProbes.drill(ID);
    }

    @Override
    public Verdict judge(RestoreDrillObservation drill, Target target, EnvironmentConfig config) {
        RestoreDrillSettings settings = config.database().restoreDrill().orElseThrow();
        Duration objective = settings.recoveryObjective();
        if (drill.refusal().isPresent()) {
            return Verdict.fail("refused, nothing was touched: " + drill.refusal().get());
        }
        Duration recovery = drill.recoveryTime();
        String steps = steps(drill);
        Verdict verdict;
        if (drill.failure().isPresent()) {
            RestoreDrillObservation.StepFailure failure = drill.failure().get();
            String progress = steps.isEmpty() ? "" : " (after " + steps + ")";
            if (failure.outOfTime() && recovery.compareTo(objective) <= 0) {
                verdict = Verdict.inconclusive("the run's deadline came before the drill finished, "
                        + Durations.format(recovery) + " into it: " + failure.step() + ": " + failure.problem()
                        + progress + "; give the nightly run a longer timeouts.run-deadline (or --deadline)");
            } else if (failure.outOfTime()) {
                verdict = Verdict.fail("recovery took over " + Durations.format(recovery) + ", longer than the "
                        + "objective " + Durations.format(objective) + ": " + failure.step() + " was stopped"
                        + progress);
            } else {
                verdict = Verdict.fail(failure.step() + " failed: " + failure.problem() + progress);
            }
        } else {
            verdict = judgeFinished(drill, settings, recovery, steps);
        }
        if (drill.cleanup().isPresent()) {
            String problem = "; the scratch was not emptied again, and the next drill will refuse it: "
                    + drill.cleanup().get();
            verdict = verdict.status() == Verdict.Status.PASS
                    ? new Verdict(Verdict.Status.WARN, verdict.message() + problem, List.of())
                    : new Verdict(verdict.status(), verdict.message() + problem, List.of());
        }
        return verdict.withEvidence(drill.evidence()).withMeasurements(measurements(drill));
    }

    private static Verdict judgeFinished(RestoreDrillObservation drill, RestoreDrillSettings settings,
                                         Duration recovery, String steps) {
        List<String> problems = new ArrayList<>();
        List<String> rowProblems = drill.tables().stream().map(t -> rowProblem(t, settings)).flatMap(Optional::stream)
                .toList();
        if (!rowProblems.isEmpty()) {
            problems.add("restored rows differ from the source: " + listed(rowProblems));
        }
        drill.integrity().filter(i -> !i.equal()).ifPresent(i -> problems.add("the integrity query's results differ"
                + " (source " + i.sourceRows() + " rows, scratch " + i.scratchRows() + " rows"
                + i.firstDifferentRow().map(row -> ", first difference in row " + (row + 1)).orElse("") + ")"));
        Duration objective = settings.recoveryObjective();
        if (recovery.compareTo(objective) > 0) {
            problems.add("recovery took " + Durations.format(recovery) + ", over the objective "
                    + Durations.format(objective));
        }
        Optional<SmokeOutcome> smoke = drill.smoke();
        smoke.filter(s -> s.ending() == SmokeOutcome.Ending.FAILED).ifPresent(s -> problems.add("smoke against the restored "
                + "database failed: " + listed(s.problems())));
        if (!problems.isEmpty()) {
            return Verdict.fail(String.join("; ", problems) + " (" + steps + ")");
        }
        if (smoke.isPresent() && smoke.get().ending() != SmokeOutcome.Ending.PASSED) {
            SmokeOutcome s = smoke.get();
            return Verdict.inconclusive("the smoke run against the restored database ended with exit code "
                    + s.exitCode() + (s.problems().isEmpty() ? s.gist().map(g -> ": " + g).orElse("")
                    : ": " + listed(s.problems())) + " (recovered in " + Durations.format(recovery) + ": " + steps
                    + ")");
        }
        return Verdict.pass("recovered in " + Durations.format(recovery) + ", within the objective "
                + Durations.format(objective) + ": " + steps + "; rows of " + drill.tables().size()
                + " tables match" + drill.integrity().map(i -> ", integrity query equal").orElse("")
                + smoke.map(s -> "; smoke: " + s.checks() + " checks passed against the restored database")
                .orElse(""));
    }


    /** What is wrong with one table's rows, if anything: missing on a side, or a difference beyond its tolerance. */
    static Optional<String> rowProblem(TableRows table, RestoreDrillSettings settings) {
        String name = table.qualifiedName();
        if (table.scratchRows().isEmpty()) {
            return Optional.of(name + " is gone after the migrations");
        }
        if (table.sourceRows().isEmpty()) {
            return Optional.of(name + " is not in the source");
        }
        long restored = table.scratchRows().getAsLong();
        long live = table.sourceRows().getAsLong();
        double tolerance = settings.tolerancePercent(table.schema(), table.table());
        double percent = live == 0 ? (restored == 0 ? 0 : 100) : 100.0 * Math.abs(restored - live) / live;
        if (restored == live || percent <= tolerance && tolerance > 0) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "%s has %d rows restored, %d in the source (%s%.1f %%, %s)",
                name, restored, live, restored < live ? "-" : "+", percent,
                tolerance == 0 ? "exact match required" : "tolerance " + tolerance + " %"));
    }

    private static String steps(RestoreDrillObservation drill) {
        return drill.steps().stream().map(s -> s.name() + " " + Durations.format(s.took()) + " (" + s.detail() + ")")
                .collect(Collectors.joining(", "));
    }

    /** Each step's time in ms, and the recovery time once every step finished: partial runs do not trend. */
    private static Map<String, Long> measurements(RestoreDrillObservation drill) {
        Map<String, Long> measurements = new LinkedHashMap<>();
        for (Step step : drill.steps()) {
            measurements.put(step.name() + "-ms", step.took().toMillis());
        }
        String smoke = RestoreDrillObservation.SMOKE_STEP;
        drill.smoke().ifPresent(s -> measurements.put(smoke + "-ms", s.took().toMillis()));
        if (drill.refusal().isEmpty() && drill.failure().filter(f -> !f.step().equals(smoke)).isEmpty()) {
            measurements.put(RECOVERY_MS, drill.recoveryTime().toMillis());
        }
        return measurements;
    }

    private static String listed(List<String> items) {
        return items.size() <= LISTED_TABLES ? String.join(", ", items)
                : String.join(", ", items.subList(0, LISTED_TABLES)) + " and " + (items.size() - LISTED_TABLES)
                + " more";
    }
}
