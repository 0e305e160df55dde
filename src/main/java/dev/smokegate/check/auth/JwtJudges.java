package dev.smokegate.check.auth;

import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.model.Verdict;
import dev.smokegate.probe.auth.JwtForgeryAttempts;
import dev.smokegate.probe.auth.WeakSecretScan;
import dev.smokegate.probe.http.HttpExchange;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/** Pure judges of the JWT observations. Messages name forgeries and list lines, never a token or a key. */
final class JwtJudges {

    /** The shortest HMAC secret accepted: 256 bits, what RFC 7518 asks of an HS256 key. */
    static final int MIN_SECRET_BYTES = 32;
    /** Shannon entropy per character below which a secret is a pattern, not randomness (hex is 4, base64 6). */
    static final double MIN_BITS_PER_CHAR = 3.0;

    private JwtJudges() {
    }

    static Verdict forgeries(JwtForgeryAttempts observed, EnvironmentConfig config) {
        if (observed.control().exchange().isEmpty()) {
            return Verdict.fail("the endpoint did not answer the valid token: "
                    + observed.control().failure().orElse("no response"));
        }
        int control = observed.control().exchange().get().status();
        if (control / 100 != 2) {
            return Verdict.fail("the valid token (the control) was answered " + control + ", not 2xx: refusals of "
                    + "forged tokens prove nothing until the endpoint accepts a real one (renew auth.jwt.token?)");
        }
        List<String> accepted = new ArrayList<>();
        List<String> crashed = new ArrayList<>();
        List<String> odd = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (JwtForgeryAttempts.Attempt attempt : observed.attempts()) {
            if (attempt.answer().exchange().isEmpty()) {
                crashed.add(attempt.forgery() + " (no answer: " + attempt.answer().failure().orElse("no response")
                        + ")");
                continue;
            }
            HttpExchange answer = attempt.answer().exchange().get();
            int status = answer.status();
            if (status / 100 == 2) {
                accepted.add(attempt.forgery());
            } else if (status >= 500) {
                crashed.add(attempt.forgery() + " (" + status + ")");
            } else if (status == 401 || status == 403) {
                refused.add(attempt.forgery());
            } else {
                odd.add(attempt.forgery() + " (" + status + ")");
            }
        }
        List<String> problems = new ArrayList<>();
        if (!accepted.isEmpty()) {
            problems.add("forged tokens accepted (2xx): " + String.join(", ", accepted));
        }
        if (!crashed.isEmpty()) {
            problems.add("forged tokens crashed the endpoint instead of a 401: " + String.join(", ", crashed));
        }
        String notes = observed.skipped().isEmpty() ? "" : "; " + String.join("; ", observed.skipped());
        if (!problems.isEmpty()) {
            return Verdict.fail(String.join("; ", problems) + notes);
        }
        String summary = "valid token → " + control + "; " + refused.size() + " forged tokens refused with 401/403";
        if (!odd.isEmpty()) {
            return Verdict.warn(summary + "; refused without 401/403: " + String.join(", ", odd) + notes);
        }
        return Verdict.pass(summary + notes);
    }

    static Verdict secretStrength(WeakSecretScan scan, EnvironmentConfig config) {
        List<String> problems = new ArrayList<>();
        scan.hitLine().ifPresent(line -> problems.add("the token's " + scan.algorithm() + " signature verifies "
                + "with the weak secret on line " + line + " of the shipped list (jwt-weak-secrets.txt): anyone "
                + "can sign tokens for any user"));
        config.jwt().secret().map(s -> s.value()).filter(s -> !s.isEmpty())
                .ifPresent(secret -> problems.addAll(weakness(secret, scan.configuredSecretLine())));
        if (!problems.isEmpty()) {
            return Verdict.fail(String.join("; ", problems));
        }
        String checked = config.jwt().secret().isPresent() ? "; auth.jwt.secret is long and random enough" : "";
        if (!scan.hmac()) {
            return Verdict.pass("not an HMAC token (" + scan.algorithm() + "): no shared secret to guess" + checked);
        }
        return Verdict.pass("the " + scan.algorithm() + " signature verifies with none of " + scan.tried()
                + " weak secrets" + checked);
    }

    private static List<String> weakness(String secret, OptionalInt listed) {
        List<String> problems = new ArrayList<>();
        int bytes = secret.getBytes(StandardCharsets.UTF_8).length;
        if (bytes < MIN_SECRET_BYTES) {
            problems.add("auth.jwt.secret is " + bytes + " bytes, fewer than " + MIN_SECRET_BYTES);
        }
        double bits = bitsPerChar(secret);
        if (bits < MIN_BITS_PER_CHAR) {
            problems.add(String.format(java.util.Locale.ROOT, "auth.jwt.secret is low-entropy (%.1f bits per "
                    + "character, fewer than %.0f): a pattern, not randomness", bits, MIN_BITS_PER_CHAR));
        }
        listed.ifPresent(line -> problems.add("auth.jwt.secret is the weak secret "
                + "on line " + line + " of the shipped list (jwt-weak-secrets.txt)"));
        return problems;
    }

    private static double bitsPerChar(String text) {
        Map<Integer, Integer> counts = new HashMap<>();
        text.codePoints().forEach(c -> counts.merge(c, 1, Integer::sum));
        int total = text.codePointCount(0, text.length());
        double bits = 0;
        for (int count : counts.values()) {
            double p = (double) count / total;
            bits -= p * Math.log(p) / Math.log(2);
        }
        return bits;
    }
}
