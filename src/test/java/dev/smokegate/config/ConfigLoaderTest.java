package dev.smokegate.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ConfigLoaderTest {

    private static final String VALID = """
            frontend:
              url: https://app.example.com
            backend:
              url: https://api.example.com
            """;

    @TempDir
    Path dir;

    private final ConfigLoader loader = new ConfigLoader(Map.of("SMOKE_TOKEN", "s3cr3t-token-value"),
            id -> id.startsWith("http."));

    private Path write(String yaml) throws IOException {
        Path file = dir.resolve("staging.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    @Test
    void loadsAMinimalConfigWithDefaults() throws Exception {
        EnvironmentConfig config = loader.load(write(VALID));

        assertThat(config.name()).isEqualTo("staging");
        assertThat(config.backend().healthPath()).isEqualTo("/health");
        assertThat(config.backend().dbHealthPath()).isEmpty();
        assertThat(config.canonicalUrl()).isEqualTo(config.frontend().url());
        assertThat(config.timeouts()).isEqualTo(Timeouts.DEFAULTS);
    }

    @Test
    void readsEveryShippedSuiteFile() throws Exception {
        ConfigLoader shipped = new ConfigLoader(Map.of(), id -> true);
        try (Stream<Path> files = Files.list(Path.of("suites"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                assertThat(shipped.load(file).frontend()).as(file.toString()).isNotNull();
            }
        }
    }

    @Test
    void expandsVariablesAndRemembersTheirValuesAsSecrets() throws Exception {
        EnvironmentConfig config = loader.load(write(VALID + """
                http:
                  request-headers:
                    Authorization: "Bearer ${SMOKE_TOKEN}"
                """));

        assertThat(config.http().requestHeaders().get("Authorization").value()).isEqualTo("Bearer s3cr3t-token-value");
        assertThat(config.secretValues()).containsExactly("s3cr3t-token-value");
    }

    @Test
    void readsTimeoutsThresholdsMappingsAndWaivers() throws Exception {
        EnvironmentConfig config = loader.load(write(VALID + """
                connect-to:
                  - "api.example.com:443 -> 127.0.0.1:8443"
                  - "app.example.com:443:10.0.0.5:443"
                timeouts: {connect: 500ms, read: 2s, run-deadline: 1m, transport-retries: 0}
                thresholds: {health-latency: 300ms}
                waivers:
                  - check: http.version-leak
                    target: frontend
                    reason: ticket 42
                    expires: 2027-01-31
                """));

        assertThat(config.connectTo().mappings()).extracting(HostMapping::toString)
                .containsExactly("api.example.com:443 -> 127.0.0.1:8443", "app.example.com:443 -> 10.0.0.5:443");
        assertThat(config.timeouts()).isEqualTo(new Timeouts(Duration.ofMillis(500), Duration.ofSeconds(2),
                Duration.ofMinutes(1), 0));
        assertThat(config.thresholds().healthLatency()).isEqualTo(new LatencyBudget(Duration.ofMillis(300),
                Duration.ofSeconds(5)));
        assertThat(config.waivers()).singleElement().satisfies(w -> {
            assertThat(w.expires()).isEqualTo(LocalDate.of(2027, 1, 31));
            assertThat(w.target()).contains("frontend");
        });
    }

    @Test
    void readsTheCorsPolicyAndTheHeaderOrigins() throws Exception {
        EnvironmentConfig config = loader.load(write(VALID + """
                headers:
                  preload-domain: Example.com
                  extra-origins: [https://docs.example.com]
                  asset-origins: [https://cdn.example.net/]
                cors:
                  path: /api/me
                  allowed-origins: [https://app.example.com, "https://admin.example.com:8443"]
                  credentials: false
                  methods: [get, PUT, delete]
                  request-headers: [Content-Type, X-Request-Id]
                  allow-preview-origins: true
                """));

        assertThat(config.headers().preloadDomain()).contains("example.com");
        assertThat(config.headers().extraOrigins()).containsExactly(URI.create("https://docs.example.com"));
        assertThat(config.headers().assetOrigins()).containsExactly(URI.create("https://cdn.example.net/"));
        CorsPolicy cors = config.cors();
        assertThat(cors.path()).contains("/api/me");
        assertThat(cors.allowedOrigins(config)).containsExactly("https://app.example.com",
                "https://admin.example.com:8443");
        assertThat(cors.credentials()).isFalse();
        assertThat(cors.methods()).containsExactly("GET", "PUT", "DELETE");
        assertThat(cors.preflightMethods()).containsExactly("PUT", "DELETE");
        assertThat(cors.requestHeaders()).containsExactly("Content-Type", "X-Request-Id");
        assertThat(cors.allowPreviewOrigins()).isTrue();
    }

    @Test
    void readsTheWebSocketProtocolTemplatesAndAuthAsSecrets() throws Exception {
        Path file = write(VALID + """
                websocket:
                  url: wss://api.example.com/socket.io/
                  protocol: socket.io
                  allowed-origins: [https://app.example.com]
                  send: '["chat",{"to":"{room}","text":"{nonce}"}]'
                  replica-field: instance
                  max-connections: 4
                  keepalive: 2m
                  latency: 800ms
                  auth:
                    headers: {Cookie: "sid=${WS_SESSION}"}
                    query: {token: "${WS_TOKEN}"}
                    socket-io: '{"token":"${WS_TOKEN}"}'
                """);
        EnvironmentConfig config = new ConfigLoader(Map.of("WS_SESSION", "cookie-secret", "WS_TOKEN", "tok-secret"),
                id -> true).load(file);

        WebSocketPolicy ws = config.websocket();
        assertThat(ws.protocol()).isEqualTo(WebSocketPolicy.Protocol.SOCKET_IO);
        assertThat(ws.join()).isEqualTo("[\"join\",\"{room}\"]");
        assertThat(ws.send()).isEqualTo("[\"chat\",{\"to\":\"{room}\",\"text\":\"{nonce}\"}]");
        assertThat(ws.replicaField()).isEqualTo("instance");
        assertThat(ws.maxConnections()).isEqualTo(4);
        assertThat(ws.keepalive()).isEqualTo(Duration.ofMinutes(2));
        assertThat(ws.latency()).isEqualTo(new LatencyBudget(Duration.ofMillis(800), Duration.ofSeconds(5)));
        assertThat(ws.authHeaders().get("Cookie").value()).isEqualTo("sid=cookie-secret");
        assertThat(ws.socketIoAuth()).hasValueSatisfying(v -> assertThat(v.value()).contains("tok-secret"));
        assertThat(config.secretValues()).contains("cookie-secret", "tok-secret");
    }

    @Test
    void corsDefaultsToTheFrontendOriginWithCredentials() throws Exception {
        EnvironmentConfig config = loader.load(write(VALID));

        assertThat(config.cors().allowedOrigins(config)).containsExactly("https://app.example.com");
        assertThat(config.cors().credentials()).isTrue();
        assertThat(config.cors().preflightMethods()).containsExactly("POST");
    }

    static Stream<Arguments> malformedConfigs() {
        return Stream.of(
                Arguments.of("unknown top-level key", VALID + "fronted: {}\n",
                        "fronted: unknown key"),
                Arguments.of("misspelt nested key", VALID.replace("url: https://api", "ulr: https://api"),
                        "backend.ulr: unknown key (did you mean 'url'?)"),
                Arguments.of("missing section", "frontend:\n  url: https://app.example.com\n",
                        "backend: required section is missing"),
                Arguments.of("missing url", "frontend: {}\nbackend:\n  url: https://api.example.com\n",
                        "frontend.url: required key is missing"),
                Arguments.of("malformed url", VALID.replace("https://app.example.com", "htps//app"),
                        "frontend.url: not a valid URL: \"htps//app\""),
                Arguments.of("credentials in url", VALID.replace("https://api.example.com",
                        "https://admin:pw@api.example.com"), "backend.url: not a valid URL"),
                Arguments.of("bad path", VALID + "  health-path: health\n",
                        "backend.health-path: expected a path starting with '/'"),
                Arguments.of("bad duration", VALID + "timeouts:\n  read: soon\n",
                        "timeouts.read: expected a positive duration such as 500ms, 5s or 2m, found \"soon\""),
                Arguments.of("bad connect-to", VALID + "connect-to: [\"api.example.com -> 10.0.0.1\"]\n",
                        "connect-to[0]: expected HOST:PORT -> ADDRESS:PORT"),
                Arguments.of("unreadable CA file", VALID + "trust:\n  extra-ca-file: missing.pem\n",
                        "trust.extra-ca-file: unreadable CA file"),
                Arguments.of("literal database password", VALID + "database:\n  url: postgres://u:p@db/app\n",
                        "database.url: must be a ${ENV_VAR} reference"),
                Arguments.of("literal authorization header", VALID
                                + "http:\n  request-headers:\n    Authorization: Bearer abc\n",
                        "http.request-headers.Authorization: holds a literal credential"),
                Arguments.of("waiver for an unknown check", VALID + """
                                waivers:
                                  - {check: tls.nope, reason: r, expires: 2027-01-01}
                                """,
                        "waivers[0].check: names no known check: \"tls.nope\""),
                Arguments.of("waiver without expiry", VALID + """
                                waivers:
                                  - {check: http.health.ok, reason: r}
                                """,
                        "waivers[0].expires: required key is missing"),
                Arguments.of("waiver with a bad date", VALID + """
                                waivers:
                                  - {check: http.health.ok, reason: r, expires: next week}
                                """,
                        "waivers[0].expires: expected a date YYYY-MM-DD"),
                Arguments.of("cors origin with a path",
                        VALID + "cors:\n  allowed-origins: [https://app.example.com/x]\n",
                        "cors.allowed-origins[0]: expected an origin such as http://app.example.com or "
                                + "https://app.example.com (no path), found \"https://app.example.com/x\""),
                Arguments.of("cors credentials not a boolean", VALID + "cors:\n  credentials: yes please\n",
                        "cors.credentials: expected true or false"),
                Arguments.of("cors header with a space", VALID + "cors:\n  request-headers: [\"X Token\"]\n",
                        "cors.request-headers[0]: expected a header name, found \"X Token\""),
                Arguments.of("preload domain with a scheme",
                        VALID + "headers:\n  preload-domain: https://example.com\n",
                        "headers.preload-domain: expected a domain name such as example.com"),
                Arguments.of("extra origin over http", VALID + "headers:\n  extra-origins: [http://docs.example.com]\n",
                        "headers.extra-origins[0]: expected an origin such as https://app.example.com"),
                Arguments.of("unknown websocket protocol", VALID + "websocket:\n  protocol: stomp\n",
                        "websocket.protocol: expected raw or socket.io"),
                Arguments.of("send template without nonce", VALID + "websocket:\n  send: '{\"room\":\"{room}\"}'\n",
                        "websocket.send: must contain {room} and {nonce}"),
                Arguments.of("section is a scalar", VALID + "timeouts: 5s\n",
                        "timeouts: expected a mapping of keys, found \"5s\""),
                Arguments.of("not yaml", "frontend: [unclosed\n", "not valid YAML"),
                Arguments.of("top level is a list", "- a\n- b\n", "expected a mapping of keys at the top level"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedConfigs")
    void rejectsMalformedConfigWithOneLineNamingFileAndKey(String name, String yaml, String expected)
            throws IOException {
        Path file = write(yaml);

        assertThatThrownBy(() -> loader.load(file)).isInstanceOfSatisfying(ConfigException.class, e -> {
            assertThat(e.problems()).anySatisfy(p -> assertThat(p).startsWith(file.toString()).contains(expected));
            assertThat(e.problems()).allSatisfy(p -> assertThat(p).doesNotContain("\n"));
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notCalendarDays")
    void failsWhenDateIsNotACalendarDay(String written, String problem) throws IOException {
        Path file = write(VALID + "waivers:\n  - {check: http.health.ok, reason: r, expires: " + written + "}\n");

        assertThatThrownBy(() -> loader.load(file)).isInstanceOfSatisfying(ConfigException.class,
                e -> assertThat(e.problems()).containsExactly(file + ": waivers[0].expires: " + problem));
    }

    static Stream<Arguments> notCalendarDays() {
        String noDay = ", which is not a day of the calendar";
        return Stream.of(
                Arguments.of("2026-14-45", "expected a date YYYY-MM-DD, found \"2026-14-45\"" + noDay),
                Arguments.of("\"2026-14-45\"", "expected a date YYYY-MM-DD, found \"2026-14-45\"" + noDay),
                Arguments.of("2027-02-30", "expected a date YYYY-MM-DD, found \"2027-02-30\"" + noDay),
                Arguments.of("'2027-02-30'", "expected a date YYYY-MM-DD, found \"2027-02-30\"" + noDay),
                Arguments.of("2027-1-5", "expected a date YYYY-MM-DD, found \"2027-1-5\""),
                Arguments.of("2027-01-31T10:00:00Z", "expected a date YYYY-MM-DD, found \"2027-01-31T10:00:00Z\""),
                Arguments.of("+2027-01-31", "expected a date YYYY-MM-DD, found \"+2027-01-31\""));
    }

    @Test
    void readsAQuotedDateLikeAnUnquotedOne() throws Exception {
        EnvironmentConfig config = loader.load(write(VALID + """
                waivers:
                  - {check: http.health.ok, reason: r, expires: "2028-02-29"}
                  - {check: http.health.ok, reason: r, expires: 2028-02-29}
                """));

        assertThat(config.waivers()).extracting(Waiver::expires)
                .containsExactly(LocalDate.of(2028, 2, 29), LocalDate.of(2028, 2, 29));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badWaiverTargets")
    void failsWhenWaiverTargetIsNeitherARoleNorAnAddress(String target, String hint) throws IOException {
        Path file = write(VALID + "waivers:\n  - {check: http.health.ok, target: \"" + target
                + "\", reason: r, expires: 2027-01-01}\n");

        assertThatThrownBy(() -> loader.load(file)).isInstanceOfSatisfying(ConfigException.class,
                e -> assertThat(e.problems()).containsExactly(file + ": waivers[0].target: expected a role (alias, "
                        + "backend, canonical, database, frontend, login, origin, preload-domain, redis, tls, "
                        + "webhook, websocket) or an address (a URL or "
                        + "HOST[:PORT]), found \"" + target + "\"" + hint));
    }

    static Stream<Arguments> badWaiverTargets() {
        return Stream.of(
                Arguments.of("bakend", " (did you mean 'backend'?)"),
                Arguments.of("Frontend", " (did you mean 'frontend'?)"),
                Arguments.of("www", ""),
                Arguments.of("https://", ""),
                Arguments.of("api.example.com:99999", ""),
                Arguments.of("api example.com", ""));
    }

    @Test
    void acceptsEveryRoleAndAddressAsAWaiverTarget() throws Exception {
        List<String> targets = new java.util.ArrayList<>(dev.smokegate.model.Target.ROLES);
        targets.addAll(List.of("https://api.example.com/health", "wss://api.example.com/ws", "api.example.com:443",
                "[::1]:8443", "example.com"));
        StringBuilder yaml = new StringBuilder(VALID + "waivers:\n");
        targets.forEach(t -> yaml.append("  - {check: http.health.ok, target: \"").append(t)
                .append("\", reason: r, expires: 2027-01-01}\n"));

        EnvironmentConfig config = loader.load(write(yaml.toString()));

        assertThat(config.waivers()).extracting(w -> w.target().orElseThrow()).containsExactlyElementsOf(targets);
    }

    @Test
    void readsTheWaiverPolicyAndDefaultsToOneYear() throws Exception {
        assertThat(loader.load(write(VALID)).waiverPolicy().maxDays()).isEqualTo(365);
        assertThat(loader.load(write(VALID + "waiver-policy: {max-days: 90}\n")).waiverPolicy().maxDays())
                .isEqualTo(90);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notUriPaths")
    void failsWhenPathIsNotAUriPath(String path, String problem) throws IOException {
        Path file = write(VALID + "  health-path: '" + path + "'\ncors:\n  path: '" + path + "'\n");

        assertThatThrownBy(() -> loader.load(file)).isInstanceOfSatisfying(ConfigException.class,
                e -> assertThat(e.problems()).containsExactly(file + ": backend.health-path: " + problem,
                        file + ": cors.path: " + problem));
    }

    static Stream<Arguments> notUriPaths() {
        return Stream.of(
                Arguments.of("/health%zz", "expected a URI path such as /health, found \"/health%zz\": '%' "
                        + "(character 8) must start an escape of two hex digits (write %25 for '%' itself)"),
                Arguments.of("/health/%4", "expected a URI path such as /health, found \"/health/%4\": '%' "
                        + "(character 9) must start an escape of two hex digits (write %25 for '%' itself)"),
                Arguments.of("/rooms/{x}", "expected a URI path such as /health, found \"/rooms/{x}\": '{' "
                        + "(character 8) must be written %7B"),
                Arguments.of("/health?token=${TOK}", "expected a URI path such as /health, found "
                        + "\"/health?token=${TOK}\": '{' (character 16) must be written %7B (a path takes no ${VAR} "
                        + "reference)"),
                Arguments.of("/health db", "expected a URI path such as /health, found \"/health db\": ' ' "
                        + "(character 8) must be written %20"),
                Arguments.of("/gesundheit/prüfen", "expected a URI path such as /health, found "
                        + "\"/gesundheit/prüfen\": 'ü' (character 15) must be written %C3%BC"),
                Arguments.of("/health#top", "expected a URI path such as /health, found \"/health#top\": '#' "
                        + "(character 8) must be written %23"),
                Arguments.of("//evil.example/health", "expected a path starting with a single '/' (after '//' "
                        + "comes another host), found \"//evil.example/health\""),
                Arguments.of("health", "expected a path starting with '/', found \"health\""));
    }

    @Test
    void acceptsPathsWithEscapesQueriesAndEveryCharacterAUriPathAllows() throws Exception {
        String path = "/api/v1/a%2Fb/-._~!$&'()*+,;=:@?full=1&q=a/b?c";
        EnvironmentConfig config = loader.load(write(VALID + "  health-path: \"" + path + "\"\n"));

        assertThat(config.backend().healthPath()).isEqualTo(path);
        assertThat(config.backend().url().resolve(path).toString()).isEqualTo("https://api.example.com" + path);
    }

    @Test
    void readsInternationalisedHostsInEveryUrlAsPunycode() throws Exception {
        EnvironmentConfig config = loader.load(write("""
                frontend: {url: "https://bücher.example"}
                backend: {url: "https://API.Bücher.example:8443/v1"}
                canonical:
                  url: "https://bücher.example/"
                  redirect-from: ["https://www.bücher.example"]
                websocket: {url: "wss://bücher.example/ws", allowed-origins: ["https://bücher.example"]}
                cors: {allowed-origins: ["https://bücher.example"]}
                headers: {extra-origins: ["https://docs.bücher.example"]}
                """));

        assertThat(config.frontend().url()).isEqualTo(URI.create("https://xn--bcher-kva.example"));
        assertThat(config.backend().url()).isEqualTo(URI.create("https://api.xn--bcher-kva.example:8443/v1"));
        assertThat(config.canonicalUrl()).isEqualTo(URI.create("https://xn--bcher-kva.example/"));
        assertThat(config.canonical().redirectFrom()).containsExactly(URI.create("https://www.xn--bcher-kva.example"));
        assertThat(config.websocket().url()).contains(URI.create("wss://xn--bcher-kva.example/ws"));
        assertThat(config.websocket().allowedOrigins(config)).containsExactly("https://xn--bcher-kva.example");
        assertThat(config.cors().allowedOrigins(config)).containsExactly("https://xn--bcher-kva.example");
        assertThat(config.headers().extraOrigins()).containsExactly(URI.create("https://docs.xn--bcher-kva.example"));
    }

    @Test
    void failsOnAnInternationalisedHostThatIsNoHostName() throws IOException {
        Path file = write(VALID.replace("https://app.example.com", "\"https://bü cher.example\""));

        assertThatThrownBy(() -> loader.load(file)).isInstanceOfSatisfying(ConfigException.class,
                e -> assertThat(e.problems()).containsExactly(file + ": frontend.url: not a valid URL: "
                        + "\"https://bü cher.example\" (expected http:// or https:// with a host, no credentials)"));
    }

    @Test
    void readsIpv6LiteralsPortsAndInternationalisedNamesInTlsHosts() throws Exception {
        EnvironmentConfig config = loader.load(write(VALID + """
                tls:
                  hosts: ["[::1]", "[::1]:8443", App.Example.com, "bücher.example:8443", "10.0.0.5:443"]
                """));

        assertThat(config.tls().hosts()).containsExactly("[::1]", "[::1]:8443", "app.example.com",
                "xn--bcher-kva.example:8443", "10.0.0.5:443");
    }

    @Test
    void failsWhenWebSocketUrlIsPlaintext() throws IOException {
        Path file = write(VALID + "websocket:\n  url: ws://api.example.com/ws\n");

        assertThatThrownBy(() -> loader.load(file)).isInstanceOfSatisfying(ConfigException.class,
                e -> assertThat(e.problems()).containsExactly(file + ": websocket.url: must be wss://: a plaintext "
                        + "WebSocket would carry the session in the clear, found \"ws://api.example.com/ws\""));
    }

    @Test
    void failsOnADuplicateKeyNamingBothLines() throws IOException {
        Path file = write("""
                frontend:
                  url: https://app.example.com
                backend:
                  url: https://api.example.com
                  health-path: /health
                  url: https://other.example.com
                waivers:
                  - {check: http.health.ok, reason: r, expires: 2027-01-01, check: http.db-path.ok}
                backend:
                  url: https://elsewhere.example.com
                """);

        assertThatThrownBy(() -> loader.load(file)).isInstanceOfSatisfying(ConfigException.class,
                e -> assertThat(e.problems()).containsExactly(
                        file + ":6:3: duplicate key \"backend.url\" (first at line 4)",
                        file + ":8:61: duplicate key \"waivers[0].check\" (first at line 8)",
                        file + ":9:1: duplicate key \"backend\" (first at line 3)"));
    }

    @Test
    void duplicateKeyLeavesNoLogLine() throws IOException {
        Path file = write(VALID + "backend:\n  url: https://other.example.com\n");
        List<LogRecord> logged = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(handler);
        Throwable thrown;
        try {
            thrown = catchThrowable(() -> loader.load(file));
        } finally {
            root.removeHandler(handler);
        }

        assertThat(logged).extracting(LogRecord::getMessage).isEmpty();
        assertThat(thrown).isInstanceOf(ConfigException.class);
    }

    @Test
    void directoryGivenAsTheConfigIsNamedAsOne() {
        assertThatThrownBy(() -> loader.load(dir)).isInstanceOfSatisfying(ConfigException.class,
                e -> assertThat(e.problems()).containsExactly(dir + ": is a directory, not a config file"));
    }

    @Test
    void deviceGivenAsTheConfigIsRefusedUnread() {
        assertThatThrownBy(() -> loader.load(Path.of("/dev/zero"))).isInstanceOfSatisfying(ConfigException.class,
                e -> assertThat(e.problems()).containsExactly("/dev/zero: not a regular file (a pipe or device is "
                        + "not read)"));
    }

    @Test
    void missingConfigIsNamedAsMissing() {
        Path missing = dir.resolve("missing.yaml");

        assertThatThrownBy(() -> loader.load(missing)).isInstanceOfSatisfying(ConfigException.class,
                e -> assertThat(e.problems()).containsExactly(missing + ": no such config file"));
    }

    @Test
    void reportsEveryProblemAtOnce() throws IOException {
        Path file = write("frontend:\n  url: nope\nbackend:\n  url: https://api.example.com\n  colour: red\n");

        assertThatThrownBy(() -> loader.load(file)).isInstanceOfSatisfying(ConfigException.class,
                e -> assertThat(e.problems()).hasSize(2));
    }

    @Test
    void unsetVariableIsAnErrorOnlyWhereASelectedCheckNeedsIt() throws Exception {
        ConfigLoader withoutVars = new ConfigLoader(Map.of(), id -> true);
        EnvironmentConfig config = withoutVars.load(write(VALID + """
                http:
                  request-headers:
                    Authorization: "Bearer ${SMOKE_TOKEN}"
                database:
                  url: ${DATABASE_URL}
                """));

        List<String> problems = ConfigLoader.unsetVariables(config, Map.of("http.health.ok", Set.of("http")));

        assertThat(problems).singleElement().asString()
                .contains("http.request-headers.Authorization: environment variable SMOKE_TOKEN is not set "
                        + "(needed by http.health.ok)");
    }
}
