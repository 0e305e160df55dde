package dev.smokegate.check.headers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.check.headers.CspPolicy.SourceList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CspPolicyTest {

    @Test
    void parsingLowercasesNamesKeepsTheFirstDuplicateAndIgnoresEmptyDirectives() {
        CspPolicy policy = CspPolicy.parse(" Script-Src 'self' ;; script-src *; OBJECT-SRC   'none' ;");

        assertThat(policy.directive("script-src")).contains(List.of("'self'"));
        assertThat(policy.directive("object-src")).contains(List.of("'none'"));
        assertThat(policy.effective("img-src")).isEmpty();
        assertThat(policy.text()).isEqualTo("Script-Src 'self' ;; script-src *; OBJECT-SRC   'none' ;");
    }

    @Test
    void aHeaderValueHoldsOnePolicyPerCommaAndEmptyMembersAreNone() {
        assertThat(CspPolicy.parseAll("script-src *, script-src 'self',, ").stream().map(CspPolicy::text))
                .containsExactly("script-src *", "script-src 'self'");
    }

    /** CSP3 §6.8.3: script-src-elem and script-src-attr fall back to script-src, then default-src. */
    @Test
    void elementAndAttributeDirectivesFallBackToScriptSrcThenDefaultSrc() {
        CspPolicy own = CspPolicy.parse("default-src 'none'; script-src 'self'; script-src-elem https:; "
                + "script-src-attr 'none'");
        CspPolicy viaScriptSrc = CspPolicy.parse("default-src 'none'; script-src 'self'");
        CspPolicy viaDefaultSrc = CspPolicy.parse("default-src 'none'; script-src-attr 'unsafe-inline'");

        assertThat(own.effective("script-src-elem")).contains(new SourceList("script-src-elem", List.of("https:")));
        assertThat(own.effective("script-src-attr")).contains(new SourceList("script-src-attr", List.of("'none'")));
        assertThat(viaScriptSrc.effective("script-src-elem")).contains(new SourceList("script-src",
                List.of("'self'")));
        assertThat(viaScriptSrc.effective("script-src-attr")).contains(new SourceList("script-src",
                List.of("'self'")));
        assertThat(viaDefaultSrc.effective("script-src-elem")).contains(new SourceList("default-src",
                List.of("'none'")));
        assertThat(viaDefaultSrc.effective("script-src-attr")).contains(new SourceList("script-src-attr",
                List.of("'unsafe-inline'")));
    }

    @Test
    void objectSrcFallsBackToDefaultSrcOnlyAndBaseUriNotAtAll() {
        CspPolicy policy = CspPolicy.parse("default-src 'none'; script-src 'self'");

        assertThat(policy.effective("object-src")).contains(new SourceList("default-src", List.of("'none'")));
        assertThat(policy.effective("base-uri")).isEmpty();
        assertThat(policy.effective("worker-src")).contains(new SourceList("script-src", List.of("'self'")));
    }

    @Test
    void evalIsCheckedAgainstScriptSrcElseDefaultSrc() {
        assertThat(CspPolicy.parse("default-src 'none'; script-src-elem 'unsafe-eval'").evalSources())
                .contains(new SourceList("default-src", List.of("'none'")));
        assertThat(CspPolicy.parse("default-src 'none'; script-src 'self'").evalSources())
                .contains(new SourceList("script-src", List.of("'self'")));
        assertThat(CspPolicy.parse("img-src 'none'").evalSources()).isEmpty();
    }
}
