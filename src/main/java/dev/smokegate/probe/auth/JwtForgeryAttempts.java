package dev.smokegate.probe.auth;

import dev.smokegate.model.Evidence;
import dev.smokegate.probe.http.HttpEvidence;
import dev.smokegate.probe.http.HttpObservation;
import java.util.ArrayList;
import java.util.List;

/**
 * What the authenticated endpoint answered to the valid token (the control) and to each forged one.
 *
 * @param skipped forgeries that could not be built, one line each saying which config would enable them
 */
public record JwtForgeryAttempts(HttpObservation control, List<Attempt> attempts, List<String> skipped)
        implements HttpEvidence {

    public JwtForgeryAttempts {
        attempts = List.copyOf(attempts);
        skipped = List.copyOf(skipped);
    }

    /** One forged token sent, named by what was forged. */
    public record Attempt(String forgery, HttpObservation answer) {
    }

    @Override
    public List<Evidence> evidence() {
        List<Evidence> evidence = new ArrayList<>(control.evidence());
        attempts.forEach(a -> evidence.addAll(a.answer().evidence()));
        return evidence;
    }
}
