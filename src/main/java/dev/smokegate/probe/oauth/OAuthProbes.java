package dev.smokegate.probe.oauth;

import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.probe.ProbeContext;
import dev.smokegate.probe.ProbeRequest;
import dev.smokegate.probe.http.HttpExchange;
import dev.smokegate.probe.http.HttpFetcher;
import dev.smokegate.probe.http.HttpObservation;
import dev.smokegate.probe.http.HttpRequest;
import dev.smokegate.probe.secrets.SecretsProbes;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The OAuth observations that need no browser and no account: the login redirect, and forged callbacks. They send
 * the app only what any visitor could, with random values no real login uses.
 */
public final class OAuthProbes {

    /** Starts compared for a fresh state each time; three tell "reused" from "random" without a flood. */
    public static final int STARTS = 3;

    private static final SecureRandom RANDOM = new SecureRandom();

    private OAuthProbes() {
    }

    public static ProbeRequest<LoginStarts> loginStarts(URI loginUrl) {
        return new ProbeRequest<>("oauth starts " + loginUrl, context -> {
            List<HttpObservation> starts = new ArrayList<>();
            for (int i = 0; i < STARTS; i++) {
                starts.add(HttpFetcher.get(loginUrl, context));
            }
            return new LoginStarts(starts);
        });
    }

    /** The frontend's public bundle and the backend's login starts, to compare the client ids they carry. */
    public static ProbeRequest<ClientIdSightings> clientIds(EnvironmentConfig config, URI loginUrl) {
        return new ProbeRequest<>("oauth client-ids " + config.frontend().url() + " " + loginUrl,
                context -> new ClientIdSightings(context.observe(SecretsProbes.publicAssets(config)),
                        context.observe(loginStarts(loginUrl))));
    }

    /**
     * Four callbacks, as an attacker would try them: without a state; with a state the app never issued, from a
     * visitor who did start a login; with the state the app issued but a made-up code; and that state again.
     */
    public static ProbeRequest<ForgedCallbacks> forgedCallbacks(URI loginUrl, URI callbackUrl, Optional<URI> meUrl) {
        return new ProbeRequest<>("oauth forged callbacks " + loginUrl + " " + callbackUrl + " " + meUrl,
                context -> forge(loginUrl, callbackUrl, meUrl, context));
    }

    private static ForgedCallbacks forge(URI loginUrl, URI callbackUrl, Optional<URI> meUrl, ProbeContext context) {
        List<ForgedCallbacks.Attempt> attempts = new ArrayList<>();
        attempts.add(attempt("no state", callback(callbackUrl, random(), Optional.empty()), new CookieJar(), meUrl,
                context));

        CookieJar foreign = new CookieJar();
        foreign.keep(HttpFetcher.get(loginUrl, context));
        attempts.add(attempt("a state the app never issued", callback(callbackUrl, random(), Optional.of(random())),
                foreign, meUrl, context));

        CookieJar visitor = new CookieJar();
        HttpObservation start = HttpFetcher.get(loginUrl, context);
        visitor.keep(start);
        Optional<String> issued = start.exchange().flatMap(HttpExchange::location)
                .flatMap(location -> QueryParameters.of(location).first("state"));
        if (issued.isPresent()) {
            URI bogusCode = callback(callbackUrl, random(), issued);
            attempts.add(attempt("the issued state with a made-up code", bogusCode, visitor, meUrl, context));
            attempts.add(attempt("the same state again (a replay)", bogusCode, visitor, meUrl, context));
        }
        return new ForgedCallbacks(attempts);
    }

    private static ForgedCallbacks.Attempt attempt(String forgery, URI url, CookieJar jar, Optional<URI> meUrl,
                                                   ProbeContext context) {
        HttpObservation callback = HttpFetcher.fetch(jar.on(HttpRequest.get(url)), context);
        jar.keep(callback);
        Optional<HttpObservation> whoAmI = meUrl.map(me -> HttpFetcher.fetch(jar.on(HttpRequest.get(me)), context));
        return new ForgedCallbacks.Attempt(forgery, callback, whoAmI);
    }

    private static URI callback(URI callbackUrl, String code, Optional<String> state) {
        String query = "code=" + encode(code) + state.map(s -> "&state=" + encode(s)).orElse("");
        String raw = callbackUrl.getRawQuery();
        String base = callbackUrl.toString();
        int question = base.indexOf('?');
        return URI.create((question < 0 ? base : base.substring(0, question)) + "?"
                + (raw == null || raw.isEmpty() ? "" : raw + "&") + query);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** 128 random bits, base64url: shaped like a real code or state, equal to none. */
    private static String random() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
