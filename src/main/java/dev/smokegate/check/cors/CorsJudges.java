package dev.smokegate.check.cors;

import static dev.smokegate.check.cors.CorsHeaders.ACAC;
import static dev.smokegate.check.cors.CorsHeaders.ACAH;
import static dev.smokegate.check.cors.CorsHeaders.ACAM;
import static dev.smokegate.check.cors.CorsHeaders.ACAO;
import static dev.smokegate.check.cors.CorsHeaders.quote;

import dev.smokegate.check.cors.ForeignOrigins.Foreign;
import dev.smokegate.config.CorsPolicy;
import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.model.Verdict;
import dev.smokegate.probe.http.CorsExchange;
import dev.smokegate.probe.http.HttpExchange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Judges of the backend's CORS answers. Each takes only the exchanges that got a response, from the origins it
 * judges; {@link CorsJudgement} decides what a missing response means.
 */
final class CorsJudges {

    private CorsJudges() {
    }

    /** The allowed origins get exactly what the app needs: their origin back, credentials, methods, headers. */
    static Verdict allowedOrigin(List<CorsExchange> answered, EnvironmentConfig config) {
        CorsPolicy policy = config.cors();
        // One line per origin and problem, naming every request that shows it: the same missing header on each
        // preflight and the GET is one thing to fix.
        Map<List<String>, List<String>> findings = new LinkedHashMap<>();
        for (CorsExchange exchange : answered) {
            HttpExchange response = response(exchange);
            List<String> problems = new ArrayList<>();
            boolean ok = response.status() >= 200 && response.status() <= 299;
            if (exchange.kind() == CorsExchange.Kind.PREFLIGHT && !ok) {
                problems.add("answered " + response.status() + ", expected 200 or 204, so browsers never send "
                        + "the real request; let the CORS middleware answer OPTIONS before authentication and "
                        + "routing");
            } else {
                CorsHeaders headers = CorsHeaders.of(response);
                originFinding(headers, exchange.origin(), policy.credentials()).ifPresent(problems::add);
                credentialsFinding(headers, policy.credentials()).ifPresent(problems::add);
                if (exchange.kind() == CorsExchange.Kind.PREFLIGHT) {
                    methodFinding(headers, exchange.method(), policy.credentials()).ifPresent(problems::add);
                    headersFinding(headers, policy.requestHeaders(), policy.credentials()).ifPresent(problems::add);
                } else if (!headers.variesByOrigin()) {
                    problems.add((headers.vary().isEmpty() ? "Vary absent" : quote("Vary", headers.vary())
                            + " lacks Origin") + ", so a cache may serve this answer to another origin; add "
                            + "Vary: Origin");
                }
            }
            problems.forEach(p -> findings.computeIfAbsent(List.of(exchange.origin(), p), k -> new ArrayList<>())
                    .add(request(exchange)));
        }
        if (!findings.isEmpty()) {
            List<String> lines = new ArrayList<>();
            findings.forEach((key, requests) -> lines.add(String.join(" and ", requests) + " from " + key.get(0)
                    + ": " + key.get(1)));
            return Verdict.fail(String.join("; ", lines));
        }
        List<String> allowed = policy.allowedOrigins(config);
        return Verdict.pass((allowed.size() == 1 ? allowed.get(0) + " gets" : String.join(", ", allowed)
                + " each get") + " exactly its origin back on every preflight (" + String.join(", ",
                policy.preflightMethods()) + ") and GET" + (policy.credentials() ? ", with credentials"
                : ", without credentials") + ", the methods and headers the app sends, and Vary: Origin");
    }

