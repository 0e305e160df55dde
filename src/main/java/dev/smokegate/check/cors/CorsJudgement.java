package dev.smokegate.check.cors;

import dev.smokegate.check.http.HttpCheck;
import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.model.Verdict;
import dev.smokegate.probe.http.CorsExchange;
import dev.smokegate.probe.http.CorsObservation;
import java.util.List;
import java.util.function.Function;

/**
 * How a {@code cors.*} check reads the shared set of CORS requests: it judges only the exchanges of the origins it
 * is about, and decides what unanswered requests among them mean.
 */
final class CorsJudgement implements HttpCheck.Judge<CorsObservation> {

    @FunctionalInterface
    interface Judge {
        /** Judges the exchanges from the judged origins that got a response. */
        Verdict judge(List<CorsExchange> answered, EnvironmentConfig config);
    }

    private final Function<EnvironmentConfig, List<String>> judgedOrigins;
    private final Judge judge;

    /** @param judgedOrigins the origins whose exchanges {@code judge} needs: {@link CorsChecks#allowed}, ... */
    CorsJudgement(Function<EnvironmentConfig, List<String>> judgedOrigins, Judge judge) {
        this.judgedOrigins = judgedOrigins;
        this.judge = judge;
    }

    /**
     * A finding among the answered requests fails even when others went unanswered: what was seen is certain.
     * Without a finding, an unanswered request leaves the requirement unverified.
     */
    @Override
    public Verdict judge(CorsObservation observed, EnvironmentConfig config) {
        List<String> origins = judgedOrigins.apply(config);
        List<CorsExchange> judged = observed.exchanges().stream().filter(e -> origins.contains(e.origin())).toList();
        List<CorsExchange> answered = judged.stream().filter(e -> e.observation().exchange().isPresent()).toList();
        List<CorsExchange> unanswered = judged.stream().filter(e -> e.observation().exchange().isEmpty()).toList();
        Verdict verdict = judge.judge(answered, config);
        if (!unanswered.isEmpty()) {
            CorsExchange first = unanswered.get(0);
            String missing = "no response to " + (unanswered.size() == 1 ? "" : unanswered.size() + " of "
                    + judged.size() + " requests, first ") + CorsJudges.describe(first) + ": "
                    + first.observation().failure().orElse("no response");
            verdict = verdict.status() == Verdict.Status.FAIL
                    ? Verdict.fail(verdict.message() + " (also " + missing + ")")
                    : Verdict.inconclusive(missing);
        }
        return verdict;
    }
}
