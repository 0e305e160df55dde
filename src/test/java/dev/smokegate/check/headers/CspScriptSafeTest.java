package dev.smokegate.check.headers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.model.Verdict;
import dev.smokegate.model.Verdict.Status;
import dev.smokegate.probe.http.HttpExchange;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * headers.csp.script-safe, rule by rule, as a CSP Level 3 browser enforces a policy. The nonce used where its
 * length does not matter is 28 base64 characters (168 bits).
 */
class CspScriptSafeTest {

    private static final EnvironmentConfig CONFIG = EnvironmentConfig.builder("recorded",
            URI.create("https://app.example.com"), URI.create("https://api.example.com")).build();

    static Verdict scripts(String... policies) {
        List<HttpExchange.Header> headers = new ArrayList<>();
        for (String policy : policies) {
            headers.add(new HttpExchange.Header("Content-Security-Policy", policy));
        }
        return CspJudges.scriptSafe(new HttpExchange("GET", URI.create("https://app.example.com/"), List.of(), 200,
                "OK", headers, "", false, Duration.ofMillis(10)), CONFIG);
    }

    private static void assertVerdict(String policy, Status expected) {
        Verdict verdict = scripts(policy);
        assertThat(verdict.status()).as(policy + " -> " + verdict.message()).isEqualTo(expected);
    }