    private static Optional<String> originFinding(CorsHeaders headers, String origin, boolean credentialed) {
        Optional<String> invalid = headers.originProblem();
        if (invalid.isPresent()) {
            return Optional.of(invalid.get() + "; send exactly one: " + origin);
        }
        if (headers.origin().filter(origin::equals).isPresent()) {
            return Optional.empty();
        }
        if (headers.wildcardOrigin()) {
            return Optional.of(ACAO + " is * instead of " + origin + (credentialed
                    ? ", which browsers refuse on credentialed requests" : "") + "; echo the exact origin");
        }
        if (headers.allowOrigin().isEmpty()) {
            return Optional.of(ACAO + " absent, so browsers block the response; send " + ACAO + ": " + origin);
        }
        return Optional.of(quote(ACAO, headers.allowOrigin()) + " instead of " + origin + "; echo the exact origin");
    }

    private static Optional<String> credentialsFinding(CorsHeaders headers, boolean credentialed) {
        if (credentialed && !headers.credentials()) {
            List<String> sent = headers.allowCredentials();
            String problem = sent.isEmpty() ? ACAC + " absent, so calls with cookies are blocked"
                    : sent.size() == 1 && sent.get(0).equalsIgnoreCase("true")
                    ? quote(ACAC, sent) + " enables nothing: browsers compare it case-sensitively to true"
                    : quote(ACAC, sent) + " is not exactly true, so calls with cookies are blocked";
            return Optional.of(problem + "; send " + ACAC + ": true");
        }
        if (!credentialed && headers.credentials()) {
            return Optional.of(ACAC + ": true although cors.credentials is false: it lets this origin read "
                    + "responses made with the user's cookies, more than the app asked for; drop credentials");
        }
        return Optional.empty();
    }

    private static Optional<String> methodFinding(CorsHeaders headers, String method, boolean credentialed) {
        if (headers.allowsMethod(method, credentialed)) {
            return Optional.empty();
        }
        String sent = quote(ACAM, headers.allowMethods());
        if (headers.methods().stream().anyMatch(method::equalsIgnoreCase)) {
            return Optional.of(sent + " lists " + method + " in another case, and browsers compare methods "
                    + "case-sensitively; list " + method);
        }
        String wildcard = credentialed && headers.methods().contains("*")
                ? " (* is taken literally on credentialed requests)" : "";
        return Optional.of(notAllowed(sent, headers.allowMethods(), method) + wildcard + "; list " + method);
    }

    private static Optional<String> headersFinding(CorsHeaders headers, List<String> requestHeaders,
                                                   boolean credentialed) {
        List<String> missing = requestHeaders.stream().filter(h -> !headers.allowsHeader(h, credentialed)).toList();
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        String wildcard = !headers.wildcardHeaders() ? ""
                : credentialed ? " (* is taken literally on credentialed requests)"
                : " (* never covers Authorization)";
        String names = String.join(", ", missing);
        return Optional.of(notAllowed(quote(ACAH, headers.allowHeaders()), headers.allowHeaders(), names)
                + wildcard + "; list " + names);
    }

    private static String notAllowed(String quoted, List<String> sent, String what) {
        return quoted + (sent.isEmpty() ? ", so " + what + " is not allowed" : " does not allow " + what);
    }

    /** No foreign origin is echoed or covered by {@code *}, on preflights or GETs. */
    static Verdict foreignOriginRejected(List<CorsExchange> answered, EnvironmentConfig config) {
        List<Foreign> foreign = ForeignOrigins.of(config);
        List<String> withCredentials = new ArrayList<>();
        List<String> echoed = new ArrayList<>();
        List<String> wildcard = new ArrayList<>();
        Set<String> mistakes = new LinkedHashSet<>();
        for (Foreign origin : foreign) {
            Acceptance acceptance = Acceptance.of(origin, answered);
            if (acceptance.requests().isEmpty()) {
                continue;
            }
            String entry = origin.origin() + " (" + origin.label() + ") on " + String.join(" and ",
                    acceptance.requests());
            if (acceptance.credentials()) {
                withCredentials.add(entry);
            } else if (acceptance.echoed()) {
                echoed.add(entry);
            } else {
                wildcard.add(entry);
            }
            if (acceptance.echoed()) {
                mistakes.add(origin.kind().mistake());
            }
        }
        List<String> parts = new ArrayList<>();
        if (!withCredentials.isEmpty()) {
            parts.add(ACAO + " echoes foreign origins with " + ACAC + ": true, so any site can read "
                    + "authenticated responses: " + String.join(", ", withCredentials));
        }
        if (!echoed.isEmpty()) {
            parts.add(ACAO + " echoes foreign origins (without credentials), so they can read responses: "
                    + String.join(", ", echoed));
        }
        if (!wildcard.isEmpty()) {
            parts.add(ACAO + ": * lets any site read responses, including " + String.join(", ", wildcard));
        }
        if (!parts.isEmpty()) {
            // A server that echoes a random origin echoes all of them; the look-alikes add no other diagnosis.
            String reflects = ForeignOrigins.Kind.RANDOM.mistake();
            return Verdict.fail(String.join("; ", parts) + (mistakes.isEmpty() ? ""
                    : ". Likely the allowlist is wrong: " + (mistakes.contains(reflects) ? reflects
                    : String.join("; ", mistakes))));
        }
        return Verdict.pass("none of " + foreign.size() + " foreign origins is echoed or covered by *, on "
                + "preflights or GET: " + String.join(", ", foreign.stream().map(Foreign::origin).toList()));
    }

