package dev.smokegate.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AllureCategoriesTest {

    @Test
    void writesUnreachableBeforeMisconfiguredBeforeCouldNotVerify(@TempDir Path dir) throws Exception {
        JsonNode categories = new ObjectMapper().readTree(AllureCategories.write(dir).toFile());

        assertThat(categories).extracting(c -> c.get("name").asText())
                .containsExactly("Target unreachable", "Target misconfigured", "Could not verify");
        assertThat(categories.get(0).get("matchedStatuses").get(0).asText()).isEqualTo("failed");
        assertThat(categories.get(0).get("messageRegex").asText()).isEqualTo(AllureCategories.UNREACHABLE_REGEX);
        assertThat(categories.get(1).has("messageRegex")).isFalse();
        assertThat(categories.get(2).get("matchedStatuses").get(0).asText()).isEqualTo("broken");
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
