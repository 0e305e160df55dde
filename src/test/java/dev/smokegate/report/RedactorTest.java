package dev.smokegate.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.model.Excerpt;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RedactorTest {

    private static final String CANARY = "c4nary-S3cret-7f1d9a2b";
    private static final String NASTY = "p@ss/w0rd+\"<&>' canary=1";

    private final Redactor redactor = Redactor.forSecrets(List.of(CANARY, NASTY));

    @ParameterizedTest
    @ValueSource(strings = {"gho_16C7e42F292c6912E7710c838347Ae178B4a", "ghu_0123456789abcdefABCDEF",
            "ghp_abcdefghijklmnopqrstuvwxyz0123456789", "ghs_ZZZZZZZZZZZZZZZZZZZZZZZZ", "ghr_1234567890123456789012"})
    void masksGitHubTokensFoundAtRunTime(String token) {
        Redactor redactor = Redactor.forSecrets(List.of());

        assertThat(redactor.redact("landed at https://app.example.com/#access_token=" + token + "&x=1 and " + token))
                .doesNotContain(token).contains("[REDACTED]&x=1 and [REDACTED]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"gho_short", "ghx_16C7e42F292c6912E7710c838347Ae178B4a",
            "the gho_ prefix names OAuth tokens"})
    void leavesWhatIsNoGitHubToken(String text) {
        assertThat(Redactor.forSecrets(List.of()).redact(text)).isEqualTo(text);
    }

    @Test
    void masksPlainSecretValue() {
        assertThat(redactor.redact("db said: bad password " + CANARY + " for app"))
                .isEqualTo("db said: bad password [REDACTED] for app");
    }

    @ParameterizedTest(name = "{0} characters before the cut")
    @ValueSource(ints = {1, 2, 5, 21})
    void masksTheBeginningOfASecretThatACutLeftBehind(int kept) {
        String cut = "body ends with " + CANARY.substring(0, kept) + Excerpt.MARK + "\n[body truncated]";

        assertThat(redactor.redact(cut)).isEqualTo("body ends with [REDACTED]" + Excerpt.MARK + "\n[body truncated]");
    }

    @Test
    void masksTheCutBeginningOfAnEncodedForm() {
        String encoded = URLEncoder.encode(NASTY, StandardCharsets.UTF_8);

        assertThat(redactor.redact("?q=" + encoded.substring(0, 12) + Excerpt.MARK)).isEqualTo("?q=[REDACTED]"
                + Excerpt.MARK);
    }

    @Test
    void leavesTextBeforeACutAloneWhenNoSecretBeginsThere() {
        assertThat(redactor.redact("a healthy body" + Excerpt.MARK)).isEqualTo("a healthy body" + Excerpt.MARK);
        assertThat(redactor.redact(CANARY.substring(0, 6) + " in the middle")).contains(CANARY.substring(0, 6));
    }

    @Test
    void aWholeSecretBeforeACutIsMaskedOnceAndStaysMaskedWhenRedactedAgain() {
        String once = redactor.redact("x " + CANARY + Excerpt.MARK);

        assertThat(once).isEqualTo("x [REDACTED]" + Excerpt.MARK);
        assertThat(redactor.redact(once)).isEqualTo(once);
    }

    @Test
    void masksEverySecretAndKeepsSurroundingText() {
        Redactor two = Redactor.forSecrets(List.of("alpha-secret", "beta-secret"));
        assertThat(two.redact("a=alpha-secret b=beta-secret")).isEqualTo("a=[REDACTED] b=[REDACTED]");
    }

    @Test
    void masksLongestSecretFirstSoNoPartOfItSurvives() {
        Redactor nested = Redactor.forSecrets(List.of("secret", "secret-and-more"));
        assertThat(nested.redact("x secret-and-more y")).isEqualTo("x [REDACTED] y");
    }

    @Test
    void ignoresSecretsShorterThanFourCharacters() {
        Redactor shortOne = Redactor.forSecrets(List.of("abc"));
        assertThat(shortOne.redact("abcdef and abc")).isEqualTo("abcdef and abc");
    }

    @Test
    void masksShortSecretWhereItIsAUrlPassword() {
        Redactor shortOne = Redactor.forSecrets(List.of("abc"));
        assertThat(shortOne.redact("redis://:abc@cache:6379/0")).isEqualTo("redis://:***@cache:6379/0");
    }

    @Test
    void masksShortSecretWhereItIsABasicAuthHeader() {
        Redactor shortOne = Redactor.forSecrets(List.of("abc"));
        String basic = Base64.getEncoder().encodeToString("u:abc".getBytes(StandardCharsets.UTF_8));
        assertThat(shortOne.redact("Authorization: Basic " + basic)).isEqualTo("Authorization: Basic [REDACTED]");
    }

    @Test
    void masksUrlEncodedSecret() {
        String encoded = URLEncoder.encode(NASTY, StandardCharsets.UTF_8);
        assertThat(encoded).isNotEqualTo(NASTY);
        assertThat(redactor.redact("GET /cb?x=" + encoded + "&y=2")).isEqualTo("GET /cb?x=[REDACTED]&y=2");
    }

    @Test
    void masksPercentTwentyAndLowercaseHexVariantsOfUrlEncodedSecret() {
        String percent20 = URLEncoder.encode(NASTY, StandardCharsets.UTF_8).replace("+", "%20");
        assertThat(redactor.redact("q=" + percent20)).isEqualTo("q=[REDACTED]");
        assertThat(redactor.redact("q=" + percent20.toLowerCase())).isEqualTo("q=[REDACTED]");
    }

    @Test
    void masksJsonEscapedSecret() {
        String json = "{\"note\":\"p@ss/w0rd+\\\"<&>' canary=1\"}";
        assertThat(redactor.redact(json)).isEqualTo("{\"note\":\"[REDACTED]\"}");
    }

    @Test
    void masksHtmlSafeJsonEscapedSecret() {
        String gson = "p@ss\\/w0rd+\\\"\\u003c\\u0026\\u003e\\u0027 canary\\u003d1";
        assertThat(redactor.redact("{\"v\":\"" + gson + "\"}")).isEqualTo("{\"v\":\"[REDACTED]\"}");
    }

    @Test
    void masksHtmlEscapedSecret() {
        String html = "p@ss/w0rd+&quot;&lt;&amp;&gt;&#39; canary=1";
        assertThat(redactor.redact("<td>" + html + "</td>")).isEqualTo("<td>[REDACTED]</td>");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "u:", "ab:", "user:", "prefix-", "xy"})
    void masksBase64OfSecretAtAnyAlignment(String prefix) {
        for (String suffix : List.of("", "!", "?x", ":tail")) {
            String base64 = Base64.getEncoder().encodeToString(
                    (prefix + CANARY + suffix).getBytes(StandardCharsets.UTF_8));
            String redacted = redactor.redact("blob " + base64 + " end");
            assertThat(redacted).as("prefix '%s' suffix '%s'", prefix, suffix).contains("[REDACTED]");
            assertThat(Set.of(0, 1, 2)).allSatisfy(offset -> assertThat(redacted)
                    .doesNotContain(SecretForms.base64Fragment(
                            Base64.getEncoder(), CANARY.getBytes(StandardCharsets.UTF_8), offset)));
        }
    }

    @Test
    void masksUrlSafeBase64OfSecret() {
        String base64url = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("{\"pw\":\"" + NASTY + "\"}").getBytes(StandardCharsets.UTF_8));
        assertThat(redactor.redact("token=" + base64url)).contains("[REDACTED]");
    }

    @Test
    void masksSecretInBasicAuthHeader() {
        String basic = Base64.getEncoder().encodeToString(("app:" + CANARY).getBytes(StandardCharsets.UTF_8));
        assertThat(redactor.redact("GET / HTTP/1.1\r\nHost: x\r\nAuthorization: Basic " + basic + "\r\n\r\n"))
                .isEqualTo("GET / HTTP/1.1\r\nHost: x\r\nAuthorization: Basic [REDACTED]\r\n\r\n");
    }

    @Test
    void masksBearerTokenThatIsInNoConfigAndKeepsTheScheme() {
        Redactor none = Redactor.forSecrets(List.of());
        assertThat(none.redact("authorization: Bearer abc.def-opaque"))
                .isEqualTo("authorization: Bearer [REDACTED]");
    }

    /** Forged tokens in evidence still show the alg they claimed, and nothing of their claims or signature. */
    @Test
    void cutsAJwtDownToItsHeaderInAHeaderAndInProse() {
        Redactor none = Redactor.forSecrets(List.of());
        assertThat(none.redact("authorization: Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiI0MiJ9."))
                .isEqualTo("authorization: Bearer eyJhbGciOiJub25lIn0.[REDACTED]");
        assertThat(none.redact("X-Jwt: eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiI0MiJ9.c2lnbmF0dXJl sent"))
                .isEqualTo("X-Jwt: eyJhbGciOiJIUzI1NiJ9.[REDACTED] sent");
        String once = none.redact("authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiI0MiJ9.c2ln");
        assertThat(none.redact(once)).isEqualTo(once);
    }

    @Test
    void masksAuthorizationValueWithoutKnownSchemeEntirely() {
        Redactor none = Redactor.forSecrets(List.of());
        assertThat(none.redact("Authorization: s3cr3t-token other")).isEqualTo("Authorization: [REDACTED]");
    }

    @Test
    void masksProxyAuthorizationHeader() {
        Redactor none = Redactor.forSecrets(List.of());
        assertThat(none.redact("> Proxy-Authorization: Basic Zm9vOmJhcg==\n> Accept: */*"))
                .isEqualTo("> Proxy-Authorization: Basic [REDACTED]\n> Accept: */*");
    }

    @Test
    void masksCookieValuesAndKeepsCookieNames() {
        Redactor none = Redactor.forSecrets(List.of());
        assertThat(none.redact("Cookie: sid=abc123; theme=dark"))
                .isEqualTo("Cookie: sid=[REDACTED]; theme=[REDACTED]");
    }

    @Test
    void masksSetCookieValueAndKeepsNameAndAttributes() {
        Redactor none = Redactor.forSecrets(List.of());
        assertThat(none.redact("set-cookie: __Host-sid=\"q1w2e3\"; Path=/; Secure; HttpOnly; SameSite=Lax"))
                .isEqualTo("set-cookie: __Host-sid=[REDACTED]; Path=/; Secure; HttpOnly; SameSite=Lax");
    }

    @Test
    void masksEachCredentialHeaderOnTheSameLine() {
        Redactor none = Redactor.forSecrets(List.of());
        assertThat(none.redact("expected Set-Cookie: sid with Secure; observed Set-Cookie: sid=abc; Path=/"))
                .isEqualTo("expected Set-Cookie: sid with Secure; observed Set-Cookie: sid=[REDACTED]; Path=/");
    }

    @Test
    void keepsOtherHeadersReadable() {
        Redactor none = Redactor.forSecrets(List.of());
        String text = "WWW-Authenticate: Bearer realm=\"api\"\nX-Authorization-Mode: strict\nServer: nginx";
        assertThat(none.redact(text)).isEqualTo(text);
    }

    @Test
    void masksHeaderInsideJsonStringAndKeepsJsonValid() {
        Redactor none = Redactor.forSecrets(List.of());
        String json = "{\"request\":\"GET / HTTP/1.1\\r\\nAuthorization: Bearer abc\\r\\nHost: x\",\"n\":1}";
        assertThat(none.redact(json))
                .isEqualTo("{\"request\":\"GET / HTTP/1.1\\r\\nAuthorization: Bearer [REDACTED]\\r\\nHost: x\",\"n\":1}");
    }

    @Test
    void masksCredentialJsonFields() {
        Redactor none = Redactor.forSecrets(List.of());
        String json = "{\"access_token\":\"gho_abc\",\"token_type\":\"bearer\",\"Authorization\":[\"Bearer x\"],"
                + "\"password\":\"p\\\"w\"}";
        assertThat(none.redact(json)).isEqualTo("{\"access_token\":\"[REDACTED]\",\"token_type\":\"bearer\","
                + "\"Authorization\":[\"[REDACTED]\"],\"password\":\"[REDACTED]\"}");
    }

    @Test
    void masksCredentialFieldsInJsonNestedInAJsonString() {
        Redactor none = Redactor.forSecrets(List.of());
        String text = "{\"body\":\"{\\\"refresh_token\\\":\\\"r-123\\\"}\"}";
        assertThat(none.redact(text)).isEqualTo("{\"body\":\"{\\\"refresh_token\\\":\\\"[REDACTED]\\\"}\"}");
    }

    @Test
    void masksPasswordInUrl() {
        Redactor none = Redactor.forSecrets(List.of());
        assertThat(none.redact("connecting to postgresql://app:hunter2@db.internal:5432/app failed"))
                .isEqualTo("connecting to postgresql://app:***@db.internal:5432/app failed");
    }

    @Test
    void masksRedisPasswordWithoutUser() {
        Redactor none = Redactor.forSecrets(List.of());
        assertThat(none.redact("rediss://:pw@cache:6380")).isEqualTo("rediss://:***@cache:6380");
    }

    @Test
    void masksUrlPasswordContainingAtSign() {
        Redactor none = Redactor.forSecrets(List.of());
        assertThat(none.redact("https://u:p@ss@host/x")).isEqualTo("https://u:***@host/x");
    }

    @Test
    void keepsUrlsWithoutPasswordAndPortsIntact() {
        Redactor none = Redactor.forSecrets(List.of());
        String text = "https://app.example.com:8443/health and ssh://git@github.com/x and mailto:a@b.c";
        assertThat(none.redact(text)).isEqualTo(text);
    }

    @Test
    void masksCredentialQueryParameters() {
        Redactor none = Redactor.forSecrets(List.of());
        assertThat(none.redact("jdbc:postgresql://db/app?user=app&password=hunter2&ssl=true"))
                .isEqualTo("jdbc:postgresql://db/app?user=app&password=[REDACTED]&ssl=true");
        assertThat(none.redact("/callback#access_token=abc&state=xyz"))
                .isEqualTo("/callback#access_token=[REDACTED]&state=xyz");
    }

    @Test
    void masksWholeValueWhoseNameSaysItIsACredential() {
        Redactor none = Redactor.forSecrets(List.of());
        assertThat(none.redactNamed("accessToken", "runtime-value")).isEqualTo("[REDACTED]");
        assertThat(none.redactNamed("DB_PASSWORD", "x")).isEqualTo("[REDACTED]");
        assertThat(none.redactNamed("X-Api-Key", "k")).isEqualTo("[REDACTED]");
        assertThat(none.redactNamed("target", "backend https://u:pw@h")).isEqualTo("backend https://u:***@h");
        assertThat(none.redactNamed("token", "")).isEmpty();
    }

    @Test
    void redactingTwiceChangesNothingMore() {
        String text = "Authorization: Basic Zm9v\nCookie: a=1\nredis://:pw@h " + CANARY + " ?password=x";
        String once = redactor.redact(text);
        assertThat(redactor.redact(once)).isEqualTo(once);
    }

    @Test
    void keepsNullAndEmptyText() {
        assertThat(redactor.redact((String) null)).isNull();
        assertThat(redactor.redact("")).isEmpty();
    }

    @Test
    void redactsUtf8Bytes() {
        byte[] redacted = redactor.redact(("héllo " + CANARY).getBytes(StandardCharsets.UTF_8));
        assertThat(new String(redacted, StandardCharsets.UTF_8)).isEqualTo("héllo [REDACTED]");
    }

    @Test
    void overwritesSecretInBinaryContentKeepingItsLength() {
        byte[] png = new byte[64];
        png[0] = (byte) 0x89; // not valid UTF-8
        byte[] secret = CANARY.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(secret, 0, png, 10, secret.length);
        byte[] redacted = redactor.redact(png);
        assertThat(redacted).hasSize(png.length);
        assertThat(new String(redacted, StandardCharsets.ISO_8859_1)).doesNotContain(CANARY)
                .contains("*".repeat(secret.length));
        assertThat(redacted[0]).isEqualTo((byte) 0x89);
    }
}
