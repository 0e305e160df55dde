package dev.smokegate.probe.db;

import dev.smokegate.model.Evidence;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What one restore drill did and found: the steps it finished with their times, the step that failed (if any), the
 * row counts of every restored table in source and scratch, the integrity query's comparison, and whether the
 * scratch was emptied again. The tools' output, with credentials masked, is the evidence.
 *
 * @param source   the source database, {@code host:port/database}
 * @param scratch  the scratch database the drill restored into
 * @param refusal  why the drill touched nothing: the scratch held what it did not create, or is the source
 * @param steps    the steps that finished, in order (dump, restore, migrate, verify)
 * @param failure  the step that did not finish, and why
 * @param smoke    the smokegate run against the staging backend on the restored database, when configured
 * @param cleanup  what the drill could not drop again; empty when the scratch is as the drill found it
 */
public record RestoreDrillObservation(String source, String scratch, Optional<String> refusal, List<Step> steps,
                                      Optional<StepFailure> failure, List<TableRows> tables,
                                      Optional<IntegrityComparison> integrity, Optional<SmokeOutcome> smoke,
                                      Optional<String> cleanup, List<Evidence> evidence) {

    public RestoreDrillObservation {
        steps = List.copyOf(steps);
        tables = List.copyOf(tables);
        evidence = List.copyOf(evidence);
    }

    /** A finished step: its name, how long it took, and what it handled ({@code 312 kB}, {@code 3 tables}). */
    public record Step(String name, Duration took, String detail) {
    }

    /**
     * A step that did not finish: what went wrong, with the gist of the tool's error output (credentials masked).
     *
     * @param took      how long it ran before it failed
     * @param outOfTime it was stopped at the run's deadline rather than failing by itself
     */
    public record StepFailure(String step, String problem, Duration took, boolean outOfTime) {
    }

    /** A restored table's rows in the source (empty: no such table there) and in the scratch after the migrations. */
    public record TableRows(String schema, String table, OptionalLong sourceRows, OptionalLong scratchRows) {

        public String qualifiedName() {
            return schema + "." + table;
        }
    }

    /** The integrity query's result in both databases; only whether and where they differ, never the values. */
    public record IntegrityComparison(int sourceRows, int scratchRows, Optional<Integer> firstDifferentRow) {

        public boolean equal() {
            return firstDifferentRow.isEmpty() && sourceRows == scratchRows;
        }
    }

    /**
     * How the nested smokegate run against the restored database ended: its exit code (0 passed, 1 failed, 2 config
     * error, 3 could not verify), how many checks it ran, and each failed or unverified one as
     * {@code id target: message}.
     *
     * @param gist the line of its output that says what went wrong, for a run that reported nothing
     */
    public record SmokeOutcome(int exitCode, Duration took, int checks, List<String> problems,
                               Optional<String> gist) {

        public SmokeOutcome {
            problems = List.copyOf(problems);
        }

        /** How a smokegate run ends, by its documented exit codes. */
        public enum Ending { PASSED, FAILED, REFUSED, NOT_VERIFIED }

        public Ending ending() {
            return switch (exitCode) {
                case 0 -> Ending.PASSED;
                case 1 -> Ending.FAILED;
                case 3 -> Ending.NOT_VERIFIED;
                default -> Ending.REFUSED;
            };
        }
    }

    /** The step that runs smokegate against the restored database: not part of the recovery time. */
    public static final String SMOKE_STEP = "smoke";

    /** Dump, restore, migrate and verify, as long as they took: the recovery time. */
    public Duration recoveryTime() {
        Duration total = steps.stream().map(Step::took).reduce(Duration.ZERO, Duration::plus);
        return failure.filter(f -> !f.step().equals(SMOKE_STEP)).map(f -> total.plus(f.took())).orElse(total);
    }

    public static RestoreDrillObservation refused(String source, String scratch, String why) {
        return new RestoreDrillObservation(source, scratch, Optional.of(why), List.of(), Optional.empty(), List.of(),
                Optional.empty(), Optional.empty(), Optional.empty(), List.of());
    }
}
