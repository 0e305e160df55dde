package dev.smokegate.config;

import dev.smokegate.probe.TrustMaterial;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads {@code suites/<env>.yaml} into an {@link EnvironmentConfig}. Every problem becomes one line
 * {@code <file>: <key>: <what is wrong>}; all problems are reported at once.
 */
public final class ConfigLoader {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h)");
    private static final Pattern TLS_HOST = Pattern.compile("[A-Za-z0-9.-]+(:\\d{1,5})?");
    private static final Pattern DOMAIN = Pattern.compile("([a-z0-9]([a-z0-9-]*[a-z0-9])?\\.)+[a-z0-9-]+");
    private static final Pattern METHOD = Pattern.compile("[A-Za-z]+");
    /** An HTTP token (RFC 9110), the shape of a header name. */
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    private static final Pattern ENV_NAME = Pattern.compile("[a-z0-9][a-z0-9._-]*");
    private static final Set<String> CREDENTIAL_HEADERS =
            Set.of("authorization", "proxy-authorization", "cookie", "x-api-key", "x-auth-token");

    private final Map<String, String> environment;
    private final Predicate<String> knownCheck;

    /**
     * @param environment the process environment, for {@code ${VAR}} expansion
     * @param knownCheck  whether a waiver's check id or glob names at least one catalogued check
     */
    public ConfigLoader(Map<String, String> environment, Predicate<String> knownCheck) {
        this.environment = Map.copyOf(environment);
        this.knownCheck = knownCheck;
    }

    public EnvironmentConfig load(Path file) throws ConfigException {
        String label = file.toString();
        Map<String, Object> tree = parse(file, label);
        List<String> problems = new ArrayList<>();
        EnvironmentConfig config = read(YamlNode.root(tree, problems), file);
        if (!problems.isEmpty()) {
            throw new ConfigException(problems.stream().map(p -> label + ": " + p).toList());
        }
        return config;
    }

    private static Map<String, Object> parse(Path file, String label) throws ConfigException {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException(List.of(label + ": no such config file"));
        }
        Object document;
        try (Reader reader = Files.newBufferedReader(file)) {
            document = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
        } catch (MarkedYAMLException e) {
            var mark = e.getProblemMark();
            throw new ConfigException(List.of(label + ":" + (mark.getLine() + 1) + ":" + (mark.getColumn() + 1)
                    + ": not valid YAML: " + e.getProblem()));
        } catch (YAMLException | IOException e) {
            throw new ConfigException(List.of(label + ": cannot be read: " + e.getMessage()));
        }
        if (!(document instanceof Map<?, ?> map)) {
            throw new ConfigException(List.of(label + ": expected a mapping of keys at the top level"));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> tree = (Map<String, Object>) map;
        return tree;
    }

    private EnvironmentConfig read(YamlNode root, Path file) {
        root.allowOnly(Set.of("environment", "frontend", "backend", "canonical", "websocket", "trust", "tls", "headers",
                "cors", "connect-to", "timeouts", "thresholds", "http", "database", "redis", "waivers"));
        String defaultName = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        String name = root.parsed("environment", n -> Optional.of(n).filter(v -> ENV_NAME.matcher(v).matches()),
                "expected a lowercase name (letters, digits, '.', '_', '-')").orElse(defaultName);

        YamlNode frontend = requiredSection(root, "frontend");
        YamlNode backend = requiredSection(root, "backend");
        Optional<URI> frontendUrl = Optional.empty();
        if (frontend != null) {
            frontend.allowOnly(Set.of("url"));
            frontendUrl = url(frontend, "url", true);
        }
        Optional<URI> backendUrl = Optional.empty();
        String healthPath = "/health";
        Optional<String> dbPath = Optional.empty();
        Optional<String> redisPath = Optional.empty();
        if (backend != null) {
            backend.allowOnly(Set.of("url", "health-path", "db-health-path", "redis-health-path"));
            backendUrl = url(backend, "url", true);
            healthPath = path(backend, "health-path").orElse(healthPath);
            dbPath = path(backend, "db-health-path");
            redisPath = path(backend, "redis-health-path");
        }
        EnvironmentConfig.Builder builder = EnvironmentConfig.builder(name,
                        frontendUrl.orElse(URI.create("https://frontend.invalid")),
                        backendUrl.orElse(URI.create("https://backend.invalid")))
                .source(file).healthPath(healthPath)
                .dbHealthPath(dbPath.orElse(null)).redisHealthPath(redisPath.orElse(null));

        root.section("canonical").ifPresent(canonical -> {
            canonical.allowOnly(Set.of("url", "redirect-from"));
            url(canonical, "url", false).ifPresent(builder::canonical);
            List<URI> aliases = new ArrayList<>();
            List<Object> items = canonical.list("redirect-from");
            for (int i = 0; i < items.size(); i++) {
                String key = canonical.key("redirect-from") + "[" + i + "]";
                int index = i;
                parseUrl(String.valueOf(items.get(i)), Set.of("http", "https")).ifPresentOrElse(aliases::add,
                        () -> canonical.problem(key, "not a valid URL: \"" + items.get(index) + "\""));
            }
            builder.redirectFrom(aliases);
        });
        root.section("websocket").ifPresent(ws -> {
            ws.allowOnly(Set.of("url", "protocol", "allowed-origins", "join", "send", "leave", "replica-field",
                    "max-connections", "keepalive", "latency", "auth"));
            ws.parsed("url", u -> parseUrl(u, Set.of("ws", "wss")),
                    "not a valid URL (expected ws:// or wss:// with a host)").ifPresent(builder::websocket);
            builder.ws(webSocketPolicy(ws, builder));
        });
        root.section("trust").ifPresent(trust -> {
            trust.allowOnly(Set.of("extra-ca-file"));
            trust.string("extra-ca-file").ifPresent(ca -> caFile(trust, file, ca).ifPresent(builder::extraCaFile));
        });
        List<Object> mappings = root.list("connect-to");
        for (int i = 0; i < mappings.size(); i++) {
            String text = String.valueOf(mappings.get(i));
            int index = i;
            HostMapping.parse(text).ifPresentOrElse(builder::addConnectTo, () -> root.problem(
                    "connect-to[" + index + "]", "expected HOST:PORT -> ADDRESS:PORT, found \"" + text + "\""));
        }
        root.section("timeouts").ifPresent(t -> {
            t.allowOnly(Set.of("connect", "read", "run-deadline"));
            Timeouts d = Timeouts.DEFAULTS;
            builder.timeouts(new Timeouts(duration(t, "connect").orElse(d.connect()),
                    duration(t, "read").orElse(d.read()), duration(t, "run-deadline").orElse(d.runDeadline())));
        });
        root.section("thresholds").ifPresent(t -> {
            t.allowOnly(Set.of("health-latency", "db-latency", "redis-latency", "cert-expiry-fail-days",
                    "cert-expiry-warn-days"));
            Thresholds d = Thresholds.DEFAULTS;
            int failDays = days(t, "cert-expiry-fail-days").orElse(d.certExpiryFailDays());
            int warnDays = days(t, "cert-expiry-warn-days").orElse(d.certExpiryWarnDays());
            if (warnDays < failDays) {
                t.problem(t.key("cert-expiry-warn-days"), "must not be below cert-expiry-fail-days (" + failDays
                        + ")");
            }
            builder.thresholds(new Thresholds(duration(t, "health-latency").orElse(d.healthLatency()),
                    duration(t, "db-latency").orElse(d.dbLatency()),
                    duration(t, "redis-latency").orElse(d.redisLatency()), failDays, warnDays));
        });
        root.section("headers").ifPresent(headers -> {
            headers.allowOnly(Set.of("hsts-min-max-age", "hsts-include-subdomains", "session-cookies",
                    "preload-domain", "extra-origins", "asset-origins"));
            HeaderPolicy d = HeaderPolicy.DEFAULTS;
            long minAge = headers.parsed("hsts-min-max-age", text -> Optional.of(text.trim())
                    .filter(t -> t.matches("\\d{1,10}")).map(Long::parseLong),
                    "expected a whole number of seconds (31536000 is one year)").orElse(d.hstsMinMaxAge());
            boolean subdomains = bool(headers, "hsts-include-subdomains").orElse(d.hstsIncludeSubDomains());
            Set<String> sessionCookies = new java.util.LinkedHashSet<>();
            headers.list("session-cookies").forEach(cookie -> sessionCookies.add(String.valueOf(cookie).trim()));
            Optional<String> preloadDomain = headers.parsed("preload-domain", text -> Optional.of(text.trim()
                    .toLowerCase(Locale.ROOT)).filter(t -> DOMAIN.matcher(t).matches()),
                    "expected a domain name such as example.com (no scheme, no port)");
            builder.headers(new HeaderPolicy(minAge, subdomains, sessionCookies, preloadDomain,
                    urls(headers, "extra-origins", Set.of("https")), urls(headers, "asset-origins", Set.of("https"))));
        });
        root.section("cors").ifPresent(cors -> {
            cors.allowOnly(Set.of("path", "allowed-origins", "credentials", "methods", "request-headers",
                    "allow-preview-origins"));
            CorsPolicy d = CorsPolicy.DEFAULTS;
            List<String> methods = tokens(cors, "methods", METHOD, "an HTTP method such as GET or PUT");
            List<String> requestHeaders = tokens(cors, "request-headers", TOKEN, "a header name");
            builder.cors(new CorsPolicy(path(cors, "path"), urls(cors, "allowed-origins", Set.of("http", "https")),
                    bool(cors, "credentials").orElse(d.credentials()),
                    cors.list("methods").isEmpty() ? d.methods()
                            : methods.stream().map(m -> m.toUpperCase(Locale.ROOT)).toList(),
                    cors.list("request-headers").isEmpty() ? d.requestHeaders() : requestHeaders,
                    bool(cors, "allow-preview-origins").orElse(d.allowPreviewOrigins())));
        });
        root.section("tls").ifPresent(tls -> {
            tls.allowOnly(Set.of("hosts"));
            List<String> hosts = new ArrayList<>();
            List<Object> items = tls.list("hosts");
            for (int i = 0; i < items.size(); i++) {
                String text = String.valueOf(items.get(i)).trim();
                if (TLS_HOST.matcher(text).matches()) {
                    hosts.add(text.toLowerCase(Locale.ROOT));
                } else {
                    tls.problem(tls.key("hosts") + "[" + i + "]", "expected HOST or HOST:PORT, found \"" + text
                            + "\"");
                }
            }
            builder.tlsHosts(hosts);
        });
        root.section("http").ifPresent(http -> {
            http.allowOnly(Set.of("request-headers"));
            http.stringMap("request-headers").forEach((header, raw) -> {
                String key = http.key("request-headers") + "." + header;
                ConfigValue value = expand(key, raw, builder);
                if (CREDENTIAL_HEADERS.contains(header.toLowerCase(Locale.ROOT)) && value.variables().isEmpty()) {
                    http.problem(key, "holds a literal credential; use a ${ENV_VAR} reference");
                }
                builder.requestHeader(header, value);
            });
        });
        secretUrl(root, "database", builder).ifPresent(builder::databaseUrl);
        secretUrl(root, "redis", builder).ifPresent(builder::redisUrl);
        builder.waivers(waivers(root));
        return builder.build();
    }

    private static YamlNode requiredSection(YamlNode root, String name) {
        Optional<YamlNode> section = root.section(name);
        if (section.isEmpty()) {
            root.problem(name, "required section is missing (it needs at least a url)");
        }
        return section.orElse(null);
    }

    private static Optional<URI> url(YamlNode node, String name, boolean required) {
        Optional<String> text = required ? node.requiredString(name) : node.string(name);
        return text.flatMap(t -> {
            Optional<URI> parsed = parseUrl(t, Set.of("http", "https"));
            if (parsed.isEmpty()) {
                node.problem(node.key(name), "not a valid URL: \"" + t + "\" (expected http:// or https:// "
                        + "with a host, no credentials)");
            }
            return parsed;
        });
    }

    static Optional<URI> parseUrl(String text, Set<String> schemes) {
        try {
            URI uri = new URI(text.trim());
            boolean ok = uri.getScheme() != null && schemes.contains(uri.getScheme().toLowerCase(Locale.ROOT))
                    && uri.getHost() != null && uri.getRawUserInfo() == null && uri.getRawFragment() == null;
            return ok ? Optional.of(uri) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private WebSocketPolicy webSocketPolicy(YamlNode ws, EnvironmentConfig.Builder builder) {
        WebSocketPolicy.Protocol protocol = ws.parsed("protocol", text -> java.util.Arrays.stream(
                WebSocketPolicy.Protocol.values()).filter(p -> p.configName().equals(text.trim())).findFirst(),
                "expected raw or socket.io").orElse(WebSocketPolicy.Protocol.RAW);
        WebSocketPolicy d = WebSocketPolicy.defaults(protocol);
        Map<String, ConfigValue> headers = new java.util.LinkedHashMap<>();
        Map<String, ConfigValue> query = new java.util.LinkedHashMap<>();
        Optional<ConfigValue> socketIoAuth = Optional.empty();
        Optional<YamlNode> auth = ws.section("auth");
        if (auth.isPresent()) {
            YamlNode a = auth.get();
            a.allowOnly(Set.of("headers", "query", "socket-io"));
            a.stringMap("headers").forEach((name, raw) -> headers.put(name,
                    expand(a.key("headers") + "." + name, raw, builder)));
            a.stringMap("query").forEach((name, raw) -> query.put(name,
                    expand(a.key("query") + "." + name, raw, builder)));
            socketIoAuth = a.string("socket-io").map(raw -> expand(a.key("socket-io"), raw, builder));
        }
        int maxConnections = ws.parsed("max-connections", text -> Optional.of(text.trim())
                .filter(t -> t.matches("\\d{1,2}")).map(Integer::parseInt).filter(n -> n >= 2),
                "expected a whole number from 2 to 99").orElse(d.maxConnections());
        return new WebSocketPolicy(protocol, urls(ws, "allowed-origins", Set.of("http", "https")),
                template(ws, "join", d.join()), template(ws, "send", d.send()), template(ws, "leave", d.leave()),
                ws.string("replica-field").map(String::trim).orElse(d.replicaField()), maxConnections,
                duration(ws, "keepalive").orElse(d.keepalive()), duration(ws, "latency").orElse(d.latency()),
                headers, query, socketIoAuth);
    }

    /** A message template must name its room, and the send template its nonce, or no message could be recognised. */
    private static String template(YamlNode ws, String name, String fallback) {
        Optional<String> text = ws.string(name);
        if (text.isEmpty()) {
            return fallback;
        }
        boolean needsNonce = name.equals("send");
        if (!text.get().contains("{room}") || (needsNonce && !text.get().contains("{nonce}"))) {
            ws.problem(ws.key(name), "must contain {room}" + (needsNonce ? " and {nonce}" : "") + ", found \""
                    + text.get() + "\"");
        }
        return text.get();
    }

    private static Optional<Boolean> bool(YamlNode node, String name) {
        return node.parsed(name, text -> Optional.of(text.trim())
                .filter(t -> t.equals("true") || t.equals("false")).map(Boolean::parseBoolean),
                "expected true or false");
    }

    private static List<URI> urls(YamlNode node, String name, Set<String> schemes) {
        List<URI> urls = new ArrayList<>();
        List<Object> items = node.list(name);
        for (int i = 0; i < items.size(); i++) {
            String text = String.valueOf(items.get(i));
            Optional<URI> url = parseUrl(text, schemes).filter(u -> u.getRawPath() == null || u.getRawPath().isEmpty()
                    || u.getRawPath().equals("/"));
            if (url.isPresent()) {
                urls.add(url.get());
            } else {
                node.problem(node.key(name) + "[" + i + "]", "expected an origin such as "
                        + String.join(" or ", schemes.stream().sorted().map(s -> s + "://app.example.com").toList())
                        + " (no path), found \"" + text + "\"");
            }
        }
        return urls;
    }

    private static List<String> tokens(YamlNode node, String name, Pattern shape, String expectation) {
        List<String> tokens = new ArrayList<>();
        List<Object> items = node.list(name);
        for (int i = 0; i < items.size(); i++) {
            String text = String.valueOf(items.get(i)).trim();
            if (shape.matcher(text).matches()) {
                tokens.add(text);
            } else {
                node.problem(node.key(name) + "[" + i + "]", "expected " + expectation + ", found \"" + text + "\"");
            }
        }
        return tokens;
    }

    private static Optional<String> path(YamlNode node, String name) {
        return node.parsed(name, p -> Optional.of(p).filter(v -> v.startsWith("/") && !v.contains(" ")),
                "expected a path starting with '/'");
    }

    private static Optional<Integer> days(YamlNode node, String name) {
        return node.parsed(name, text -> {
            try {
                int value = Integer.parseInt(text.trim());
                return value >= 0 && value <= 3650 ? Optional.of(value) : Optional.empty();
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }, "expected a whole number of days (0 to 3650)");
    }

    private static Optional<Duration> duration(YamlNode node, String name) {
        return node.parsed(name, text -> {
            Matcher m = DURATION.matcher(text.trim());
            if (!m.matches()) {
                return Optional.empty();
            }
            long amount = Long.parseLong(m.group(1));
            Duration d = switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofHours(amount);
            };
            return d.isZero() ? Optional.empty() : Optional.of(d);
        }, "expected a positive duration such as 500ms, 5s or 2m");
    }

    private static Optional<Path> caFile(YamlNode node, Path configFile, String text) {
        Path base = configFile.toAbsolutePath().getParent();
        Path ca = base.resolve(text).normalize();
        try {
            TrustMaterial.readCertificates(ca);
            return Optional.of(ca);
        } catch (java.nio.file.NoSuchFileException e) {
            node.problem(node.key("extra-ca-file"), "unreadable CA file " + ca + ": no such file");
        } catch (IOException | java.security.GeneralSecurityException e) {
            node.problem(node.key("extra-ca-file"), "unreadable CA file " + ca + ": " + e.getMessage());
        }
        return Optional.empty();
    }

    private Optional<ConfigValue> secretUrl(YamlNode root, String section, EnvironmentConfig.Builder builder) {
        return root.section(section).flatMap(node -> {
            node.allowOnly(Set.of("url"));
            return node.string("url").map(raw -> {
                ConfigValue value = expand(node.key("url"), raw, builder);
                if (value.variables().isEmpty()) {
                    node.problem(node.key("url"), "must be a ${ENV_VAR} reference (it carries credentials), "
                            + "found a literal value");
                }
                return value;
            });
        });
    }

    private ConfigValue expand(String key, String raw, EnvironmentConfig.Builder builder) {
        Set<String> variables = new HashSet<>();
        Set<String> unset = new HashSet<>();
        Matcher m = VARIABLE.matcher(raw);
        StringBuilder expanded = new StringBuilder();
        while (m.find()) {
            String variable = m.group(1);
            variables.add(variable);
            String value = environment.get(variable);
            if (value == null || value.isEmpty()) {
                unset.add(variable);
                value = "";
            }
            builder.secretValue(value);
            m.appendReplacement(expanded, Matcher.quoteReplacement(value));
        }
        m.appendTail(expanded);
        return new ConfigValue(key, expanded.toString(), variables, unset);
    }

    private List<Waiver> waivers(YamlNode root) {
        List<Waiver> waivers = new ArrayList<>();
        for (YamlNode node : root.sections("waivers")) {
            node.allowOnly(Set.of("check", "target", "reason", "expires"));
            Optional<String> check = node.requiredString("check");
            check.filter(c -> !knownCheck.test(c)).ifPresent(c ->
                    node.problem(node.key("check"), "names no known check: \"" + c + "\" (see ./smokegate list)"));
            Optional<String> reason = node.requiredString("reason").filter(r -> !r.isBlank());
            Optional<LocalDate> expires = node.requiredString("expires").flatMap(text -> {
                try {
                    return Optional.of(LocalDate.parse(text));
                } catch (DateTimeParseException e) {
                    node.problem(node.key("expires"), "expected a date YYYY-MM-DD, found \"" + text + "\"");
                    return Optional.empty();
                }
            });
            if (check.isPresent() && reason.isPresent() && expires.isPresent()) {
                waivers.add(new Waiver(check.get(), node.string("target"), reason.get(), expires.get()));
            }
        }
        return waivers;
    }

    /**
     * Unset {@code ${VAR}}s are only an error where a selected check needs them: a gate run should not demand
     * the database password when no database check runs.
     */
    public static List<String> unsetVariables(EnvironmentConfig config, Map<String, Set<String>> usesByCheck) {
        List<String> problems = new ArrayList<>();
        for (ConfigValue value : config.referencingValues()) {
            if (value.resolved()) {
                continue;
            }
            List<String> needers = usesByCheck.entrySet().stream()
                    .filter(e -> e.getValue().stream().anyMatch(prefix -> value.key().startsWith(prefix)))
                    .map(Map.Entry::getKey).sorted().toList();
            if (!needers.isEmpty()) {
                problems.add(config.source() + ": " + value.key() + ": environment variable "
                        + String.join(", ", value.unset().stream().sorted().toList()) + " is not set (needed by "
                        + String.join(", ", needers) + ")");
            }
        }
        return problems;
    }
}
