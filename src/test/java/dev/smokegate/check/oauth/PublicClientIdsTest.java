package dev.smokegate.check.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PublicClientIdsTest {

    private static final URI GITHUB = URI.create("https://github.com");

    @ParameterizedTest
    @ValueSource(strings = {
            "const process = { env: { NEXT_PUBLIC_GITHUB_CLIENT_ID: 'Iv1.smokegate-demo' } };",
            "e.exports={NEXT_PUBLIC_GITHUB_CLIENT_ID:\"Iv1.smokegate-demo\"}",
            "const githubClientId = `Iv1.smokegate-demo`;",
            "{\"GITHUB_CLIENT_ID\": \"Iv1.smokegate-demo\"}",
            "<a href=\"https://github.com/login/oauth/authorize?scope=read%3Auser&amp;client_id=Iv1.smokegate-demo\">",
            "location.href='https://GitHub.com/login/oauth/authorize?client_id=Iv1.smokegate-demo&state='+s"})
    void findsTheClientIdInEachFormAFrontendCarriesIt(String text) {
        assertThat(PublicClientIds.in(text, GITHUB)).containsExactly("Iv1.smokegate-demo");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ov23liAbCdEfGhIjKlMn", "Iv23liAbCdEfGhIjKlMn", "Iv1.0123456789abcdef"})
    void findsStringsInTheShapesOnlyGitHubIssues(String id) {
        assertThat(PublicClientIds.in("var a=\"" + id + "\",b=1;", GITHUB)).containsExactly(id);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "clientId: '1234-abcd.apps.googleusercontent.com'",
            "auth0ClientId: 'q1w2e3r4t5y6u7i8o9p0'",
            "https://gitlab.com/login/oauth/authorize?client_id=abcdefabcdef",
            "var a=\"Ov23liTooShort\"",
            "var a=\"XOv23liAbCdEfGhIjKlMn\"",
            "var a=\"Iv1.0123456789abcdefff\""})
    void ignoresOtherProvidersAndLookalikes(String text) {
        assertThat(PublicClientIds.in(text, GITHUB)).isEmpty();
    }

    @Test
    void readsAuthorizeUrlsOnAGitHubEnterpriseHost() {
        assertThat(PublicClientIds.in("https://ghe.example.com/login/oauth/authorize?client_id=abc123def456",
                URI.create("https://ghe.example.com"))).containsExactly("abc123def456");
    }

    @Test
    void listsEachDistinctIdOnceInOrderOfAppearance() {
        assertThat(PublicClientIds.in("GITHUB_CLIENT_ID:'Ov23liStagingSmokeg8';x='Iv1.0123456789abcdef';"
                + "y='Ov23liStagingSmokeg8'", GITHUB)).containsExactly("Ov23liStagingSmokeg8", "Iv1.0123456789abcdef");
    }
}
