package dev.smokegate.check.cors;

import dev.smokegate.config.EnvironmentConfig;
import java.net.URI;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Origins the backend must refuse. Each is built to slip through one mistake allowlists are known for, so an
 * accepted one names the mistake: a start-only or end-only match, an unescaped regex dot, a scheme-blind comparison,
 * a subdomain wildcard; plus origins no list should hold (any origin at all, the opaque {@code null}, Vercel
 * previews, which anyone can deploy).
 */
public final class ForeignOrigins {

    /** What an allowlist that accepts such an origin does wrong. */
    public enum Kind {
        RANDOM("random origin", "it reflects any Origin (cors origin: true, or a callback that echoes the request)"),
        NULL("null origin", "it allows the opaque origin null, which any site can send from a sandboxed iframe"),
        SUFFIX("suffix after", "it matches only the start of the origin (startsWith, or a regex without $)"),
        PREFIX("prefix before", "it matches only the end of the origin (endsWith, or a regex without ^)"),
        UNESCAPED_DOT("unescaped dot in", "a regex leaves a dot unescaped, so it matches any character"),
        PLAIN_HTTP("http:// twin of", "it ignores the scheme, so a plain-http page a network attacker injects into "
                + "is trusted"),
        SUBDOMAIN("subdomain of", "it trusts every subdomain, so one taken-over subdomain can read the API"),
        PREVIEW("Vercel preview deployment", "it allows *.vercel.app, where anyone can deploy");

        private final String label;
        private final String mistake;

        Kind(String label, String mistake) {
            this.label = label;
            this.mistake = mistake;
        }

        public String mistake() {
            return mistake;
        }
    }

    /** One origin to send, and how messages name it. */
    public record Foreign(String origin, Kind kind, String label) {
    }

    /** A host under a reserved TLD, so no real site is ever named. */
    private static final String SUFFIX_DOMAIN = "smokegate-foreign.test";
    private static final String PREVIEW_ORIGIN = "https://smokegate-preview.vercel.app";

    /**
     * Random so that no server can special-case a well-known probe origin, but fixed for the JVM: the three cors.*
     * checks must ask for the identical observation key to share one set of requests.
     */
    private static final String RANDOM_ORIGIN = "https://smokegate-" + nonce() + ".example.net";

    private ForeignOrigins() {
    }

    public static List<Foreign> of(EnvironmentConfig config) {
        return of(config.cors().allowedOrigins(config), config.cors().allowPreviewOrigins());
    }

    /** In a fixed order, without duplicates and without any origin that is itself allowed. */
    public static List<Foreign> of(List<String> allowedOrigins, boolean allowPreviewOrigins) {
        Map<String, Foreign> foreign = new LinkedHashMap<>();
        add(foreign, new Foreign(RANDOM_ORIGIN, Kind.RANDOM, Kind.RANDOM.label));
        add(foreign, new Foreign("null", Kind.NULL, Kind.NULL.label));
        for (String allowed : allowedOrigins) {
            variants(allowed).forEach(v -> add(foreign, v));
        }
        if (!allowPreviewOrigins) {
            add(foreign, new Foreign(PREVIEW_ORIGIN, Kind.PREVIEW, Kind.PREVIEW.label));
        }
        allowedOrigins.forEach(foreign::remove);
        return List.copyOf(foreign.values());
    }

    private static void add(Map<String, Foreign> foreign, Foreign origin) {
        foreign.putIfAbsent(origin.origin(), origin);
    }

    private static List<Foreign> variants(String allowed) {
        URI url = URI.create(allowed);
        String scheme = url.getScheme();
        String host = url.getHost();
        String port = url.getPort() == -1 ? "" : ":" + url.getPort();
        List<Foreign> variants = new ArrayList<>();
        variants.add(variant(Kind.SUFFIX, allowed, scheme + "://" + host + "." + SUFFIX_DOMAIN + port));
        variants.add(variant(Kind.PREFIX, allowed, scheme + "://evil" + host + port));
        // One variant per dot rather than only the first: a hand-written regex is often escaped in some places and
        // not others, and each unescaped dot is its own hole. Replacing the last dot gives a name nobody can
        // register, but a matcher that accepts it has the same bug, and one request per dot is cheap.
        for (int dot = host.indexOf('.'); dot >= 0; dot = host.indexOf('.', dot + 1)) {
            String mangled = host.substring(0, dot) + "x" + host.substring(dot + 1);
            variants.add(variant(Kind.UNESCAPED_DOT, allowed, scheme + "://" + mangled + port));
        }
        if (scheme.equals("https")) {
            variants.add(variant(Kind.PLAIN_HTTP, allowed, "http://" + host + port));
        }
        variants.add(variant(Kind.SUBDOMAIN, allowed, scheme + "://evil." + host + port));
        return variants;
    }

    private static Foreign variant(Kind kind, String allowed, String origin) {
        return new Foreign(origin, kind, kind.label + " " + allowed);
    }

    private static String nonce() {
        SecureRandom random = new SecureRandom();
        StringBuilder nonce = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            nonce.append(Character.forDigit(random.nextInt(36), 36));
        }
        return nonce.toString();
    }
}
