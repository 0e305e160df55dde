package dev.smokegate.engine;

import dev.smokegate.check.Check;
import dev.smokegate.check.Preflight;
import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.probe.ProbeContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs the preflights of the selected, applicable checks, one after another, before a run opens. A preflight whose
 * probe cannot observe refuses nothing: the check's own probe meets the same problem and reports it, and it
 * re-checks before it writes.
 */
public final class Preflights {

    private Preflights() {
    }

    /** One line per refusal; empty when the run may go ahead. */
    public static List<String> refusals(EnvironmentConfig config, Selection selection, List<Check<?>> catalogue,
                                        ProbeContext context) {
        List<String> refusals = new ArrayList<>();
        for (PlannedCheck planned : RunSession.plan(config, selection, catalogue)) {
            if (planned.skipReason().isEmpty()) {
                planned.check().preflight(planned.target(), config)
                        .flatMap(preflight -> refusal(preflight, context))
                        .ifPresent(why -> refusals.add(planned.check().spec().id() + ": " + why));
            }
        }
        return refusals;
    }

    private static <O> Optional<String> refusal(Preflight<O> preflight, ProbeContext context) {
        O observed;
        try {
            observed = preflight.observation().probe().observe(context);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (Exception e) {
            return Optional.empty();
        }
        return preflight.refusal().apply(observed);
    }
}
