package dev.smokegate.check.headers;

import static org.assertj.core.api.Assertions.assertThat;

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

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "max-age=\"31536000\"; includeSubDomains | max-age must be plain digits, found \"\"31536000\"\"",
            "max-age=-1 | max-age must be plain digits, found \"-1\"",
            "max-age=+300 | max-age must be plain digits",
            "max-age | max-age must be plain digits, found no value",
            "includeSubDomains; preload | max-age is missing",
            "max-age=300; max-age=31536000 | directive max-age appears more than once",
            "max-age=300; includeSubDomains; includesubdomains | directive includesubdomains appears more than once",
            "max-age=300; preload=yes | directive preload takes no value",
            "max-age=300; secure | unknown directive \"secure\""})
    void reportsInvalidPolicies(String header, String problem) {
        assertThat(HstsPolicy.parse(header).problems()).anySatisfy(p -> assertThat(p).contains(problem));
    }
}
