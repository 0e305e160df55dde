package dev.smokegate.check.headers;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code Strict-Transport-Security} header value, parsed after RFC 6797 §6.1: directives split on {@code ;},
 * names case-insensitive, empty directives tolerated. Each problem carries its kind, because the two readers of a
 * header weigh them differently: a browser ignores a header that breaks the RFC's syntax but ignores only the
 * directive it does not know, while hstspreload.org has its own error/warning split.
 *
 * @param problems what makes the header invalid or suspicious, each naming the directive
 */
public record HstsPolicy(OptionalLong maxAge, boolean includeSubDomains, boolean preload, List<Problem> problems) {

    private static final Pattern DELTA_SECONDS = Pattern.compile("(\"?)(\\d{1,12})\\1");

    public HstsPolicy {
        problems = List.copyOf(problems);
    }

    /** One finding about the header's syntax. */
    public record Problem(Kind kind, String text) {
    }

    public enum Kind {
        MAX_AGE_MISSING(true, true),
        MAX_AGE_INVALID(true, true),
        /** RFC 6797 allows a quoted-string value; hstspreload.org does not accept it. */
        MAX_AGE_QUOTED(false, true),
        MAX_AGE_REPEATED(true, false),
        INCLUDE_SUBDOMAINS_REPEATED(true, false),
        INCLUDE_SUBDOMAINS_WITH_VALUE(true, false),
        /** preload is not an RFC 6797 directive: browsers treat it as unknown, hstspreload.org only warns. */
        PRELOAD_REPEATED(false, false),
        PRELOAD_WITH_VALUE(false, false),
        /** RFC 6797 §6.1 (2): user agents ignore directives they do not recognise. */
        UNKNOWN_DIRECTIVE(false, false);

        private final boolean invalidatesHeader;
        private final boolean preloadError;

        Kind(boolean invalidatesHeader, boolean preloadError) {
            this.invalidatesHeader = invalidatesHeader;
            this.preloadError = preloadError;
        }

        /** RFC 6797 §6.1 (4) and §8.1: a browser ignores the whole header, so the site has no HSTS. */
        public boolean invalidatesHeader() {
            return invalidatesHeader;
        }

        /** hstspreload.org rejects the submission (its "errors"); every other kind is one of its warnings. */
        public boolean preloadError() {
            return preloadError;
        }
    }

    public List<Problem> invalidating() {
        return problems.stream().filter(p -> p.kind().invalidatesHeader()).toList();
    }

    public List<Problem> ignorable() {
        return problems.stream().filter(p -> !p.kind().invalidatesHeader()).toList();
    }

    public static HstsPolicy parse(String header) {
        OptionalLong maxAge = OptionalLong.empty();
        boolean includeSubDomains = false;
        boolean preload = false;
        List<Problem> problems = new ArrayList<>();
        for (String raw : header.split(";", -1)) {
            String directive = raw.trim();
            if (directive.isEmpty()) {
                continue;
            }
            int equals = directive.indexOf('=');
            String name = (equals < 0 ? directive : directive.substring(0, equals)).trim().toLowerCase(Locale.ROOT);
            String value = equals < 0 ? null : directive.substring(equals + 1).trim();
            switch (name) {
                case "max-age" -> {
                    Matcher seconds = value == null ? null : DELTA_SECONDS.matcher(value);
                    if (maxAge.isPresent()) {
                        problems.add(new Problem(Kind.MAX_AGE_REPEATED, "max-age appears more than once"));
                    } else if (seconds != null && seconds.matches()) {
                        maxAge = OptionalLong.of(Long.parseLong(seconds.group(2)));
                        if (!seconds.group(1).isEmpty()) {
                            problems.add(new Problem(Kind.MAX_AGE_QUOTED, "max-age is quoted (" + value
                                    + "); valid in RFC 6797, but hstspreload.org wants plain digits"));
                        }
                    } else {
                        problems.add(new Problem(Kind.MAX_AGE_INVALID, "max-age must be a number of seconds, "
                                + "found " + (value == null ? "no value" : "\"" + value + "\"")));
                    }
                }
                case "includesubdomains" -> {
                    if (includeSubDomains) {
                        problems.add(new Problem(Kind.INCLUDE_SUBDOMAINS_REPEATED,
                                "includeSubDomains appears more than once"));
                    } else if (value != null) {
                        problems.add(new Problem(Kind.INCLUDE_SUBDOMAINS_WITH_VALUE,
                                "includeSubDomains takes no value, found \"" + value + "\""));
                    } else {
                        includeSubDomains = true;
                    }
                }
                case "preload" -> {
                    if (preload) {
                        problems.add(new Problem(Kind.PRELOAD_REPEATED, "preload appears more than once"));
                    } else if (value != null) {
                        problems.add(new Problem(Kind.PRELOAD_WITH_VALUE, "preload takes no value, found \""
                                + value + "\""));
                    } else {
                        preload = true;
                    }
                }
                default -> problems.add(new Problem(Kind.UNKNOWN_DIRECTIVE, "unknown directive \"" + directive
                        + "\" (browsers ignore it)"));
            }
        }
        if (maxAge.isEmpty() && problems.stream().noneMatch(p -> p.kind() == Kind.MAX_AGE_INVALID)) {
            problems.add(new Problem(Kind.MAX_AGE_MISSING, "max-age is missing"));
        }
        return new HstsPolicy(maxAge, includeSubDomains, preload, problems.stream().distinct().toList());
    }
}
