package dev.smokegate.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.config.ArchivingSettings;
import dev.smokegate.config.Backend;
import dev.smokegate.config.Canonical;
import dev.smokegate.config.ConfigValue;
import dev.smokegate.config.CriticalTable;
import dev.smokegate.config.DatabaseSettings;
import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.config.HeaderPolicy;
import dev.smokegate.config.MigrationSettings;
import dev.smokegate.config.OAuthSettings;
import dev.smokegate.config.RedisSettings;
import dev.smokegate.config.RestoreDrillSettings;
import dev.smokegate.config.TlsSettings;
import dev.smokegate.config.WebSocketPolicy;
import dev.smokegate.config.WebhookSettings;
import dev.smokegate.model.Target;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** A waiver's {@code target} is checked against {@link Target#ROLES}, so that list must hold every role in use. */
class TargetRolesTest {

    private static final EnvironmentConfig EVERYTHING = EnvironmentConfig.builder("all",
                    URI.create("https://app.example.com"), URI.create("https://api.example.com"))
            .backend(new Backend(URI.create("https://api.example.com"), "/health", Optional.of("/health/db"),
                    Optional.of("/health/redis")))
            .canonical(new Canonical(Optional.of(URI.create("https://example.com")),
                    List.of(URI.create("https://www.example.com"))))
            .websocket(WebSocketPolicy.DEFAULTS.at(URI.create("wss://api.example.com/ws")))
            .headers(new HeaderPolicy(31_536_000L, true, java.util.Set.of(), Optional.empty(),
                    List.of(URI.create("https://docs.example.com")), List.of()))
            .oauth(oauth())
            .redis(RedisSettings.of(ConfigValue.literal("redis.url", "rediss://default:pw@redis.example.com:6379")))
            .database(database())
            .webhook(new WebhookSettings(Optional.of(URI.create("https://api.example.com/webhooks/github")),
                    Optional.of(ConfigValue.literal("webhook.secret", "s"))))
            .build();

    private static DatabaseSettings database() {
        return new DatabaseSettings(Optional.of(ConfigValue.literal("database.url", "postgres://app:pw@db/app")),
                Optional.of(new RestoreDrillSettings(Optional.of(ConfigValue.literal(
                        "database.restore-drill.target-url", "postgres://restore:pw@db/app_restore")),
                        Optional.empty(), 2, List.of(), Path.of("."), java.util.Map.of(), Optional.empty(),
                        java.time.Duration.ofMinutes(30), RestoreDrillSettings.DEFAULT_TOOLS_DIR, Optional.empty())),
                15, DatabaseSettings.OutdatedMinor.WARN, true, List.of(new CriticalTable("users",
                java.util.OptionalLong.empty())), Optional.of(new MigrationSettings("SELECT 1",
                ConfigValue.literal("database.migrations.expected", "1"))), ArchivingSettings.DEFAULTS);
    }

    private static OAuthSettings oauth() {
        OAuthSettings n = OAuthSettings.NONE;
        return new OAuthSettings(n.githubUrl(), n.githubApiUrl(), n.clientId(),
                Optional.of(URI.create("https://api.example.com/auth/github")),
                Optional.of(URI.create("https://api.example.com/auth/github/callback")), n.allowedScopes(), n.pkce(),
                n.signInSelector(), n.meUrl(), n.meLoginField(), n.logoutUrl(), n.logoutMethod(), n.sessionCookie(),
                n.sameSite(), n.maxSessionLifetime(), n.account());
    }

    @Test
    void everyCheckTargetHasAListedRole() {
        EnvironmentConfig tlsHosts = EVERYTHING.newBuilder().tls(new TlsSettings(List.of("app.example.com")))
                .build();

        List<String> roles = Stream.of(EVERYTHING, tlsHosts)
                .flatMap(config -> Catalogue.all().stream().flatMap(c -> c.targets(config).stream()))
                .map(Target::role).distinct().toList();

        assertThat(Target.ROLES).containsAll(roles);
        assertThat(roles).containsExactlyInAnyOrderElementsOf(Target.ROLES);
    }

    @Test
    void mainCodeNamesRolesByTheirConstantsNeverByALiteral() throws IOException {
        Pattern literalRole = Pattern.compile("new Target\\(\\s*\"");
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            List<Path> offenders = sources.filter(p -> p.toString().endsWith(".java")).filter(p -> {
                try {
                    return literalRole.matcher(Files.readString(p)).find();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
            assertThat(offenders).as("a role in a new Target(\"...\") bypasses Target.ROLES").isEmpty();
        }
    }
}
