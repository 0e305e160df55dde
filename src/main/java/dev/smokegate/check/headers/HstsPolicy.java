package dev.smokegate.check.headers;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One {@code Strict-Transport-Security} header value, parsed the way hstspreload.org parses it: directives split on
 * {@code ;}, names case-insensitive, {@code max-age} digits only (quoted or signed values are invalid), duplicate
 * and unknown directives reported. Empty directives (a trailing {@code ;}) are tolerated, as browsers do.
 *
 * @param problems what makes the header invalid or suspicious, each naming the directive
 */
public record HstsPolicy(OptionalLong maxAge, boolean includeSubDomains, boolean preload, List<String> problems) {

    private static final Pattern DIGITS = Pattern.compile("\\d{1,12}");

    public HstsPolicy {
        problems = List.copyOf(problems);
    }

    public static HstsPolicy parse(String header) {
        OptionalLong maxAge = OptionalLong.empty();
        boolean includeSubDomains = false;
        boolean preload = false;
        List<String> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String raw : header.split(";", -1)) {
            String directive = raw.trim();
            if (directive.isEmpty()) {
                continue;
            }
            int equals = directive.indexOf('=');
            String name = (equals < 0 ? directive : directive.substring(0, equals)).trim().toLowerCase(Locale.ROOT);
            String value = equals < 0 ? null : directive.substring(equals + 1).trim();
            if (!seen.add(name)) {
                problems.add("directive " + name + " appears more than once");
                continue;
            }
            switch (name) {
                case "max-age" -> {
                    if (value != null && DIGITS.matcher(value).matches()) {
                        maxAge = OptionalLong.of(Long.parseLong(value));
                    } else {
                        problems.add("max-age must be plain digits, found " + (value == null ? "no value"
                                : "\"" + value + "\""));
                    }
                }
                case "includesubdomains" -> includeSubDomains = true;
                case "preload" -> preload = true;
                default -> problems.add("unknown directive \"" + directive + "\"");
            }
            if (value != null && !name.equals("max-age")) {
                problems.add("directive " + name + " takes no value, found \"" + value + "\"");
            }
        }
        if (maxAge.isEmpty() && problems.stream().noneMatch(p -> p.startsWith("max-age"))) {
            problems.add("max-age is missing");
        }
        return new HstsPolicy(maxAge, includeSubDomains, preload, problems);
    }
}
