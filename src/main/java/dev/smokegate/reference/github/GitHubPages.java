package dev.smokegate.reference.github;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The stand-in's HTML, with the ids, names and classes github.com uses on the same pages, which is all a browser
 * driver finds elements by: {@code #login_field}, {@code #password}, {@code #app_totp},
 * {@code #js-oauth-authorize-btn}, {@code .flash-error}.
 */
final class GitHubPages {

    /** How long the consent button stays disabled; GitHub's delay keeps a clickjacked click from authorising. */
    static final int CONSENT_DELAY_MS = 1000;

    private GitHubPages() {
    }

    static String signIn(String returnTo, Optional<String> error) {
        return page("Sign in to GitHub · GitHub", """
                <div class="auth-form px-3" id="login">
                  <form action="/session" accept-charset="UTF-8" method="post">
                    <div class="auth-form-header p-0"><h1>Sign in to GitHub</h1></div>
                    %s
                    <div class="auth-form-body mt-3">
                      <label for="login_field">Username or email address</label>
                      <input type="text" name="login" id="login_field" class="form-control input-block js-login-field"
                             autocapitalize="off" autocorrect="off" autocomplete="username" autofocus required>
                      <label for="password">Password</label>
                      <input type="password" name="password" id="password"
                             class="form-control input-block js-password-field" autocomplete="current-password"
                             required>
                      <input type="hidden" name="return_to" id="return_to" value="%s">
                      <input type="submit" name="commit" value="Sign in"
                             class="btn btn-primary btn-block js-sign-in-button" data-disable-with="Signing in…">
                    </div>
                  </form>
                </div>
                """.formatted(flash(error), escape(returnTo)));
    }

    static String twoFactor(Optional<String> error) {
        return page("Two-factor authentication · GitHub", """
                <div class="auth-form px-3" id="login">
                  <form action="/sessions/two-factor" accept-charset="UTF-8" method="post">
                    <div class="auth-form-header p-0"><h1>Two-factor authentication</h1></div>
                    %s
                    <div class="auth-form-body mt-3">
                      <label for="app_totp">Authentication code</label>
                      <input type="text" name="app_otp" id="app_totp" class="form-control input-block"
                             autocomplete="one-time-code" inputmode="numeric" pattern="[0-9]{6}" maxlength="6"
                             autofocus required>
                      <button type="submit" class="btn btn-primary btn-block">Verify</button>
                      <p class="mt-2">Open your two-factor authenticator (TOTP) app to view your authentication
                        code.</p>
                    </div>
                  </form>
                </div>
                """.formatted(flash(error)));
    }

    static String deviceVerification(Optional<String> error) {
        return page("Device verification · GitHub", """
                <div class="auth-form px-3" id="login">
                  <form action="/sessions/verified-device" accept-charset="UTF-8" method="post">
                    <div class="auth-form-header p-0"><h1>Device verification</h1></div>
                    %s
                    <div class="auth-form-body mt-3">
                      <p>We just sent your authentication code via email. The code will expire at a later time.</p>
                      <label for="otp">Device Verification Code</label>
                      <input type="text" name="otp" id="otp" class="form-control input-block"
                             autocomplete="one-time-code" inputmode="numeric" required>
                      <button type="submit" class="btn btn-primary btn-block">Verify</button>
                    </div>
                  </form>
                </div>
                """.formatted(flash(error)));
    }

    /** @param enables false keeps the button disabled for good, as when the page script fails */
    static String consent(OAuthAppRegistration app, AuthorizationRequest request, String login, boolean enables) {
        StringBuilder hidden = new StringBuilder();
        for (Map.Entry<String, String> field : request.fields()) {
            if (field.getValue() != null) {
                hidden.append("      <input type=\"hidden\" name=\"").append(escape(field.getKey()))
                        .append("\" value=\"").append(escape(field.getValue())).append("\">\n");
            }
        }
        String script = enables ? """
                <script>
                  setTimeout(function () {
                    document.getElementById('js-oauth-authorize-btn').disabled = false;
                  }, %d);
                </script>
                """.formatted(CONSENT_DELAY_MS) : "";
        return page("Authorize application · GitHub", """
                <div class="px-3 mt-5" id="js-oauth-authorize">
                  <h1 class="f2 text-normal">%s</h1>
                  <p>%s wants to access your <strong>%s</strong> account</p>
                  <ul class="oauth-scopes">%s</ul>
                  <form action="%s" accept-charset="UTF-8" method="post">
                %s      <button type="submit" name="authorize" value="1" id="js-oauth-authorize-btn"
                              class="js-oauth-authorize-btn btn btn-primary width-full ws-normal" disabled>Authorize
                        %s</button>
                  </form>
                  <p class="f6 color-fg-muted">Authorizing will redirect to <strong>%s</strong></p>
                </div>
                %s""".formatted(escape(app.name()), escape(app.name()), escape(login), scopeItems(request.scopes()),
                AuthorizationRequest.PATH, hidden, escape(app.name()), escape(app.callbackUrl()), script));
    }

    static String error(String title, String message) {
        return page(title + " · GitHub", """
                <div class="container-md px-3 mt-5" id="oauth-error">
                  <h1 class="f2 text-normal">%s</h1>
                  <div class="flash flash-error">%s</div>
                </div>
                """.formatted(escape(title), escape(message)));
    }

    static String dashboard(String login) {
        return page("GitHub", "<div class=\"px-3 mt-5\"><h1>Signed in as " + escape(login) + "</h1></div>\n");
    }

    private static String scopeItems(List<String> scopes) {
        if (scopes.isEmpty()) {
            return "<li>Public information (read-only)</li>";
        }
        StringBuilder items = new StringBuilder();
        scopes.forEach(scope -> items.append("<li><code>").append(escape(scope)).append("</code></li>"));
        return items.toString();
    }

    private static String flash(Optional<String> error) {
        return error.map(message -> """
                <div id="js-flash-container" class="flash-container">
                      <div class="flash flash-full flash-error" role="alert"><div class="px-2">%s</div></div>
                    </div>""".formatted(escape(message))).orElse("");
    }

    private static String page(String title, String body) {
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                  <meta charset="utf-8">
                  <title>%s</title>
                </head>
                <body class="logged-out env-production page-responsive session-authentication">
                %s</body>
                </html>
                """.formatted(escape(title), body);
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
