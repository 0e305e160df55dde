package dev.smokegate.reference;

import static dev.smokegate.reference.ReferenceHosts.APEX;
import static dev.smokegate.reference.ReferenceHosts.BACKEND;
import static dev.smokegate.reference.ReferenceHosts.FRONTEND;
import static dev.smokegate.reference.ReferenceHosts.GITHUB;
import static dev.smokegate.reference.ReferenceHosts.WWW;

import dev.smokegate.reference.github.OAuthAppRegistration;
import dev.smokegate.reference.web.Reply;
import dev.smokegate.reference.web.Request;
import dev.smokegate.reference.web.Response;
import dev.smokegate.reference.web.ResponseFilter;
import dev.smokegate.reference.web.Route;
import dev.smokegate.reference.web.Site;
import java.util.List;
import java.util.Map;

/**
 * What each public origin serves, with the fault switches wired in. Later faults add routes or response filters
 * here (HSTS, CSP, cookies, CORS) without touching the servers.
 *
 * @param https     the {@code https://} origins, by host name
 * @param plainHttp the {@code http://} origins, by host name
 */
record ReferenceSites(Map<String, Site> https, Map<String, Site> plainHttp) {

    private static final String BANNER_SERVER = "nginx/1.18.0 (Ubuntu)";
    private static final String BANNER_POWERED_BY = "Express 4.17.1";

    /**
     * @param github       GitHub's stand-in, served as it is
     * @param app          the OAuth app, whose client id the frontend's bundle carries (and whose secret it leaks under
     *                     {@link Fault#SECRET_IN_CHUNK})
     */
    static ReferenceSites create(FaultSwitches faults, BackendApi api, Site github, OAuthAppRegistration app) {
        ResponseFilter banner = versionedBanner(faults);
        Site frontend = new Site(List.of(Route.any(request -> faults.isOn(Fault.FRONTEND_HANGS) ? Reply.noAnswer()
                        : faults.isOn(Fault.FRONTEND_503) ? Response.text(503, "no healthy deployment\n")
                        : FrontendPage.handler(faults, app).handle(request))),
                List.of(banner, SecurityHeaders.frontend(faults)));
        CorsMiddleware cors = new CorsMiddleware(faults);
        List<Route> backendRoutes = new java.util.ArrayList<>();
        backendRoutes.add(cors.preflight());
        backendRoutes.addAll(api.routes());
        Site backend = new Site(backendRoutes, List.of(banner, SecurityHeaders.backend(), cors.actual()));
        Site www = new Site(List.of(Route.any(request -> faults.isOn(Fault.WWW_NOT_REDIRECTING)
                ? frontend.answer(request)
                : Response.redirect(301, "https://" + FRONTEND + request.pathAndQuery()))),
                List.of());
        // The registrable domain: redirects to the app, as a Vercel project with the app on a subdomain does.
        Site apex = new Site(List.of(Route.any(request -> Response.redirect(308,
                (faults.isOn(Fault.APEX_REDIRECTS_OVER_PLAIN_HTTP) ? "http://" : "https://") + FRONTEND
                        + request.pathAndQuery()))), List.of(SecurityHeaders.apex(faults)));
        Map<String, Site> plainHttp = Map.of(
                APEX, plainHttp(faults, apex),
                FRONTEND, plainHttp(faults, frontend),
                BACKEND, plainHttp(faults, backend),
                // www has no content of its own; what it shows when not redirecting is the frontend's.
                WWW, plainHttp(faults, frontend),
                // GitHub is not the app: the app's faults never change it.
                GITHUB, new Site(List.of(Route.any(request -> Response.redirect(301,
                        "https://" + GITHUB + request.pathAndQuery()))), List.of()));
        return new ReferenceSites(Map.of(APEX, apex, FRONTEND, frontend, BACKEND, backend,
                WWW, www, GITHUB, github), plainHttp);
    }

    /** Redirects to the same URL over https, the way a production edge upgrades every http:// request. */
    private static Site plainHttp(FaultSwitches faults, Site content) {
        return new Site(List.of(Route.any(request -> faults.isOn(Fault.NO_HTTPS_REDIRECT)
                ? content.answer(request)
                : Response.redirect(faults.isOn(Fault.TEMPORARY_REDIRECT) ? 302 : 301,
                        "https://" + httpsRedirectHost(faults, request) + request.pathAndQuery()))),
                List.of());
    }

    private static String httpsRedirectHost(FaultSwitches faults, Request request) {
        return faults.isOn(Fault.REDIRECT_TO_OTHER_HOST_FIRST)
                && (request.host().equals(FRONTEND) || request.host().equals(APEX))
                ? WWW
                : request.host();
    }

    private static ResponseFilter versionedBanner(FaultSwitches faults) {
        return (request, response) -> faults.isOn(Fault.VERSIONED_SERVER_BANNER)
                ? response.withHeader("Server", BANNER_SERVER).withHeader("X-Powered-By", BANNER_POWERED_BY)
                : response;
    }
}
