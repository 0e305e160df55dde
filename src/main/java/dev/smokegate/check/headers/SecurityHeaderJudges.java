package dev.smokegate.check.headers;

import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.model.Verdict;
import dev.smokegate.probe.http.HttpExchange;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Judges of the response headers every HTTPS origin must send. */
final class SecurityHeaderJudges {

    /** Referrer policies that never send more than the origin across origins, nor anything over a downgrade. */
    private static final Set<String> STRICT_REFERRER = Set.of("no-referrer", "same-origin", "strict-origin",
            "strict-origin-when-cross-origin");
    private static final Set<String> KNOWN_REFERRER = Set.of("no-referrer", "no-referrer-when-downgrade", "origin",
            "origin-when-cross-origin", "same-origin", "strict-origin", "strict-origin-when-cross-origin",
            "unsafe-url");
    /** One member of the Permissions-Policy structured-field dictionary: feature=() or =*, =self, =(self "url"). */
    private static final Pattern PERMISSION = Pattern.compile(
            "[a-z][a-z0-9-]*=(\\*|self|\\(\\s*((self|src|\\*|\"[^\"]*\")(\\s+(self|src|\\*|\"[^\"]*\"))*)?\\s*\\))"
                    + "(;[a-z0-9-]+(=\\S+)?)*");

    private SecurityHeaderJudges() {
    }

    static Verdict hsts(HttpExchange response, EnvironmentConfig config) {
        List<String> headers = response.headers("Strict-Transport-Security");
        if (headers.isEmpty()) {
            return Verdict.fail("no Strict-Transport-Security header on the HTTPS response");
        }
        if (headers.size() > 1) {
            return Verdict.fail(headers.size() + " Strict-Transport-Security headers (" + String.join(" | ", headers)
                    + "); send exactly one");
        }
        HstsPolicy policy = HstsPolicy.parse(headers.get(0));
        List<String> findings = new ArrayList<>(policy.invalidating().stream().map(HstsPolicy.Problem::text)
                .toList());
        if (!findings.isEmpty()) {
            findings.set(0, "browsers ignore the whole header (RFC 6797 §6.1): " + findings.get(0));
        }
        long minimum = config.headers().hstsMinMaxAge();
        policy.maxAge().ifPresent(age -> {
            if (age < minimum) {
                findings.add("max-age=" + age + " is below " + minimum + " (" + minimum / 86400 + " days)");
            }
        });
        if (config.headers().hstsIncludeSubDomains() && !policy.includeSubDomains()) {
            findings.add("includeSubDomains is missing");
        }
        String quoted = "Strict-Transport-Security \"" + headers.get(0) + "\": ";
        if (!findings.isEmpty()) {
            return Verdict.fail(quoted + String.join("; ", findings));
        }
        List<String> ignorable = policy.ignorable().stream().map(HstsPolicy.Problem::text).toList();
        return ignorable.isEmpty() ? Verdict.pass("Strict-Transport-Security: " + headers.get(0))
                : Verdict.warn(quoted + "the policy holds; " + String.join("; ", ignorable));
    }

    static Verdict frameProtection(HttpExchange response, EnvironmentConfig config) {
        Optional<String> ancestors = frameAncestors(response);
        if (ancestors.isPresent()) {
            return Verdict.pass("Content-Security-Policy frame-ancestors " + ancestors.get());
        }
        Optional<String> frameOptions = response.header("X-Frame-Options").map(String::trim);
        if (frameOptions.isPresent()) {
            String value = frameOptions.get().toUpperCase(Locale.ROOT);
            return value.equals("DENY") || value.equals("SAMEORIGIN")
                    ? Verdict.pass("X-Frame-Options: " + frameOptions.get())
                    : Verdict.fail("X-Frame-Options \"" + frameOptions.get() + "\" is not DENY or SAMEORIGIN "
                    + "(ALLOW-FROM is ignored by browsers), and no CSP frame-ancestors is set");
        }
        return Verdict.fail("neither CSP frame-ancestors nor X-Frame-Options is set: any site can frame this one "
                + "(clickjacking)");
    }

    /** The frame-ancestors directive of an enforced CSP header; report-only policies do not protect. */
    private static Optional<String> frameAncestors(HttpExchange response) {
        for (String policy : response.headers("Content-Security-Policy")) {
            for (String directive : policy.split(";")) {
                String trimmed = directive.trim();
                if (trimmed.toLowerCase(Locale.ROOT).startsWith("frame-ancestors")) {
                    return Optional.of(trimmed.substring("frame-ancestors".length()).trim());
                }
            }
        }
        return Optional.empty();
    }

    static Verdict nosniff(HttpExchange response, EnvironmentConfig config) {
        List<String> values = response.headers("X-Content-Type-Options");
        if (values.size() == 1 && values.get(0).trim().equalsIgnoreCase("nosniff")) {
            return Verdict.pass("X-Content-Type-Options: nosniff");
        }
        return Verdict.fail(values.isEmpty() ? "no X-Content-Type-Options header; browsers may sniff content types"
                : "X-Content-Type-Options is " + values + ", expected exactly one \"nosniff\"");
    }

    static Verdict referrerPolicy(HttpExchange response, EnvironmentConfig config) {
        List<String> headers = response.headers("Referrer-Policy");
        if (headers.isEmpty()) {
            return Verdict.fail("no Referrer-Policy header; set strict-origin-when-cross-origin or stricter");
        }
        // Browsers apply the last policy they recognise, across all values of the header.
        List<String> tokens = headers.stream().flatMap(h -> Arrays.stream(h.split(",")))
                .map(t -> t.trim().toLowerCase(Locale.ROOT)).filter(KNOWN_REFERRER::contains).toList();
        if (tokens.isEmpty()) {
            return Verdict.fail("Referrer-Policy " + headers + " names no policy a browser knows");
        }
        String effective = tokens.get(tokens.size() - 1);
        return STRICT_REFERRER.contains(effective) ? Verdict.pass("Referrer-Policy: " + effective)
                : Verdict.fail("Referrer-Policy " + effective + " leaks full URLs to other origins; use "
                + "strict-origin-when-cross-origin or stricter");
    }

    static Verdict permissionsPolicy(HttpExchange response, EnvironmentConfig config) {
        List<String> headers = response.headers("Permissions-Policy");
        if (headers.isEmpty()) {
            return Verdict.fail("no Permissions-Policy header; disable the features the app does not use, e.g. "
                    + "camera=(), microphone=(), geolocation=()");
        }
        List<String> invalid = new ArrayList<>();
        for (String header : headers) {
            for (String member : splitTopLevel(header)) {
                if (!member.isBlank() && !PERMISSION.matcher(member.trim()).matches()) {
                    invalid.add(member.trim());
                }
            }
        }
        return invalid.isEmpty() ? Verdict.pass("Permissions-Policy: " + String.join(", ", headers))
                : Verdict.fail("Permissions-Policy does not parse (structured-field syntax, e.g. camera=()): "
                + String.join("; ", invalid));
    }

    /** Splits a dictionary on commas outside parentheses and quotes. */
    private static List<String> splitTopLevel(String header) {
        List<String> members = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        StringBuilder current = new StringBuilder();
        for (char c : header.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')') {
                depth--;
            } else if (!quoted && depth == 0 && c == ',') {
                members.add(current.toString());
                current.setLength(0);
                continue;
            }
            current.append(c);
        }
        members.add(current.toString());
        return members;
    }
}
