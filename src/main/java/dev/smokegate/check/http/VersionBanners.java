package dev.smokegate.check.http;

import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.model.Verdict;
import dev.smokegate.probe.http.HttpExchange;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Response headers do not name software versions, which point attackers at known CVEs. A product name alone
 * ({@code Server: Vercel}) is fine; {@code X-Powered-By} without a version is a warning, since it still names the
 * framework and is trivial to turn off.
 */
final class VersionBanners {

    private static final List<String> BANNERS =
            List.of("Server", "X-Powered-By", "X-AspNet-Version", "X-AspNetMvc-Version", "X-Generator");
    private static final Pattern VERSION = Pattern.compile("\\d+\\.\\d+|/\\s*\\d+|\\bv\\d+");

    private VersionBanners() {
    }

    static Verdict judge(HttpExchange exchange, EnvironmentConfig config) {
        List<String> versioned = new ArrayList<>();
        List<String> named = new ArrayList<>();
        for (String banner : BANNERS) {
            for (String value : exchange.headers(banner)) {
                if (VERSION.matcher(value).find()) {
                    versioned.add(banner + ": " + value);
                } else if (!banner.equals("Server")) {
                    named.add(banner + ": " + value);
                }
            }
        }
        if (!versioned.isEmpty()) {
            return Verdict.fail("headers reveal software versions: " + String.join("; ", versioned));
        }
        if (!named.isEmpty()) {
            return Verdict.warn("headers name the framework: " + String.join("; ", named));
        }
        return Verdict.pass("no software version in the response headers");
    }
}
