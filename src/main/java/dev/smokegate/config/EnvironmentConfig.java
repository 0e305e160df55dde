package dev.smokegate.config;

import dev.smokegate.model.Target;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One validated target environment, as read from {@code suites/<name>.yaml} plus command-line overrides: one
 * component per section of the file, each a record that reads and validates its own section.
 *
 * @param references   every config value that referenced a {@code ${VAR}}, for the unset-variable check
 * @param secretValues expanded values of every referenced environment variable: the redactor's list
 */
public record EnvironmentConfig(
        String name,
        Path source,
        Frontend frontend,
        Backend backend,
        Canonical canonical,
        WebSocketPolicy websocket,
        TrustSettings trust,
        ConnectTo connectTo,
        Timeouts timeouts,
        Thresholds thresholds,
        HeaderPolicy headers,
        CorsPolicy cors,
        TlsSettings tls,
        HttpSettings http,
        DatabaseSettings database,
        RedisSettings redis,
        OAuthSettings oauth,
        WebhookSettings webhook,
        BrowserSettings browser,
        SecretsSettings secrets,
        JwtSettings jwt,
        List<Waiver> waivers,
        WaiverPolicy waiverPolicy,
        FailOn failOn,
        List<ConfigValue> references,
        Set<String> secretValues) {

    public EnvironmentConfig {
        waivers = List.copyOf(waivers);
        references = List.copyOf(references);
        secretValues = Set.copyOf(secretValues);
    }

    public Builder newBuilder() {
        return new Builder(this);
    }

    /** An environment of just a frontend and a backend, every other section at its defaults. */
    public static Builder builder(String name, URI frontend, URI backend) {
        return new Builder(name, frontend, backend);
    }

    /** The origin every alias must end up at: {@code canonical.url}, or the frontend's. */
    public URI canonicalUrl() {
        return canonical.url().orElse(frontend.url());
    }

    /**
     * Every public URL of the environment with the role it plays, in config order (frontend, backend, canonical,
     * aliases, websocket). Checks derive their targets from here, so a role is named the same in every area.
     */
    public List<Target> publicUrls() {
        List<Target> urls = new ArrayList<>();
        urls.add(new Target(Target.FRONTEND, frontend.url().toString()));
        urls.add(new Target(Target.BACKEND, backend.url().toString()));
        urls.add(new Target(Target.CANONICAL, canonicalUrl().toString()));
        canonical.redirectFrom().forEach(u -> urls.add(new Target(Target.ALIAS, u.toString())));
        websocket.url().ifPresent(u -> urls.add(new Target(Target.WEBSOCKET, u.toString())));
        return urls;
    }

    /**
     * Whether configured credentials (request headers, WebSocket auth) may go with a request to {@code url}: only
     * over TLS ({@code https}, {@code wss}, whose certificates every probe verifies) and only to an origin this
     * environment names (frontend, backend, canonical, aliases, WebSocket, {@code headers.extra-origins}, and
     * {@code oauth.github-url} when a test account is configured).
     * Plaintext probes, and requests that follow a redirect or a preload rule elsewhere, carry none.
     */
    public boolean mayCarryCredentials(URI url) {
        return isTls(url) && credentialOrigins().contains(hostAndPort(url));
    }

    private Set<String> credentialOrigins() {
        Set<URI> origins = new HashSet<>();
        publicUrls().forEach(t -> origins.add(URI.create(t.address())));
        origins.addAll(headers.extraOrigins());
        if (oauth.account().isPresent()) {
            // The test account's password and TOTP codes go to GitHub's login form, and nowhere else.
            origins.add(oauth.githubUrl());
        }
        return origins.stream().filter(EnvironmentConfig::isTls).map(EnvironmentConfig::hostAndPort)
                .collect(Collectors.toSet());
    }

    private static boolean isTls(URI url) {
        return "https".equalsIgnoreCase(url.getScheme()) || "wss".equalsIgnoreCase(url.getScheme());
    }

    private static String hostAndPort(URI url) {
        return url.getHost().toLowerCase(Locale.ROOT) + ":" + Ports.of(url);
    }

    /** Builds configs for command-line overrides and in tests; the loader builds them from the file's sections. */
    public static final class Builder {
        private final String name;
        private Path source;
        private Frontend frontend;
        private Backend backend;
        private Canonical canonical = Canonical.DEFAULTS;
        private WebSocketPolicy websocket = WebSocketPolicy.DEFAULTS;
        private TrustSettings trust = TrustSettings.SYSTEM_ROOTS_ONLY;
        private ConnectTo connectTo = ConnectTo.NONE;
        private Timeouts timeouts = Timeouts.DEFAULTS;
        private Thresholds thresholds = Thresholds.DEFAULTS;
        private HeaderPolicy headers = HeaderPolicy.DEFAULTS;
        private CorsPolicy cors = CorsPolicy.DEFAULTS;
        private TlsSettings tls = TlsSettings.DEFAULTS;
        private HttpSettings http = HttpSettings.DEFAULTS;
        private DatabaseSettings database = DatabaseSettings.NONE;
        private RedisSettings redis = RedisSettings.NONE;
        private List<Waiver> waivers = List.of();
        private WaiverPolicy waiverPolicy = WaiverPolicy.DEFAULTS;
        private FailOn failOn = FailOn.EVERYTHING;
        private OAuthSettings oauth = OAuthSettings.NONE;
        private WebhookSettings webhook = WebhookSettings.NONE;
        private BrowserSettings browser = BrowserSettings.DEFAULTS;
        private SecretsSettings secrets = SecretsSettings.DEFAULTS;
        private JwtSettings jwt = JwtSettings.NONE;
        private List<ConfigValue> references = List.of();
        private final Set<String> secretValues = new HashSet<>();

        private Builder(String name, URI frontend, URI backend) {
            this.name = name;
            this.frontend = Frontend.at(frontend);
            this.backend = Backend.at(backend);
        }

        private Builder(EnvironmentConfig c) {
            name = c.name;
            source = c.source;
            frontend = c.frontend;
            backend = c.backend;
            canonical = c.canonical;
            websocket = c.websocket;
            trust = c.trust;
            connectTo = c.connectTo;
            timeouts = c.timeouts;
            thresholds = c.thresholds;
            headers = c.headers;
            cors = c.cors;
            tls = c.tls;
            http = c.http;
            database = c.database;
            redis = c.redis;
            waivers = c.waivers;
            waiverPolicy = c.waiverPolicy;
            failOn = c.failOn;
            oauth = c.oauth;
            webhook = c.webhook;
            browser = c.browser;
            secrets = c.secrets;
            jwt = c.jwt;
            references = c.references;
            secretValues.addAll(c.secretValues);
        }

        public Builder source(Path value) { source = value; return this; }
        public Builder backend(Backend value) { backend = value; return this; }
        public Builder canonical(Canonical value) { canonical = value; return this; }
        public Builder websocket(WebSocketPolicy value) { websocket = value; return this; }
        public Builder trust(TrustSettings value) { trust = value; return this; }
        public Builder connectTo(ConnectTo value) { connectTo = value; return this; }
        public Builder timeouts(Timeouts value) { timeouts = value; return this; }
        public Builder thresholds(Thresholds value) { thresholds = value; return this; }
        public Builder headers(HeaderPolicy value) { headers = value; return this; }
        public Builder cors(CorsPolicy value) { cors = value; return this; }
        public Builder tls(TlsSettings value) { tls = value; return this; }
        public Builder http(HttpSettings value) { http = value; return this; }
        public Builder database(DatabaseSettings value) { database = value; return this; }
        public Builder waivers(List<Waiver> value) { waivers = List.copyOf(value); return this; }
        public Builder waiverPolicy(WaiverPolicy value) { waiverPolicy = value; return this; }
        public Builder failOn(FailOn value) { failOn = value; return this; }
        public Builder oauth(OAuthSettings value) { oauth = value; return this; }
        public Builder webhook(WebhookSettings value) { webhook = value; return this; }

        /** Also makes the URL's password a secret, as reading it from a file does. */
        public Builder redis(RedisSettings value) {
            redis = value;
            value.address().flatMap(RedisUrl::password).ifPresent(this::secretValue);
            return this;
        }
        public Builder browser(BrowserSettings value) { browser = value; return this; }
        public Builder secrets(SecretsSettings value) { secrets = value; return this; }
        public Builder jwt(JwtSettings value) { jwt = value; return this; }

        /** A value the redactor must remove from every report, as if a {@code ${VAR}} had expanded to it. */
        public Builder secretValue(String value) {
            if (!value.isEmpty()) {
                secretValues.add(value);
            }
            return this;
        }

        public EnvironmentConfig build() {
            return new EnvironmentConfig(name, source, frontend, backend, canonical, websocket, trust, connectTo,
                    timeouts, thresholds, headers, cors, tls, http, database, redis, oauth, webhook, browser,
                    secrets, jwt, waivers, waiverPolicy, failOn, references, secretValues);
        }
    }
}
