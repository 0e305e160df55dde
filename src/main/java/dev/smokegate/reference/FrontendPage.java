package dev.smokegate.reference;

import dev.smokegate.reference.github.OAuthAppRegistration;
import dev.smokegate.reference.web.Handler;
import dev.smokegate.reference.web.Response;

/**
 * The single-page app's shell, shaped as a Next.js build serves it: every path returns the same HTML, as an SPA host
 * rewrites all routes to index.html, except its {@code /_next/static/chunks/*.js} scripts. The page offers "Sign in
 * with GitHub" (the backend's login route) and its page chunk shows who is signed in, asking the backend with the
 * session cookie: the GitHub token stays on the server.
 */
final class FrontendPage {

    /** Next.js' webpack runtime, loaded first. */
    static final String RUNTIME_CHUNK = "/_next/static/chunks/webpack-8f3c2a1d9e4b7065.js";

    /** The page's own code, with the public environment Next.js inlines at build time. */
    static final String PAGE_CHUNK = "/_next/static/chunks/app/page-5b7e19c40a2d6f83.js";

    /** Where {@link Fault#SOURCE_MAP_PUBLIC} publishes the page chunk's source map. */
    static final String PAGE_CHUNK_MAP = PAGE_CHUNK + ".map";

    /**
     * A token in GitHub's personal-access-token shape for {@link Fault#GITHUB_TOKEN_IN_HTML}; made up, never valid,
     * and put together here so that no scanner mistakes this source file for a leak.
     */
    private static final String FAKE_GITHUB_TOKEN = "gh" + "p_" + "smokegateReferenceFakeToken" + "0".repeat(9);

    /** The client id a staging build of the frontend carries, under {@link Fault#CLIENT_ID_MISMATCH}. */
    static final String STAGING_CLIENT_ID = "Ov23liStagingSmokeg8";

    private static final String HTML = """
            <!doctype html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <title>smokegate reference app</title>%s
              <script src="%s" defer></script>
              <script src="%s" defer></script>
            </head>
            <body>
              <h1>smokegate reference app</h1>
              <p>Served by the smokegate reference deployment.</p>
              <p id="session">Not signed in</p>
              <a id="sign-in-github" href="https://%s/auth/github">Sign in with GitHub</a>
            </body>
            </html>
            """;

    private static final String RUNTIME = """
            (self.webpackChunk_N_E = self.webpackChunk_N_E || []);
            """;

    private static final String SHOW_USER = """
            fetch(process.env.NEXT_PUBLIC_API_URL + '/api/me', { credentials: 'include' })
              .then((response) => (response.ok ? response.json() : null))
              .then((me) => {
                if (me) document.getElementById('session').textContent = 'Signed in as ' + me.login;
              })
              .catch(() => {});
            """;

    /** The mistake of {@link Fault#TOKEN_IN_LOCAL_STORAGE}: any script on the page can read the token from there. */
    private static final String KEEP_TOKEN = """
            const fragment = new URLSearchParams(location.hash.slice(1));
            if (fragment.has('access_token')) {
              localStorage.setItem('github_token', fragment.get('access_token'));
              history.replaceState(null, '', location.pathname + location.search);
            }
            """;

    private static final String DOTENV = """
            NEXT_PUBLIC_API_URL=https://%s
            NODE_ENV=production
            """.formatted(ReferenceHosts.BACKEND);

    private static final String GIT_CONFIG = """
            [core]
            \trepositoryformatversion = 0
            \tbare = false
            [remote "origin"]
            \turl = https://github.com/smokegate/reference-app.git
            """;

    private FrontendPage() {
    }

    /**
     * @param app the OAuth app: its client id is public and the page chunk carries it (the build's
     *            NEXT_PUBLIC_GITHUB_CLIENT_ID); {@link Fault#SECRET_IN_CHUNK} inlines its secret too
     */
    static Handler handler(FaultSwitches faults, OAuthAppRegistration app) {
        return request -> switch (request.rawPath()) {
            case RUNTIME_CHUNK -> Response.javascript(200, RUNTIME);
            case PAGE_CHUNK -> Response.javascript(200, pageChunk(faults, app));
            case PAGE_CHUNK_MAP -> faults.isOn(Fault.SOURCE_MAP_PUBLIC)
                    ? Response.json(200, "{\"version\":3,\"file\":\"page.js\",\"sources\":"
                    + "[\"webpack://_N_E/./src/app/page.tsx\"],\"names\":[],\"mappings\":\"AAAA\"}")
                    : page(faults);
            case "/.env" -> faults.isOn(Fault.DOTENV_SERVED) ? Response.text(200, DOTENV) : page(faults);
            case "/.git/config" -> faults.isOn(Fault.GIT_CONFIG_SERVED) ? Response.text(200, GIT_CONFIG)
                    : page(faults);
            case "/.git/HEAD" -> faults.isOn(Fault.GIT_CONFIG_SERVED) ? Response.text(200, "ref: refs/heads/main\n")
                    : page(faults);
            default -> page(faults);
        };
    }

    private static Response page(FaultSwitches faults) {
        String meta = faults.isOn(Fault.GITHUB_TOKEN_IN_HTML)
                ? "\n  <meta name=\"github-token\" content=\"" + FAKE_GITHUB_TOKEN + "\">" : "";
        return Response.html(200, HTML.formatted(meta, RUNTIME_CHUNK, PAGE_CHUNK, ReferenceHosts.BACKEND));
    }

    /** What Next.js emits: NEXT_PUBLIC_ variables inlined as literals, the page's code after them. */
    private static String pageChunk(FaultSwitches faults, OAuthAppRegistration app) {
        String clientId = faults.isOn(Fault.CLIENT_ID_MISMATCH) ? STAGING_CLIENT_ID : app.clientId();
        StringBuilder env = new StringBuilder("const process = { env: { NEXT_PUBLIC_API_URL: 'https://"
                + ReferenceHosts.BACKEND + "', NEXT_PUBLIC_GITHUB_CLIENT_ID: '" + clientId + "'");
        if (faults.isOn(Fault.SECRET_IN_CHUNK)) {
            env.append(", NEXT_PUBLIC_GITHUB_CLIENT_SECRET: '").append(app.clientSecret()).append('\'');
        }
        env.append(" } };\n");
        return env + (faults.isOn(Fault.TOKEN_IN_LOCAL_STORAGE) ? KEEP_TOKEN : "") + SHOW_USER
                + (faults.isOn(Fault.SOURCE_MAP_PUBLIC) ? "//# sourceMappingURL=" + PAGE_CHUNK_MAP.substring(
                PAGE_CHUNK_MAP.lastIndexOf('/') + 1) + "\n" : "");
    }
}
