package dev.smokegate.check.headers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.model.Verdict;
import dev.smokegate.model.Verdict.Status;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * headers.csp.script-safe against Google's csp-evaluator, on policies from its own tests: google/csp-evaluator,
 * checks/security_checks_test.ts at commit 2ac34b55e954fc61ca11de1b374da5af37d3180b (test names in the comments).
 * Its severities map to verdicts so: HIGH fails, MEDIUM warns, 'unsafe-eval' (MEDIUM_MAYBE) warns, any other
 * "maybe" or informational finding passes; only its script findings count here.
 */
class CspEvaluatorParityTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "CheckScriptUnsafeInlineInScriptSrc | default-src https:; script-src 'unsafe-inline'; script-src-elem"
                    + " 'unsafe-inline'; | FAIL",
            "CheckScriptUnsafeInlineInDefaultSrc | default-src 'unsafe-inline' | FAIL",
            "CheckScriptUnsafeHashesInScriptSrc | script-src 'unsafe-hashes' 'sha256-1DCfk1NYWuHMfoobarfoobar=' | PASS",
            "CheckScriptUnsafeInlineInDefaultSrcAndNotInScriptSrc | default-src 'unsafe-inline'; script-src https:;"
                    + " script-src-attr https:; script-src-elem https: | FAIL",
            "CheckScriptUnsafeEvalInDefaultSrc | default-src 'unsafe-eval' | WARN",
            "CheckPlainUrlSchemesInScriptSrc | script-src data: http: https: sthInvalid: | FAIL",
            "CheckPlainUrlSchemesDangerousDirectivesOK | default-src https:; object-src 'none'; script-src 'none';"
                    + " base-uri 'none' | PASS",
            "CheckWildcardsInScriptSrc | script-src * http://* //*; script-src-attr * http://* //*; script-src-elem"
                    + " * http://* //* | FAIL",
            "CheckWildcardsDangerousDirectivesOK | default-src *; object-src *.foo.bar; script-src 'none';"
                    + " base-uri 'none' | PASS",
            "checkScriptAllowlistBypassJSONPBypass | script-src *.google.com | FAIL",
            "checkScriptAllowlistBypassJSONPBypassEvalRequired | script-src https://googletagmanager.com"
                    + " 'unsafe-eval'; script-src-elem https://googletagmanager.com 'unsafe-eval' | FAIL",
            "checkScriptAllowlistBypassJSONPBypassEvalRequiredNotPresent | script-src https://googletagmanager.com;"
                    + " script-src-elem https://googletagmanager.com; | PASS",
            "checkScriptAllowlistBypassAngularBypass | script-src gstatic.com; script-src-elem gstatic.com | FAIL",
            "checkScriptAllowlistBypassNoBypassWarningOnly | script-src foo.bar; script-src-elem foo.bar | PASS",
            "checkScriptAllowlistBypassNoBypassSelfWarningOnly | script-src 'self'; script-src-attr 'self';"
                    + " script-src-elem 'self' | PASS",
            "CheckNonceLengthWithShortNonce | script-src 'nonce-short' | WARN",
            "CheckSrcHttp | script-src http://foo.bar https://test.com; report-uri http://test.com | WARN",
            "checkScriptUnsafeInline_notOverriddenForScriptSrcElem | script-src 'nonce-aaaaaaaaaa'"
                    + " strict-dynamic; script-src-elem 'unsafe-inline'; | FAIL"})
    void reachesCspEvaluatorsVerdict(String cspEvaluatorTest, String policy, Status verdict) {
        Verdict judged = CspScriptSafeTest.scripts(policy);
        assertThat(judged.status()).as(judged.message()).isEqualTo(verdict);
    }

    /** Where CSP3 browsers enforce a policy otherwise than csp-evaluator reads it (README, "Verdicts and …"). */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            // csp-evaluator lets 'none' switch the list off; CSP3 §6.7.2.7: 'none' beside other sources is ignored.
            "checkScriptAllowlistBypassWithNoneAndJSONPBypass | script-src *.google.com 'none'; script-src-elem"
                    + " *.google.com 'none' | PASS | FAIL",
            // csp-evaluator asks for 8 characters; CSP3 §7.1 asks for 128 bits, which need 22 base64 characters.
            "CheckNonceLengthWithLongNonce | script-src 'nonce-veryLongRandomNonce' | PASS | WARN",
            // csp-evaluator strips a leading //; CSP3's grammar has no scheme-less //, so browsers drop the token.
            "CheckWildcardsInScriptSrc (//* alone) | script-src //* | FAIL | PASS",
            // csp-evaluator sends script-src-elem straight to default-src; CSP3 §6.8.3 goes through script-src.
            "getEffectiveDirective (-elem fallback) | default-src 'unsafe-inline'; script-src 'self' | FAIL | PASS",
            // csp-evaluator also reads 'unsafe-eval' in script-src-elem; CSP3's EnsureCSPDoesNotBlockString-
            // Compilation reads script-src, else default-src, only.
            "CheckScriptUnsafeEvalInScriptSrc (-elem only) | script-src 'self'; script-src-elem 'unsafe-eval' | WARN"
                    + " | PASS"})
    void departsFromCspEvaluatorWhereCsp3BrowsersDo(String cspEvaluatorTest, String policy, Status cspEvaluator,
                                                    Status verdict) {
        Verdict judged = CspScriptSafeTest.scripts(policy);
        assertThat(judged.status()).as(judged.message()).isEqualTo(verdict).isNotEqualTo(cspEvaluator);
    }
}
