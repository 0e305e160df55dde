package dev.smokegate.config;

import dev.smokegate.model.Target;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One validated target environment, as read from {@code suites/<name>.yaml} plus command-line overrides.
 *
 * @param redirectFrom  origins that must redirect to {@code canonical} (typically the www host)
 * @param tlsHosts      {@code host} or {@code host:port} endpoints the TLS suite scans; empty means the hosts of
 *                      every configured https/wss URL
 * @param secretValues  expanded values of every referenced environment variable: the redactor's list
 */
public record EnvironmentConfig(
        String name,
        Path source,
        URI frontend,
        URI backend,
        String healthPath,
        Optional<String> dbHealthPath,
        Optional<String> redisHealthPath,
        URI canonical,
        List<URI> redirectFrom,
        Optional<URI> websocket,
        WebSocketPolicy ws,
        List<String> tlsHosts,
        Optional<Path> extraCaFile,
        List<HostMapping> connectTo,
        Timeouts timeouts,
        Thresholds thresholds,
        HeaderPolicy headers,
        CorsPolicy cors,
        Map<String, ConfigValue> requestHeaders,
        Optional<ConfigValue> databaseUrl,
        Optional<ConfigValue> redisUrl,
        List<Waiver> waivers,
        Set<String> secretValues) {

    public EnvironmentConfig {
        redirectFrom = List.copyOf(redirectFrom);
        tlsHosts = List.copyOf(tlsHosts);
        connectTo = List.copyOf(connectTo);
        requestHeaders = Map.copyOf(requestHeaders);
        waivers = List.copyOf(waivers);
        secretValues = Set.copyOf(secretValues);
    }

    public Builder newBuilder() {
        return new Builder(this);
    }

    public static Builder builder(String name, URI frontend, URI backend) {
        return new Builder(name, frontend, backend);
    }

    /**
     * Every public URL of the environment with the role it plays, in config order (frontend, backend, canonical,
     * aliases, websocket). Checks derive their targets from here, so a role is named the same in every area.
     */
    public List<Target> publicUrls() {
        List<Target> urls = new ArrayList<>();
        urls.add(new Target("frontend", frontend.toString()));
        urls.add(new Target("backend", backend.toString()));
        urls.add(new Target("canonical", canonical.toString()));
        redirectFrom.forEach(u -> urls.add(new Target("alias", u.toString())));
        websocket.ifPresent(u -> urls.add(new Target("websocket", u.toString())));
        return urls;
    }

    public Optional<HostMapping> mappingFor(String host, int port) {
        return connectTo.stream().filter(m -> m.matches(host, port)).findFirst();
    }

    /** Every config value that carries {@code ${VAR}} references, keyed by the config section it lives in. */
    public List<ConfigValue> referencingValues() {
        List<ConfigValue> values = new ArrayList<>(requestHeaders.values());
        values.addAll(ws.values());
        databaseUrl.ifPresent(values::add);
        redisUrl.ifPresent(values::add);
        return values.stream().filter(v -> !v.variables().isEmpty()).toList();
    }

    /** Builds configs in the loader, for command-line overrides and in tests. */
    public static final class Builder {
        private String name;
        private Path source;
        private URI frontend;
        private URI backend;
        private String healthPath = "/health";
        private Optional<String> dbHealthPath = Optional.empty();
        private Optional<String> redisHealthPath = Optional.empty();
        private URI canonical;
        private List<URI> redirectFrom = new ArrayList<>();
        private Optional<URI> websocket = Optional.empty();
        private WebSocketPolicy ws = WebSocketPolicy.DEFAULTS;
        private List<String> tlsHosts = new ArrayList<>();
        private Optional<Path> extraCaFile = Optional.empty();
        private List<HostMapping> connectTo = new ArrayList<>();
        private Timeouts timeouts = Timeouts.DEFAULTS;
        private Thresholds thresholds = Thresholds.DEFAULTS;
        private HeaderPolicy headers = HeaderPolicy.DEFAULTS;
        private CorsPolicy cors = CorsPolicy.DEFAULTS;
        private Map<String, ConfigValue> requestHeaders = new java.util.LinkedHashMap<>();
        private Optional<ConfigValue> databaseUrl = Optional.empty();
        private Optional<ConfigValue> redisUrl = Optional.empty();
        private List<Waiver> waivers = new ArrayList<>();
        private Set<String> secretValues = new java.util.HashSet<>();

        private Builder(String name, URI frontend, URI backend) {
            this.name = name;
            this.frontend = frontend;
            this.backend = backend;
        }

        private Builder(EnvironmentConfig c) {
            this(c.name, c.frontend, c.backend);
            source = c.source;
            healthPath = c.healthPath;
            dbHealthPath = c.dbHealthPath;
            redisHealthPath = c.redisHealthPath;
            canonical = c.canonical;
            redirectFrom = new ArrayList<>(c.redirectFrom);
            websocket = c.websocket;
            ws = c.ws;
            tlsHosts = new ArrayList<>(c.tlsHosts);
            extraCaFile = c.extraCaFile;
            connectTo = new ArrayList<>(c.connectTo);
            timeouts = c.timeouts;
            thresholds = c.thresholds;
            headers = c.headers;
            cors = c.cors;
            requestHeaders = new java.util.LinkedHashMap<>(c.requestHeaders);
            databaseUrl = c.databaseUrl;
            redisUrl = c.redisUrl;
            waivers = new ArrayList<>(c.waivers);
            secretValues = new java.util.HashSet<>(c.secretValues);
        }

        public Builder source(Path value) { source = value; return this; }
        public Builder healthPath(String value) { healthPath = value; return this; }
        public Builder dbHealthPath(String value) { dbHealthPath = Optional.ofNullable(value); return this; }
        public Builder redisHealthPath(String value) { redisHealthPath = Optional.ofNullable(value); return this; }
        public Builder canonical(URI value) { canonical = value; return this; }
        public Builder redirectFrom(List<URI> value) { redirectFrom = new ArrayList<>(value); return this; }
        public Builder websocket(URI value) { websocket = Optional.ofNullable(value); return this; }
        public Builder ws(WebSocketPolicy value) { ws = value; return this; }
        public Builder tlsHosts(List<String> value) { tlsHosts = new ArrayList<>(value); return this; }
        public Builder extraCaFile(Path value) { extraCaFile = Optional.ofNullable(value); return this; }
        public Builder timeouts(Timeouts value) { timeouts = value; return this; }
        public Builder thresholds(Thresholds value) { thresholds = value; return this; }
        public Builder headers(HeaderPolicy value) { headers = value; return this; }
        public Builder cors(CorsPolicy value) { cors = value; return this; }
        public Builder databaseUrl(ConfigValue value) { databaseUrl = Optional.ofNullable(value); return this; }
        public Builder redisUrl(ConfigValue value) { redisUrl = Optional.ofNullable(value); return this; }
        public Builder waivers(List<Waiver> value) { waivers = new ArrayList<>(value); return this; }

        /** Appends; the first mapping that matches a host and port wins. */
        public Builder addConnectTo(HostMapping value) { connectTo.add(value); return this; }

        /** Puts a mapping ahead of those already present: command-line flags override the file. */
        public Builder overrideConnectTo(HostMapping value) { connectTo.add(0, value); return this; }

        public Builder requestHeader(String header, ConfigValue value) {
            requestHeaders.put(header, value);
            return this;
        }

        public Builder secretValue(String value) {
            if (!value.isEmpty()) {
                secretValues.add(value);
            }
            return this;
        }

        public EnvironmentConfig build() {
            URI canonicalOrigin = canonical != null ? canonical : frontend;
            return new EnvironmentConfig(name, source, frontend, backend, healthPath, dbHealthPath,
                    redisHealthPath, canonicalOrigin, redirectFrom, websocket, ws, tlsHosts, extraCaFile, connectTo,
                    timeouts, thresholds, headers, cors, requestHeaders, databaseUrl, redisUrl, waivers, secretValues);
        }
    }
}
