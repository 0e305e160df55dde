package dev.smokegate.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@code categories.json} for {@code allure-results/}: groups the report's problems by what an engineer does next.
 * Allure puts a result into the first category that matches, so the specific "unreachable" must come before the
 * general "misconfigured", and a failure below the run's fail-on, which does not gate, comes first of all.
 */
public final class AllureCategories {

    /**
     * The phrases that mark a check message as "the target did not answer". <b>Contract for check writers:</b> a
     * message for a target that is down or cannot be reached must contain one of these (any case), e.g.
     * {@code "expected 200 from /health; connection refused by api.example.com:443"}, so it lands in
     * "Target unreachable" rather than "Target misconfigured".
     */
    public static final List<String> UNREACHABLE_PHRASES =
            List.of("connection refused", "no response within", "unreachable", "could not resolve", "timed out");

    /**
     * Allure matches {@code messageRegex} against the whole message ({@code String.matches}), so it is wrapped in
     * {@code .*}; {@code (?is)} makes it case-insensitive and lets it span multi-line messages.
     */
    public static final String UNREACHABLE_REGEX = "(?is).*("
            + UNREACHABLE_PHRASES.stream().map(Pattern::quote).collect(Collectors.joining("|")) + ").*";

    public static final String BELOW_FAIL_ON = "Failed below fail-on (not gating)";
    public static final String UNREACHABLE = "Target unreachable";
    public static final String MISCONFIGURED = "Target misconfigured";
    public static final String NOT_VERIFIED = "Could not verify";

    /** One entry of Allure's categories.json. */
    @JsonPropertyOrder({"name", "matchedStatuses", "messageRegex"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Category(String name, List<String> matchedStatuses, String messageRegex) {
    }

    public static final List<Category> CATEGORIES = List.of(
            // The failure message of such a check starts with "below fail-on <severity>: ".
            new Category(BELOW_FAIL_ON, List.of("failed"), "(?s)below fail-on [a-z]+: .*"),
            new Category(UNREACHABLE, List.of("failed"), UNREACHABLE_REGEX),
            new Category(MISCONFIGURED, List.of("failed"), null),
            new Category(NOT_VERIFIED, List.of("broken"), null));

    private AllureCategories() {
    }

    /** Writes {@code categories.json} into the Allure results directory and returns its path. */
    public static Path write(Path allureResults) throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        Path file = allureResults.resolve("categories.json");
        AtomicFiles.write(file, mapper.writeValueAsBytes(CATEGORIES));
        return file;
    }
}