    /** CSP3 §6.7.3.2: a nonce or hash (or 'strict-dynamic', for scripts) makes 'unsafe-inline' ignored. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "script-src 'nonce-0123456789abcdefABCDEF+/_-' 'unsafe-inline'",
            "script-src 'NONCE-0123456789abcdefABCDEF+/_-' 'unsafe-inline'",
            "script-src 'unsafe-inline' 'sha256-B2yPHKaXnvFWtRChIbabYmUBFZdVfKKXHbWtWidDVF8='",
            "script-src 'unsafe-inline' 'sha384-abc'",
            "script-src 'unsafe-inline' 'SHA512-abc=='",
            "default-src 'self' 'unsafe-inline' 'nonce-0123456789abcdefABCDEF+/_-'",
            "script-src 'strict-dynamic' 'unsafe-inline'",
            "script-src 'nonce-0123456789abcdefABCDEF+/_-' 'strict-dynamic' https: 'unsafe-inline'"})
    void passesWhenANonceHashOrStrictDynamicSwitchesUnsafeInlineOff(String policy) {
        assertVerdict(policy, Status.PASS);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "script-src 'self' 'unsafe-inline'",
            "script-src 'self' 'UNSAFE-INLINE'",
            "SCRIPT-SRC 'self' 'unsafe-inline'",
            "default-src 'self' 'unsafe-inline'",
            "script-src 'nonce-' 'unsafe-inline'",
            "script-src 'nonce-abc!' 'unsafe-inline'",
            "script-src 'sha1-abc' 'unsafe-inline'",
            "script-src 'unsafe-hashes' 'unsafe-inline'"})
    void failsWhenUnsafeInlineStandsWithoutAValidNonceOrHash(String policy) {
        assertVerdict(policy, Status.FAIL);
        assertThat(scripts(policy).message()).contains("allows 'unsafe-inline' without nonces or hashes, so "
                + "injected inline scripts and event handlers run");
    }

    /** CSP3 §6.8.3: each of script-src-elem and script-src-attr falls back to script-src, then default-src. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "script-src 'nonce-0123456789abcdefABCDEF+/_-' 'strict-dynamic'; script-src-elem 'unsafe-inline'"
                    + " | script-src-elem allows 'unsafe-inline' without nonces or hashes, so an injected inline"
                    + " <script> runs",
            "script-src 'self'; Script-Src-Attr 'unsafe-inline' | script-src-attr allows 'unsafe-inline'"
                    + " without nonces or hashes, so injected event handlers run",
            "script-src 'unsafe-inline'; script-src-elem 'self' | script-src-attr (from script-src) allows"
                    + " 'unsafe-inline'",
            "default-src 'unsafe-inline'; script-src-elem 'self' | script-src-attr (from default-src) allows"
                    + " 'unsafe-inline'",
            "default-src 'self'; script-src-attr 'none'; script-src-elem https: | script-src-elem allows https:"
                    + " (scripts from any host)",
            "script-src 'self'; script-src-attr * 'unsafe-inline' | script-src-attr allows 'unsafe-inline'",
            "script-src-elem 'self' | neither script-src-attr, script-src nor default-src is set: injected event"
                    + " handlers run",
            "script-src-attr 'none' | neither script-src-elem, script-src nor default-src is set: <script>"
                    + " elements may load from anywhere",
            "img-src 'self' | neither script-src nor default-src is set: scripts may load from anywhere"})
    void failsNamingTheDirectiveThatGovernsElementsOrHandlers(String policy, String finding) {
        Verdict verdict = scripts(policy);
        assertThat(verdict.status()).isEqualTo(Status.FAIL);
        assertThat(verdict.message()).contains(finding);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "default-src 'unsafe-inline'; script-src 'self'",
            "script-src 'unsafe-inline' *; script-src-elem 'self'; script-src-attr 'none'",
            "script-src 'self'; script-src-attr 'nonce-0123456789abcdefABCDEF+/_-' 'unsafe-inline'",
            "script-src 'self'; script-src-attr 'unsafe-hashes' 'sha256-abc' 'unsafe-inline'",
            "script-src 'self'; script-src-attr https: *"})
    void passesWhenTheGoverningListsAreSafeWhateverTheOthersSay(String policy) {
        assertVerdict(policy, Status.PASS);
    }

    /** Host sources whose host part is *, with any scheme that serves scripts, any port, any path. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "script-src * | script-src allows * (scripts from any host)",
            "script-src 'self' https://* | script-src allows https://* (scripts from any host)",
            "script-src http://* | script-src allows http://*",
            "script-src HTTPS://* | script-src allows HTTPS://*",
            "script-src *:* | script-src allows *:*",
            "script-src https://*:* | script-src allows https://*:*",
            "script-src https://*:443 | script-src allows https://*:443",
            "script-src https://*:8443 | script-src allows https://*:8443",
            "script-src https://*/js/ | script-src allows https://*/js/",
            "default-src https: | default-src allows https: (scripts from any host)",
            "script-src HTTP: | script-src allows HTTP:",
            "script-src 'self' data: | script-src allows data: (any script written into a data: URL)",
            "script-src *.com | script-src allows *.com (anyone can register a name under the public suffix com",
            "script-src https://*.vercel.app | public suffix vercel.app",
            "script-src *.github.io | public suffix github.io"})
    void failsWhenAnyHostCanServeScripts(String policy, String finding) {
        Verdict verdict = scripts(policy);
        assertThat(verdict.status()).as(verdict.message()).isEqualTo(Status.FAIL);
        assertThat(verdict.message()).contains(finding);
    }

    /** `//*` and `*.` fit no production of the grammar, so browsers drop them: a list of only them blocks all. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "script-src //*", "script-src *.", "script-src 'self' //* *.", "script-src wss://* ftp://*",
            "script-src *.example.com", "script-src https://*.example.co.uk"})
    void passesWhenAWildcardIsOutsideTheGrammarOrNotOverAnyHost(String policy) {
        assertVerdict(policy, Status.PASS);
    }

    /** csp-evaluator's allow-list bypass lists: JSONP endpoints and AngularJS copies on allow-listed hosts. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "script-src https://www.google.com | script-src allows https://www.google.com, and www.google.com"
                    + " serves JSONP (www.google.com/tools/feedback/escalation-options)",
            "script-src www.google.com | script-src allows www.google.com, and www.google.com serves JSONP",
            "script-src WWW.GOOGLE.COM:443 | www.google.com serves JSONP",
            "script-src http://www.google.com | script-src allows http://www.google.com, and www.google.com"
                    + " serves JSONP",
            "script-src 'self' *.google.com | script-src allows *.google.com, and www.google.com serves JSONP",
            "script-src https://ajax.googleapis.com | ajax.googleapis.com serves JSONP"
                    + " (ajax.googleapis.com/ajax/services/search/news)",
            "script-src https://ajax.googleapis.com/ajax/libs/angularjs/ | script-src allows"
                    + " https://ajax.googleapis.com/ajax/libs/angularjs/, and ajax.googleapis.com hosts AngularJS"
                    + " (ajax.googleapis.com/ajax/libs/angularjs/1.2.0rc1/angular-route.min.js)",
            "script-src cdnjs.cloudflare.com | cdnjs.cloudflare.com hosts AngularJS",
            "default-src 'self' https://cdn.jsdelivr.net | default-src allows https://cdn.jsdelivr.net, and"
                    + " cdn.jsdelivr.net serves JSONP",
            "script-src https://www.googletagmanager.com 'unsafe-eval' | www.googletagmanager.com serves JSONP",
            "script-src 'nonce-0123456789abcdefABCDEF+/_-' https://www.google.com | www.google.com serves JSONP"})
    void failsWhenAnAllowListedHostServesJsonpOrAngularJs(String policy, String finding) {
        Verdict verdict = scripts(policy);
        assertThat(verdict.status()).as(verdict.message()).isEqualTo(Status.FAIL);
        assertThat(verdict.message()).contains(finding);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "script-src https://www.google.com/recaptcha/",
            "script-src https://www.google.com:8443",
            "script-src https://ajax.googleapis.com/ajax/libs/jquery/",
            "script-src https://www.googletagmanager.com",
            "script-src https://www.googletagmanager.com; script-src-elem https://www.googletagmanager.com"
                    + " 'unsafe-eval'",
            "script-src 'nonce-0123456789abcdefABCDEF+/_-' 'strict-dynamic' https://www.google.com *.google.com",
            "script-src 'sha256-abc' 'strict-dynamic' https://ajax.googleapis.com",
            "script-src google.com"})
    void passesWhenNoKnownEndpointIsReachableOrStrictDynamicIgnoresTheAllowList(String policy) {
        assertVerdict(policy, Status.PASS);
    }

    /** CSP3 §7.1: a nonce SHOULD carry 128 bits; fewer than 22 base64 characters cannot. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "script-src 'nonce-abc' | WARN",
            "script-src 'nonce-0123456789abcdefABCDE' | WARN",
            "script-src 'nonce-0123456789abcdefABCDE==' 'strict-dynamic' | WARN",
            "script-src 'self'; script-src-elem 'NONCE-short' | WARN",
            "script-src 'nonce-0123456789abcdefABCDEF' | PASS",
            "script-src 'nonce-0123456789abcdefABCDEF==' | PASS",
            "script-src 'self'; script-src-attr 'nonce-short' | PASS"})
    void warnsWhenAScriptNonceIsTooShortForTheBitsCsp3AsksFor(String policy, Status expected) {
        assertVerdict(policy, expected);
    }

    @Test
    void warnsOnAPlainHttpSourceWhichAnHttpsPageNeverLoads() {
        Verdict verdict = scripts("script-src 'self' http://cdn.example.com");

        assertThat(verdict.status()).isEqualTo(Status.WARN);
        assertThat(verdict.message()).contains("script-src lists the plain-http source http://cdn.example.com");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "script-src 'self' 'unsafe-eval' | script sources allow 'unsafe-eval'",
            "default-src 'self' 'UNSAFE-EVAL' | script sources allow 'unsafe-eval'",
            "script-src-elem 'self'; script-src-attr 'none' | neither script-src nor default-src is set, so eval()"})
    void warnsWhenEvalIsAllowed(String policy, String warning) {
        Verdict verdict = scripts(policy);
        assertThat(verdict.status()).isEqualTo(Status.WARN);
        assertThat(verdict.message()).contains(warning);
    }

    /** CSP3's EnsureCSPDoesNotBlockStringCompilation judges eval() by script-src, else default-src, not -elem. */
    @Test
    void passesWhenOnlyScriptSrcElemListsUnsafeEval() {
        assertVerdict("script-src 'self'; script-src-elem 'self' 'unsafe-eval'", Status.PASS);
    }

    @Test
    void passesWhenAnyOfSeveralEnforcedPoliciesIsStrict() {
        assertThat(scripts("script-src *", "script-src 'self'").status()).isEqualTo(Status.PASS);
        assertThat(scripts("script-src 'self'", "script-src 'unsafe-inline' https: data:").status())
                .isEqualTo(Status.PASS);
        assertThat(scripts("script-src *, script-src 'self'").status()).isEqualTo(Status.PASS);
    }

    @Test
    void passesWhenNoWeaknessIsSharedByEveryPolicy() {
        assertThat(scripts("script-src 'unsafe-inline'", "script-src *").status()).isEqualTo(Status.PASS);
        assertThat(scripts("script-src https://*:8443", "script-src https://*").status()).isEqualTo(Status.PASS);
        assertThat(scripts("script-src 'nonce-abc'", "script-src 'self'").status()).isEqualTo(Status.PASS);
    }

    @Test
    void failsQuotingThePolicyThatDecidesWhenEveryPolicySharesAWeakness() {
        Verdict verdict = scripts("script-src 'unsafe-inline' https:", "script-src 'unsafe-inline' 'self'");

        assertThat(verdict.status()).isEqualTo(Status.FAIL);
        assertThat(verdict.message()).isEqualTo("of 2 enforced policies, \"script-src 'unsafe-inline' 'self'\" "
                + "decides: script-src allows 'unsafe-inline' without nonces or hashes, so injected inline scripts "
                + "and event handlers run");
    }

    @Test
    void failsQuotingTheNarrowerPolicyWhenAWideOneAdmitsItsBypass() {
        Verdict verdict = scripts("script-src *", "script-src 'self' https://www.google.com");

        assertThat(verdict.status()).isEqualTo(Status.FAIL);
        assertThat(verdict.message()).startsWith("of 2 enforced policies, \"script-src 'self' "
                + "https://www.google.com\" decides: script-src allows https://www.google.com, and www.google.com "
                + "serves JSONP").doesNotContain("allows *");
    }

    @Test
    void namesAnEndpointEveryPolicyAdmitsWhenAWildcardCoversSeveral() {
        Verdict verdict = scripts("script-src *.google.com", "script-src https://translate.google.com");

        assertThat(verdict.message()).contains("translate.google.com/translate_a/l")
                .doesNotContain("www.google.com");
    }

    @Test
    void quotesOnlyTheDecidingPolicyWhenItNamesEveryWeakness() {
        Verdict verdict = scripts("script-src 'unsafe-inline' https:", "script-src 'unsafe-inline' *.github.io");

        assertThat(verdict.message()).isEqualTo("of 2 enforced policies, \"script-src 'unsafe-inline' "
                + "*.github.io\" decides: script-src allows 'unsafe-inline' without nonces or hashes, so injected "
                + "inline scripts and event handlers run; script-src allows *.github.io (anyone can register a name "
                + "under the public suffix github.io and serve scripts from it)");
    }

    /** Each wildcard admits the other policy's narrow source, but neither admits the other's wildcard. */
    @Test
    void quotesASecondPolicyForAWeaknessOnlyItNames() {
        Verdict verdict = scripts("script-src *.github.io *.com", "script-src https://www.google.com *.io");

        assertThat(verdict.message()).isEqualTo("of 2 enforced policies, \"script-src *.github.io *.com\" decides: "
                + "script-src allows *.github.io (anyone can register a name under the public suffix github.io and "
                + "serve scripts from it); \"script-src https://www.google.com *.io\" adds: script-src allows "
                + "https://www.google.com, and www.google.com serves JSONP "
                + "(www.google.com/tools/feedback/escalation-options): its callback parameter makes it answer with "
                + "the attacker's script");
    }

    @Test
    void warnsAboutEvalOnlyWhenEveryPolicyAllowsIt() {
        assertThat(scripts("script-src 'self' 'unsafe-eval'", "script-src 'self'").status())
                .isEqualTo(Status.PASS);
        assertThat(scripts("script-src 'self' 'unsafe-eval'", "default-src 'unsafe-eval'").status())
                .isEqualTo(Status.WARN);
    }
}
