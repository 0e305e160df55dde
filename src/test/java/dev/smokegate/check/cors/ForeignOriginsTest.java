package dev.smokegate.check.cors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.check.cors.ForeignOrigins.Foreign;
import dev.smokegate.check.cors.ForeignOrigins.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

class ForeignOriginsTest {

    private static List<String> origins(List<Foreign> foreign) {
        return foreign.stream().map(Foreign::origin).toList();
    }

    @Test
    void derivesEveryLookAlikeOfTheFrontendOriginInAFixedOrder() {
        List<Foreign> foreign = ForeignOrigins.of(List.of("https://app.example.com"), false);

        assertThat(origins(foreign).get(0)).matches("https://smokegate-[a-z0-9]{10}\\.example\\.net");
        assertThat(origins(foreign).subList(1, foreign.size())).containsExactly(
                "null",
                "https://app.example.com.smokegate-foreign.test",
                "https://evilapp.example.com",
                "https://appxexample.com",
                "https://app.examplexcom",
                "http://app.example.com",
                "https://evil.app.example.com",
                "https://smokegate-preview.vercel.app");
        assertThat(foreign).extracting(Foreign::kind).containsExactly(Kind.RANDOM, Kind.NULL, Kind.SUFFIX,
                Kind.PREFIX, Kind.UNESCAPED_DOT, Kind.UNESCAPED_DOT, Kind.PLAIN_HTTP, Kind.SUBDOMAIN, Kind.PREVIEW);
    }

    @Test
    void labelsNameTheKindAndTheAllowedOriginTheyImitate() {
        assertThat(ForeignOrigins.of(List.of("https://app.example.com"), false)).extracting(Foreign::label)
                .contains("random origin", "null origin", "suffix after https://app.example.com",
                        "prefix before https://app.example.com", "unescaped dot in https://app.example.com",
                        "http:// twin of https://app.example.com", "subdomain of https://app.example.com",
                        "Vercel preview deployment");
    }

    @Test
    void theRandomOriginIsTheSameForEveryCallSoChecksShareOneObservation() {
        assertThat(ForeignOrigins.of(List.of("https://app.example.com"), false))
                .isEqualTo(ForeignOrigins.of(List.of("https://app.example.com"), false));
    }

    @Test
    void keepsThePortOnEveryVariant() {
        assertThat(origins(ForeignOrigins.of(List.of("https://app.example.com:8443"), true)).subList(2, 8))
                .containsExactly(
                        "https://app.example.com.smokegate-foreign.test:8443",
                        "https://evilapp.example.com:8443",
                        "https://appxexample.com:8443",
                        "https://app.examplexcom:8443",
                        "http://app.example.com:8443",
                        "https://evil.app.example.com:8443");
    }

    @Test
    void plainHttpOriginsGetNoHttpTwinAndDotlessHostsNoDotVariants() {
        assertThat(origins(ForeignOrigins.of(List.of("http://localhost:3000"), true)).subList(1, 5))
                .containsExactly("null", "http://localhost.smokegate-foreign.test:3000", "http://evillocalhost:3000",
                        "http://evil.localhost:3000");
    }

    @Test
    void omitsPreviewOriginWhenPreviewsAreAllowed() {
        assertThat(origins(ForeignOrigins.of(List.of("https://app.example.com"), true)))
                .doesNotContain("https://smokegate-preview.vercel.app").hasSize(8);
    }

    @Test
    void derivesVariantsOfEachAllowedOriginWithoutDuplicatesOrAllowedOrigins() {
        List<Foreign> foreign = ForeignOrigins.of(List.of("https://app.example.com", "http://app.example.com",
                "https://evil.app.example.com", "https://admin.example.com"), false);
        List<String> origins = origins(foreign);

        assertThat(origins).doesNotHaveDuplicates()
                .doesNotContain("http://app.example.com", "https://evil.app.example.com", "https://admin.example.com")
                .contains("https://evilapp.example.com", "https://evilevil.app.example.com",
                        "https://evil.evil.app.example.com", "https://evil.admin.example.com",
                        "http://admin.example.com", "http://evil.app.example.com", "https://appxexample.com",
                        "https://adminxexample.com", "http://app.example.com.smokegate-foreign.test");
        assertThat(origins.get(origins.size() - 1)).isEqualTo("https://smokegate-preview.vercel.app");
        // Both the subdomain of http://app... and the http:// twin of https://evil.app...: the first one is kept.
        assertThat(foreign).filteredOn(f -> f.origin().equals("http://evil.app.example.com"))
                .extracting(Foreign::label).containsExactly("subdomain of http://app.example.com");
    }
}