    /** How the backend treated one foreign origin across its requests. */
    private record Acceptance(List<String> requests, boolean echoed, boolean credentials) {

        static Acceptance of(Foreign origin, List<CorsExchange> answered) {
            Set<String> requests = new LinkedHashSet<>();
            boolean echoed = false;
            boolean credentials = false;
            for (CorsExchange exchange : answered) {
                if (!exchange.origin().equals(origin.origin())) {
                    continue;
                }
                CorsHeaders headers = CorsHeaders.of(response(exchange));
                boolean echoes = headers.echoes(origin.origin());
                if (echoes || headers.wildcardOrigin()) {
                    requests.add(exchange.kind() == CorsExchange.Kind.PREFLIGHT ? "OPTIONS" : "GET");
                }
                echoed |= echoes;
                credentials |= echoes && headers.credentials();
            }
            return new Acceptance(List.copyOf(requests), echoed, credentials);
        }
    }

    /** No response pairs {@code Access-Control-Allow-Origin: *} with {@code Access-Control-Allow-Credentials: true}. */
    static Verdict credentialsWildcard(List<CorsExchange> answered, EnvironmentConfig config) {
        List<CorsExchange> both = answered.stream().filter(e -> {
            CorsHeaders headers = CorsHeaders.of(response(e));
            return headers.echoes("*") && headers.credentials();
        }).toList();
        if (both.isEmpty()) {
            return Verdict.pass("none of " + answered.size() + " responses combines " + ACAO + ": * with " + ACAC
                    + ": true");
        }
        Set<String> requests = new LinkedHashSet<>();
        Set<String> origins = new LinkedHashSet<>();
        both.forEach(e -> {
            requests.add(e.kind() == CorsExchange.Kind.PREFLIGHT ? "OPTIONS" : "GET");
            origins.add(e.origin());
        });
        return Verdict.fail(both.size() + " of " + answered.size() + " responses (" + String.join(" and ", requests)
                + " from " + String.join(", ", origins) + ") send " + ACAO + ": * with " + ACAC + ": true. "
                + "Browsers refuse this combination, so the app's credentialed calls fail; send the exact allowed "
                + "origin instead of *, or drop credentials if the API uses no cookies");
    }

    /** {@code OPTIONS (preflight for PUT) from https://app.example.com}, {@code GET from ...}. */
    static String describe(CorsExchange exchange) {
        return request(exchange) + " from " + exchange.origin();
    }

    private static String request(CorsExchange exchange) {
        return exchange.kind() == CorsExchange.Kind.PREFLIGHT ? "OPTIONS (preflight for " + exchange.method() + ")"
                : exchange.method();
    }

    private static HttpExchange response(CorsExchange exchange) {
        return exchange.observation().exchange().orElseThrow(() -> new IllegalArgumentException(
                "judges take answered exchanges only: " + describe(exchange)));
    }
}
