package dev.smokegate.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads {@code suites/<env>.yaml} into an {@link EnvironmentConfig}. Each section's record reads and validates its
 * own keys; {@link #read} is the one place that lists the sections. Every problem becomes one line
 * {@code <file>: <key>: <what is wrong>}; all problems are reported at once.
 */
public final class ConfigLoader {

    private static final Pattern ENV_NAME = Pattern.compile("[a-z0-9][a-z0-9._-]*");

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
        LoadContext context = new LoadContext(environment, knownCheck, file.toAbsolutePath().getParent());
        EnvironmentConfig config = YamlNode.readRoot(tree, context, root -> read(root, file));
        if (!context.problems().isEmpty()) {
            throw new ConfigException(context.problems().stream().map(p -> label + ": " + p).toList());
        }
        return config;
    }

    private static Map<String, Object> parse(Path file, String label) throws ConfigException {
        if (Files.isDirectory(file)) {
            throw new ConfigException(List.of(label + ": is a directory, not a config file"));
        }
        if (!Files.exists(file)) {
            throw new ConfigException(List.of(label + ": no such config file"));
        }
        if (!Files.isRegularFile(file)) {
            // a pipe or device would never end, and the run would hang before its deadline starts
            throw new ConfigException(List.of(label + ": not a regular file (a pipe or device is not read)"));
        }
        Object document;
        try (Reader reader = Files.newBufferedReader(file)) {
            document = YamlDocument.parse(reader, label);
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

    /** The sections of a config file, in the order their problems are reported. */
    private static EnvironmentConfig read(YamlNode root, Path file) {
        String defaultName = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        String name = root.parsed("environment", n -> Optional.of(n).filter(v -> ENV_NAME.matcher(v).matches()),
                "expected a lowercase name (letters, digits, '.', '_', '-')").orElse(defaultName);
        EnvironmentConfig config = new EnvironmentConfig(name, file,
                required(root, "frontend", Frontend::read, Frontend.MISSING),
                required(root, "backend", Backend::read, Backend.MISSING),
                root.section("canonical", Canonical::read).orElse(Canonical.DEFAULTS),
                root.section("websocket", WebSocketPolicy::read).orElse(WebSocketPolicy.DEFAULTS),
                root.section("trust", TrustSettings::read).orElse(TrustSettings.SYSTEM_ROOTS_ONLY),
                ConnectTo.read(root),
                root.section("timeouts", Timeouts::read).orElse(Timeouts.DEFAULTS),
                root.section("thresholds", Thresholds::read).orElse(Thresholds.DEFAULTS),
                root.section("headers", HeaderPolicy::read).orElse(HeaderPolicy.DEFAULTS),
                root.section("cors", CorsPolicy::read).orElse(CorsPolicy.DEFAULTS),
                root.section("tls", TlsSettings::read).orElse(TlsSettings.DEFAULTS),
                root.section("http", HttpSettings::read).orElse(HttpSettings.DEFAULTS),
                root.section("database", DatabaseSettings::read).orElse(DatabaseSettings.NONE),
                root.section("redis", RedisSettings::read).orElse(RedisSettings.NONE),
                root.section("oauth", OAuthSettings::read).orElse(OAuthSettings.NONE),
                root.section("webhook", WebhookSettings::read).orElse(WebhookSettings.NONE),
                root.section("browser", BrowserSettings::read).orElse(BrowserSettings.DEFAULTS),
                root.section("secrets", SecretsSettings::read).orElse(SecretsSettings.DEFAULTS),
                root.section("auth", JwtSettings::readAuth).orElse(JwtSettings.NONE),
                root.sections("waivers", Waiver::read).stream().flatMap(Optional::stream).toList(),
                root.section("waiver-policy", WaiverPolicy::read).orElse(WaiverPolicy.DEFAULTS),
                root.section("fail-on", FailOn::read).orElse(FailOn.EVERYTHING),
                root.context().references(), root.context().secretValues());
        CredentialDestinations.check(root, config);
        return config;
    }

    private static <T> T required(YamlNode root, String name, Function<YamlNode, T> reader, T missing) {
        Optional<T> section = root.section(name, reader);
        if (section.isEmpty()) {
            root.problem(name, "required section is missing (it needs at least a url)");
        }
        return section.orElse(missing);
    }

    /**
     * Unset {@code ${VAR}}s are only an error where a selected check needs them: a gate run should not demand
     * the database password when no database check runs.
     */
    public static List<String> unsetVariables(EnvironmentConfig config, Map<String, Set<String>> usesByCheck) {
        List<String> problems = new ArrayList<>();
        for (ConfigValue value : config.references()) {
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
