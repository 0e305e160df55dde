package dev.smokegate.engine;

import dev.smokegate.check.Check;
import dev.smokegate.model.Target;
import java.util.Optional;

/** One check on one target, or a check that does not apply here and will be reported as skipped. */
public record PlannedCheck(Check<?> check, Target target, Optional<String> skipReason) {

    public String displayName() {
        return check.spec().id() + " · " + target;
    }
}
