package dev.smokegate.check.headers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.check.headers.HstsPolicy.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HstsPolicyTest {

    @Test
    void parsesTheRecommendedPolicy() {
        HstsPolicy policy = HstsPolicy.parse("max-age=31536000; includeSubDomains; preload");

        assertThat(policy.maxAge()).hasValue(31536000);
        assertThat(policy.includeSubDomains()).isTrue();
        assertThat(policy.preload()).isTrue();
        assertThat(policy.problems()).isEmpty();
    }

    @Test
    void namesAreCaseInsensitiveAndWhitespaceAndEmptyDirectivesAreTolerated() {
        HstsPolicy policy = HstsPolicy.parse("  MAX-AGE=63072000 ;;INCLUDESUBDOMAINS ;  Preload ; ");

        assertThat(policy.maxAge()).hasValue(63072000);
        assertThat(policy.includeSubDomains()).isTrue();
        assertThat(policy.preload()).isTrue();
        assertThat(policy.problems()).isEmpty();
    }

    /** RFC 6797 §6.1: a header that breaks the directive syntax, or repeats an RFC directive, is ignored whole. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "max-age=-1 | MAX_AGE_INVALID | found \"-1\"",
            "max-age=+300 | MAX_AGE_INVALID | found \"+300\"",
            "max-age=1e6; includeSubDomains | MAX_AGE_INVALID | found \"1e6\"",
            "max-age=\"300 | MAX_AGE_INVALID | found \"\"300\"",
            "max-age | MAX_AGE_INVALID | found no value",
            "max-age= | MAX_AGE_INVALID | found \"\"",
            "includeSubDomains; preload | MAX_AGE_MISSING | max-age is missing",
            "'' | MAX_AGE_MISSING | max-age is missing",
            "max-age=300; max-age=31536000 | MAX_AGE_REPEATED | max-age appears more than once",
            "MAX-AGE=300; max-age=300 | MAX_AGE_REPEATED | max-age appears more than once",
            "max-age=300; includeSubDomains; includesubdomains | INCLUDE_SUBDOMAINS_REPEATED | more than once",
            "max-age=300; includeSubDomains=yes | INCLUDE_SUBDOMAINS_WITH_VALUE | takes no value, found \"yes\""})
    void invalidatesTheHeaderWhenTheRfcSyntaxIsBroken(String header, Kind kind, String text) {
        HstsPolicy policy = HstsPolicy.parse(header);

        assertThat(policy.invalidating()).anySatisfy(p -> {
            assertThat(p.kind()).isEqualTo(kind);
            assertThat(p.text()).contains(text);
        });
        assertThat(kind.invalidatesHeader()).isTrue();
    }

    /** RFC 6797 §6.1 (2): unknown directives are ignored; preload is one of them as far as the RFC is concerned. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "max-age=63072000; includeSubDomains; preload; extraDirective | UNKNOWN_DIRECTIVE | \"extraDirective\"",
            "max-age=63072000; report-uri=\"https://r.example\" | UNKNOWN_DIRECTIVE | report-uri",
            "max-age=12345678; extra; includeSubDomains; directives; preload | UNKNOWN_DIRECTIVE | \"directives\"",
            "preload; includeSubDomains; preload; max-age=12345678; preload | PRELOAD_REPEATED | more than once",
            "max-age=63072000; PRELOAD; Preload | PRELOAD_REPEATED | more than once",
            "max-age=63072000; preload=yes | PRELOAD_WITH_VALUE | found \"yes\"",
            "max-age=\"31536000\"; includeSubDomains | MAX_AGE_QUOTED | valid in RFC 6797"})
    void onlyWarnsAboutWhatBrowsersIgnore(String header, Kind kind, String text) {
        HstsPolicy policy = HstsPolicy.parse(header);

        assertThat(policy.invalidating()).isEmpty();
        assertThat(policy.ignorable()).anySatisfy(p -> {
            assertThat(p.kind()).isEqualTo(kind);
            assertThat(p.text()).contains(text);
        });
        assertThat(policy.maxAge()).isPresent();
    }

    @Test
    void aQuotedMaxAgeCountsAsItsNumber() {
        assertThat(HstsPolicy.parse("max-age=\"31536000\"").maxAge()).hasValue(31536000);
    }

    @Test
    void reportsARepeatedDirectiveOnce() {
        assertThat(HstsPolicy.parse("max-age=1; preload; preload; preload").problems()).hasSize(1);
    }

    @Test
    void aDirectiveWithAValueDoesNotCountAsSet() {
        HstsPolicy policy = HstsPolicy.parse("max-age=300; includeSubDomains=true; preload=1");

        assertThat(policy.includeSubDomains()).isFalse();
        assertThat(policy.preload()).isFalse();
    }
}
