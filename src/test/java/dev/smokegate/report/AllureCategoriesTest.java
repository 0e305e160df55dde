package dev.smokegate.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AllureCategoriesTest {

    @Test
    void writesBelowFailOnBeforeUnreachableBeforeMisconfiguredBeforeCouldNotVerify(@TempDir Path dir)
            throws Exception {
        JsonNode categories = new ObjectMapper().readTree(AllureCategories.write(dir).toFile());

        assertThat(categories).extracting(c -> c.get("name").asText()).containsExactly(
                "Failed below fail-on (not gating)", "Target unreachable", "Target misconfigured", "Could not verify");
        assertThat(categories.get(1).get("matchedStatuses").get(0).asText()).isEqualTo("failed");
        assertThat(categories.get(1).get("messageRegex").asText()).isEqualTo(AllureCategories.UNREACHABLE_REGEX);
        assertThat(categories.get(2).has("messageRegex")).isFalse();
        assertThat(categories.get(3).get("matchedStatuses").get(0).asText()).isEqualTo("broken");
    }

    @Test
    void belowFailOnRegexMatchesOnlyTheMarkedMessages() {
        String regex = AllureCategories.CATEGORIES.get(0).messageRegex();

        assertThat("below fail-on high: Referrer-Policy unsafe-url leaks full URLs".matches(regex)).isTrue();
        assertThat("below fail-on critical: connection refused by api.example.com:443\nline 2".matches(regex))
                .isTrue();
        assertThat("expected max-age >= 31536000; got 300 (below fail-on high: no)".matches(regex)).isFalse();
    }

    @Test
    void unreachableRegexMatchesWholeMessagesTheWayAllureDoes() {
        // Allure 2 uses String.matches: the whole message, which may span lines
        for (String message : new String[] {
                "expected 200 from /health; Connection refused by api.example.com:443",
                "no response within 5 s",
                "host unreachable",
                "could not resolve api.example.com",
                "read timed out\nat line 2"}) {
            assertThat(message.matches(AllureCategories.UNREACHABLE_REGEX)).as(message).isTrue();
        }
        assertThat("expected max-age >= 31536000; got 300".matches(AllureCategories.UNREACHABLE_REGEX)).isFalse();
    }
}
