package dev.smokegate.config;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed {@code REDIS_URL}: {@code rediss://[user]:password@host:port[/db]} (TLS) or {@code redis://...}
 * (plaintext). {@link #toString()} is {@code host:port}: the password never leaves this record by accident.
 *
 * @param user     the ACL user; empty for Redis' {@code default} user (a URL with {@code :password@} only)
 * @param password the password, percent-decoded; empty when the URL carries none
 */
public record RedisUrl(boolean tls, Optional<String> user, Optional<String> password, String host, int port,
                       int database) {

    public static final int DEFAULT_PORT = 6379;
    /** What {@link #parse} expects, for messages. */
    public static final String FORM = "rediss://[user]:password@host:port[/db]";

    private static final Pattern HOST = Pattern.compile("\\[[0-9A-Fa-f:.]+]|[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?");
    private static final Pattern AUTHORITY = Pattern.compile("(\\[[^]]*]|[^:]*)(?::(.*))?");

    /**
     * The URL's parts, or why it is not a Redis URL. The reason never quotes the URL, which holds the password. A
     * password may contain {@code @}, {@code /} or {@code :} unencoded, as generated passwords sometimes do: the host
     * starts after the last {@code @}.
     */
    public static Parsed parse(String text) {
        String url = text.strip();
        int separator = url.indexOf("://");
        if (separator < 0) {
            return Parsed.problem("it does not start with redis:// or rediss://");
        }
        String scheme = url.substring(0, separator).toLowerCase(Locale.ROOT);
        if (!scheme.equals("redis") && !scheme.equals("rediss")) {
            return Parsed.problem("the scheme must be redis:// or rediss://"
                    + (scheme.matches("[a-z+.-]{1,10}") ? ", not " + scheme + "://" : ""));
        }
        String rest = url.substring(separator + 3);
        int at = rest.lastIndexOf('@');
        String userInfo = at < 0 ? null : rest.substring(0, at);
        String afterUserInfo = rest.substring(at + 1);
        int authorityEnd = firstOf(afterUserInfo, "/?#");
        String authority = afterUserInfo.substring(0, authorityEnd);
        Matcher hostAndPort = AUTHORITY.matcher(authority);
        if (authority.isEmpty() || !hostAndPort.matches() || !HOST.matcher(hostAndPort.group(1)).matches()) {
            return Parsed.problem("it names no valid host");
        }
        String host = hostAndPort.group(1);
        Optional<Integer> port = hostAndPort.group(2) == null ? Optional.of(DEFAULT_PORT) : number(hostAndPort.group(2))
                .filter(p -> p >= 1 && p <= 65535);
        if (port.isEmpty()) {
            return Parsed.problem("the port is not a number from 1 to 65535");
        }
        String path = afterUserInfo.substring(authorityEnd);
        path = path.substring(0, firstOf(path, "?#"));
        Optional<Integer> database = path.isEmpty() || path.equals("/") ? Optional.of(0)
                : number(path.substring(1)).filter(d -> d <= 65535);
        if (!path.startsWith("/") && !path.isEmpty() || database.isEmpty()) {
            return Parsed.problem("the path must be a database number such as /0");
        }
        Optional<String> user = Optional.empty();
        Optional<String> password = Optional.empty();
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            String name = colon < 0 ? userInfo : userInfo.substring(0, colon);
            user = Optional.of(decoded(name)).filter(u -> !u.isEmpty());
            password = colon < 0 ? Optional.empty() : Optional.of(decoded(userInfo.substring(colon + 1)))
                    .filter(p -> !p.isEmpty());
        }
        return new Parsed(Optional.of(new RedisUrl(scheme.equals("rediss"), user, password, host, port.get(),
                database.get())), Optional.empty());
    }

    /** A URL, or the reason there is none. */
    public record Parsed(Optional<RedisUrl> url, Optional<String> problem) {
        static Parsed problem(String why) {
            return new Parsed(Optional.empty(), Optional.of(why));
        }
    }

    /** The host to dial and to verify the certificate against: an IPv6 literal without its brackets. */
    public String hostName() {
        return host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    }

    public String scheme() {
        return tls ? "rediss" : "redis";
    }

    /** {@code host:port}: how reports name this Redis. */
    @Override
    public String toString() {
        return host + ":" + port;
    }

    private static int firstOf(String text, String characters) {
        for (int i = 0; i < text.length(); i++) {
            if (characters.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return text.length();
    }

    private static Optional<Integer> number(String text) {
        return text.matches("\\d{1,5}") ? Optional.of(Integer.parseInt(text)) : Optional.empty();
    }

    /**
     * Percent-decoding as clients decode userinfo, but a {@code %} not followed by two hex digits stays as it is
     * (and {@code +} is a plus): a generated password is more likely to contain them than to be mis-encoded.
     */
    private static String decoded(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' && i + 2 < text.length() && Character.digit(text.charAt(i + 1), 16) >= 0
                    && Character.digit(text.charAt(i + 2), 16) >= 0) {
                bytes.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
