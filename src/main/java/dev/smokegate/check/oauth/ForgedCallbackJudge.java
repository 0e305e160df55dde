package dev.smokegate.check.oauth;

import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.model.Verdict;
import dev.smokegate.probe.http.HttpExchange;
import dev.smokegate.probe.oauth.ForgedCallbacks;
import java.util.ArrayList;
import java.util.List;

/**
 * Judges the app's callback under forgery: each forged request must be refused (a 4xx, or an error page or a
 * redirect that signs nobody in), never crash the app (5xx), and never leave the visitor signed in.
 */
final class ForgedCallbackJudge {

    private ForgedCallbackJudge() {
    }

    static Verdict judge(ForgedCallbacks observed, EnvironmentConfig config) {
        List<String> problems = new ArrayList<>();
        List<String> answers = new ArrayList<>();
        for (ForgedCallbacks.Attempt attempt : observed.attempts()) {
            if (attempt.callback().exchange().isEmpty()) {
                return Verdict.fail("the callback did not answer (" + attempt.forgery() + "): "
                        + attempt.callback().failure().orElse("no response"));
            }
            HttpExchange answer = attempt.callback().exchange().get();
            answers.add(attempt.forgery() + " → " + answer.status());
            if (answer.status() >= 500) {
                problems.add(attempt.forgery() + ": the callback answered " + answer.status()
                        + ", a server error instead of a refusal");
            }
            attempt.whoAmI().flatMap(me -> me.exchange()).filter(me -> me.status() / 100 == 2).ifPresent(me ->
                    problems.add(attempt.forgery() + ": the visitor is signed in afterwards (" + me.url() + " → "
                            + me.status() + ")"));
        }
        if (!problems.isEmpty()) {
            return Verdict.fail(String.join("; ", problems));
        }
        List<String> notes = new ArrayList<>();
        if (observed.attempts().size() < 4) {
            notes.add("the login start issued no state, so the made-up-code and replay cases were not tried "
                    + "(oauth.redirect.params judges the state)");
        }
        if (config.oauth().meUrl().isEmpty()) {
            notes.add("without oauth.me-url only the status codes were judged, not whether anyone was signed in");
        }
        String summary = String.join("; ", answers) + (config.oauth().meUrl().isPresent()
                ? "; nobody was signed in" : "");
        return notes.isEmpty() ? Verdict.pass(summary) : Verdict.warn(summary + "; " + String.join("; ", notes));
    }
}
