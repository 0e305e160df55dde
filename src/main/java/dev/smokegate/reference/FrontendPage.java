package dev.smokegate.reference;

import dev.smokegate.reference.web.Handler;
import dev.smokegate.reference.web.Response;

/**
 * The single-page app's shell: every path returns the same HTML, as an SPA host rewrites all routes to index.html,
 * except its one script. The page offers "Sign in with GitHub" (the backend's login route) and its script shows who
 * is signed in, asking the backend with the session cookie: the GitHub token stays on the server.
 */
final class FrontendPage {

    static final String SCRIPT_PATH = "/app.js";

    private static final String HTML = """
            <!doctype html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <title>smokegate reference app</title>
              <script src="%s" defer></script>
            </head>
            <body>
              <h1>smokegate reference app</h1>
              <p>Served by the smokegate reference deployment.</p>
              <p id="session">Not signed in</p>
              <a id="sign-in-github" href="https://%s/auth/github">Sign in with GitHub</a>
            </body>
            </html>
            """.formatted(SCRIPT_PATH, ReferenceHosts.BACKEND);

    private static final String SHOW_USER = """
            fetch('https://%s/api/me', { credentials: 'include' })
              .then((response) => (response.ok ? response.json() : null))
              .then((me) => {
                if (me) document.getElementById('session').textContent = 'Signed in as ' + me.login;
              })
              .catch(() => {});
            """.formatted(ReferenceHosts.BACKEND);

    /** The mistake of {@link Fault#TOKEN_IN_LOCAL_STORAGE}: any script on the page can read the token from there. */
    private static final String KEEP_TOKEN = """
            const fragment = new URLSearchParams(location.hash.slice(1));
            if (fragment.has('access_token')) {
              localStorage.setItem('github_token', fragment.get('access_token'));
              history.replaceState(null, '', location.pathname + location.search);
            }
            """;

    private FrontendPage() {
    }

    static Handler handler(FaultSwitches faults) {
        return request -> request.rawPath().equals(SCRIPT_PATH)
                ? Response.javascript(200, (faults.isOn(Fault.TOKEN_IN_LOCAL_STORAGE) ? KEEP_TOKEN : "") + SHOW_USER)
                : Response.html(200, HTML);
    }
}
