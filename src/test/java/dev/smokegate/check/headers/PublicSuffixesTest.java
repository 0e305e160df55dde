package dev.smokegate.check.headers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PublicSuffixesTest {

    @Test
    void findsTheRegistrableDomainUnderSingleAndMultiLabelSuffixes() {
        assertThat(PublicSuffixes.registrableDomain("app.example.com")).contains("example.com");
        assertThat(PublicSuffixes.registrableDomain("www.example.co.uk")).contains("example.co.uk");
        assertThat(PublicSuffixes.registrableDomain("Example.COM")).contains("example.com");
    }

    @Test
    void treatsAnUnlistedTldAsASuffixOfOneLabel() {
        assertThat(PublicSuffixes.registrableDomain("app.smokegate.test")).contains("smokegate.test");
    }

    @Test
    void honoursWildcardAndExceptionRules() {
        // *.ck is a wildcard rule and !www.ck its exception.
        assertThat(PublicSuffixes.registrableDomain("shop.example.co.ck")).contains("example.co.ck");
        assertThat(PublicSuffixes.registrableDomain("a.www.ck")).contains("www.ck");
    }

    @Test
    void hasNoRegistrableDomainForAPublicSuffix() {
        assertThat(PublicSuffixes.registrableDomain("co.uk")).isEmpty();
        assertThat(PublicSuffixes.registrableDomain("com")).isEmpty();
    }
}
