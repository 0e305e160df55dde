package dev.smokegate.check;

import dev.smokegate.check.auth.AuthChecks;
import dev.smokegate.check.cors.CorsChecks;
import dev.smokegate.check.db.DbChecks;
import dev.smokegate.check.db.RestoreDrillChecks;
import dev.smokegate.check.headers.HeaderChecks;
import dev.smokegate.check.http.HttpChecks;
import dev.smokegate.check.oauth.OAuthChecks;
import dev.smokegate.check.oauth.LoginChecks;
import dev.smokegate.check.redis.RedisChecks;
import dev.smokegate.check.secrets.SecretsChecks;
import dev.smokegate.check.tls.TlsChecks;
import dev.smokegate.check.webhook.WebhookChecks;
import dev.smokegate.check.ws.WsChecks;
import dev.smokegate.probe.tls.TlsProbes;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The one list of every check smokegate knows. Suites, {@code list}, the fault matrix and the docs all derive from
 * it; each area contributes its own list here and nowhere else.
 */
public final class Catalogue {

    private static final List<Check<?>> ALL = build();

    private Catalogue() {
    }

    public static List<Check<?>> all() {
        return ALL;
    }

    private static List<Check<?>> build() {
        List<Check<?>> checks = new ArrayList<>(HttpChecks.all());
        checks.addAll(TlsChecks.all(Clock.systemUTC(), TlsProbes::scan));
        checks.addAll(HeaderChecks.all());
        checks.addAll(CorsChecks.all());
        checks.addAll(WsChecks.all());
        checks.addAll(OAuthChecks.all());
        checks.addAll(LoginChecks.all());
        checks.addAll(DbChecks.all());
        checks.addAll(RestoreDrillChecks.all());
        checks.addAll(RedisChecks.all());
        checks.addAll(SecretsChecks.all());
        checks.addAll(AuthChecks.all());
        checks.addAll(WebhookChecks.all());
        Set<String> ids = new HashSet<>();
        for (Check<?> check : checks) {
            if (!ids.add(check.spec().id())) {
                throw new IllegalStateException("duplicate check id " + check.spec().id());
            }
        }
        return List.copyOf(checks);
    }
}
