package dev.smokegate.config;

import dev.smokegate.model.Target;
import java.net.URI;
import java.nio.file.FileSystems;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An accepted, time-boxed failure. A waived failure is reported as waived (never as passed); once {@code expires}
 * is past, the waiver no longer applies and the report says so.
 *
 * @param check   a check id, or a glob such as {@code http.*}
 * @param target  a target role ({@code frontend}) or address; empty means every target
 * @param expires the last day on which the waiver applies
 */
public record Waiver(String check, Optional<String> target, String reason, LocalDate expires) {

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final String ROLE_NAMES = String.join(", ", Target.ROLES.stream().sorted().toList());

    public boolean covers(String checkId, Target observed) {
        boolean idMatches = FileSystems.getDefault().getPathMatcher("glob:" + check)
                .matches(java.nio.file.Path.of(checkId));
        return idMatches && target.map(t -> t.equals(observed.role()) || t.equals(observed.address())).orElse(true);
    }

    public boolean expiredOn(LocalDate day) {
        return day.isAfter(expires);
    }

    /**
     * What a run on {@code today} should tell the user about this waiver: that it expired (so it no longer applies),
     * that it runs further ahead than {@code policy} allows, or that it waives every check. The last two leave it in
     * force: they are notices, not config errors, so a file that was accepted yesterday never stops a deploy today.
     */
    public List<String> notices(LocalDate today, WaiverPolicy policy) {
        String waiver = "waiver for " + check + target.map(t -> " on " + t).orElse("");
        List<String> notices = new ArrayList<>();
        long daysAhead = ChronoUnit.DAYS.between(today, expires);
        if (expiredOn(today)) {
            notices.add(waiver + " expired on " + expires + " and no longer applies (reason was: " + reason + ")");
        } else if (daysAhead > policy.maxDays()) {
            notices.add(waiver + " expires on " + expires + ", " + daysAhead + " days ahead, more than "
                    + "waiver-policy.max-days (" + policy.maxDays() + "): give it a nearer date and renew it if the "
                    + "reason still holds");
        }
        if (check.chars().noneMatch(Character::isLetterOrDigit)) {
            notices.add(waiver + " names no check or area, so it waives every check: name the checks it is for");
        }
        return notices;
    }

    /** {@code text} as a day of the calendar, written exactly {@code YYYY-MM-DD}. */
    private static Optional<LocalDate> day(String text) {
        if (!DATE.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text)); // ISO_LOCAL_DATE resolves strictly: no February 30
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * {@code text} as a waiver target: a role some check gives its targets, or an address. A word that is neither
     * can never match (addresses have a dot, a port or a scheme), so it is a typo, not a waiver for nothing.
     */
    private static Optional<String> target(String text) {
        String trimmed = text.trim();
        if (Target.ROLES.contains(trimmed)) {
            return Optional.of(trimmed);
        }
        if (trimmed.contains("://")) {
            return YamlNode.parseUrl(trimmed, Set.of("http", "https", "ws", "wss")).map(URI::toString);
        }
        return trimmed.contains(".") || trimmed.contains(":") ? HostPort.parse(trimmed) : Optional.empty();
    }

    /** One item of {@code waivers}; empty when it is incomplete (and so reported). */
    static Optional<Waiver> read(YamlNode waiver) {
        Optional<String> check = waiver.requiredString("check");
        check.filter(c -> !waiver.context().namesKnownCheck(c)).ifPresent(c -> waiver.problem(waiver.key("check"),
                "names no known check: \"" + c + "\" (see ./smokegate list)"));
        Optional<String> reason = waiver.requiredString("reason").filter(r -> {
            if (r.isBlank()) {
                waiver.problem(waiver.key("reason"), "must say why the failure is accepted (a ticket, a date, who "
                        + "decided), found nothing");
            }
            return !r.isBlank();
        });
        Optional<LocalDate> expires = waiver.requiredString("expires").flatMap(text -> day(text).or(() -> {
            waiver.problem(waiver.key("expires"), "expected a date YYYY-MM-DD, found \"" + text + "\""
                    + (DATE.matcher(text).matches() ? ", which is not a day of the calendar" : ""));
            return Optional.empty();
        }));
        Optional<String> target = waiver.string("target").flatMap(text -> target(text).or(() -> {
            String hint = Target.ROLES.stream().filter(role -> KeyHints.similar(role, text.trim())).findFirst()
                    .map(role -> " (did you mean '" + role + "'?)").orElse("");
            waiver.problem(waiver.key("target"), "expected a role (" + ROLE_NAMES + ") or an address (a URL or "
                    + "HOST[:PORT]), found \"" + text + "\"" + hint);
            return Optional.empty();
        }));
        if (check.isEmpty() || reason.isEmpty() || expires.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Waiver(check.get(), target, reason.get(), expires.get()));
    }
}
