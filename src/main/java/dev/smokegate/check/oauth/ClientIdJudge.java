package dev.smokegate.check.oauth;

import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.model.Verdict;
import dev.smokegate.probe.http.HttpExchange;
import dev.smokegate.probe.http.HttpObservation;
import dev.smokegate.probe.oauth.ClientIdSightings;
import dev.smokegate.probe.oauth.QueryParameters;
import dev.smokegate.probe.secrets.PublicAssets;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Judges whether the frontend and the backend are the same GitHub OAuth app: a frontend built with another
 * environment's NEXT_PUBLIC_GITHUB_CLIENT_ID sends people to an app whose callback is not this backend. Client ids
 * are public, so both are named in full.
 */
final class ClientIdJudge {

    private ClientIdJudge() {
    }

    static Verdict judge(ClientIdSightings observed, EnvironmentConfig config) {
        PublicAssets frontend = observed.frontend();
        if (frontend.page().exchange().isEmpty()) {
            return Verdict.inconclusive("the frontend page did not answer: " + frontend.page().failure().orElse(""));
        }
        Optional<String> backend = backendClientId(observed, config);
        if (backend.isEmpty()) {
            return Verdict.inconclusive("the backend's login did not redirect to GitHub with a client_id, so there "
                    + "is nothing to compare with (oauth.redirect.params says why)");
        }
        Map<String, String> seen = new LinkedHashMap<>();
        Stream.concat(Stream.of(frontend.page()), frontend.scripts().stream()).forEach(asset -> asset.exchange()
                .ifPresent(e -> PublicClientIds.in(e.body(), config.oauth().githubUrl())
                        .forEach(id -> seen.putIfAbsent(id, asset.url().toString()))));
        String bounds = frontend.bounds().isEmpty() ? "" : " (" + String.join("; ", frontend.bounds()) + ")";
        List<String> foreign = new ArrayList<>();
        seen.forEach((id, url) -> {
            if (!id.equals(backend.get())) {
                foreign.add("the frontend carries GitHub client id " + id + " (in " + url + ")");
            }
        });
        if (!foreign.isEmpty()) {
            return Verdict.fail(String.join("; ", foreign) + ", but the backend's login sends client_id "
                    + backend.get() + ": the two halves use different OAuth apps" + bounds);
        }
        if (seen.isEmpty()) {
            return Verdict.pass("the frontend's page and " + frontend.scripts().size() + " scripts carry no GitHub "
                    + "client id (the login starts at the backend, which sends client_id " + backend.get() + ")"
                    + bounds);
        }
        return Verdict.pass("the frontend's GitHub client id " + backend.get() + " (in " + seen.get(backend.get())
                + ") is the one the backend's login sends" + bounds);
    }

    private static Optional<String> backendClientId(ClientIdSightings observed, EnvironmentConfig config) {
        URI authorize = AuthorizeRedirect.authorizeUrl(config.oauth().githubUrl());
        return observed.backend().starts().stream().findFirst()
                .flatMap(HttpObservation::exchange)
                .filter(HttpExchange::isRedirect)
                .flatMap(HttpExchange::location)
                .filter(location -> AuthorizeRedirect.sameEndpoint(location, authorize))
                .flatMap(location -> QueryParameters.of(location).first("client_id"));
    }
}
