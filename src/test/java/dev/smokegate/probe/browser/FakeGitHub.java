package dev.smokegate.probe.browser;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.smokegate.config.ConnectTo;
import dev.smokegate.config.HostMapping;
import dev.smokegate.reference.pki.CertificateAuthority;
import dev.smokegate.reference.pki.IssuedCertificate;
import dev.smokegate.reference.pki.LeafSpec;
import dev.smokegate.reference.pki.Pem;
import dev.smokegate.reference.pki.TlsContexts;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

/**
 * A GitHub and an app on one loopback HTTPS server, for the browser flow's own tests (the reference deployment has
 * the real app): GitHub's sign-in, two-factor and consent pages with GitHub's ids, an app that starts the login,
 * takes the callback, sets a session cookie and answers "who am I", and a third-party host that logs the Referer
 * it gets. Host names are told apart by the Host header; the browser reaches them through connect-to mappings.
 * Each {@link Fault} breaks one thing.
 */
public final class FakeGitHub implements AutoCloseable {

    public static final String GITHUB = "github.fake.test";
    public static final String APP = "app.fake.test";
    public static final String API = "api.fake.test";
    public static final String THIRD_PARTY = "cdn.elsewhere.test";
    public static final String LOGIN = "smokegate-bot";
    public static final String CLIENT_ID = "Iv1.fake";

    public enum Fault {
        DEVICE_VERIFICATION, CONSENT_NEVER_ENABLED, TOKEN_IN_LOCAL_STORAGE, CODE_IN_FINAL_URL, TOKEN_IN_PAGE,
        TOKEN_IN_REFERER, COOKIE_WITHOUT_HTTPONLY, COOKIE_SAMESITE_NONE, COOKIE_FOR_PARENT_DOMAIN, COOKIE_FOR_A_YEAR,
        LOGOUT_KEEPS_SESSION, CALLBACK_REFUSES, CALLBACK_ON_ANOTHER_HOST
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final CertificateAuthority ROOT = CertificateAuthority.createRoot("Browser Test Root");

    public final String password = "pw-" + random(12);
    public final String totpSecret = base32(random(10));
    public final String token = "gho_" + random(18);
    private final Set<Fault> faults;
    private final HttpsServer server;
    private final Map<String, String> pendingStates = new ConcurrentHashMap<>();
    private final Map<String, Boolean> codes = new ConcurrentHashMap<>();
    private final Set<String> githubSessions = ConcurrentHashMap.newKeySet();
    private final Set<String> appSessions = ConcurrentHashMap.newKeySet();
    private final Set<Long> usedSteps = ConcurrentHashMap.newKeySet();
    private volatile boolean authorised;
    public final List<String> thirdPartyReferers = new java.util.concurrent.CopyOnWriteArrayList<>();

    public FakeGitHub(Fault... faults) throws IOException {
        this.faults = faults.length == 0 ? EnumSet.noneOf(Fault.class) : EnumSet.of(faults[0], faults);
        IssuedCertificate leaf = ROOT.issueIntermediate("Browser Test CA")
                .issue(LeafSpec.forHosts(GITHUB, APP, API, THIRD_PARTY).build());
        server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(TlsContexts.server(leaf)));
        server.createContext("/", exchange -> {
            try (exchange) {
                handle(exchange);
            } catch (RuntimeException e) {
                exchange.sendResponseHeaders(500, -1);
            }
        });
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fake-github");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    /** Every host name mapped to this server. */
    public ConnectTo connectTo() {
        int port = server.getAddress().getPort();
        return new ConnectTo(List.of(GITHUB, APP, API, THIRD_PARTY).stream()
                .map(h -> new HostMapping(h, 443, "127.0.0.1", port)).toList());
    }

    public static Path writeRoot(Path dir) throws IOException {
        Path file = dir.resolve("browser-test-root.pem");
        Pem.writeCertificates(file, List.of(ROOT.certificate()));
        return file;
    }

    private void handle(HttpExchange ex) throws IOException {
        String host = Optional.ofNullable(ex.getRequestHeaders().getFirst("Host")).orElse("").replaceAll(":\\d+$", "");
        String path = ex.getRequestURI().getPath();
        Map<String, String> query = form(ex.getRequestURI().getRawQuery());
        Map<String, String> cookies = cookies(ex);
        Map<String, String> body = "POST".equals(ex.getRequestMethod())
                ? form(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)) : Map.of();
        switch (host + " " + ex.getRequestMethod() + " " + path) {
            case APP + " GET /" -> html(ex, 200, "App", page(ex)
                    + "<a id=\"sign-in-github\" href=\"https://" + API + "/auth/github\">Sign in with GitHub</a>");
            case API + " GET /auth/github" -> {
                String state = random(32);
                pendingStates.put(state, "");
                String callbackHost = faults.contains(Fault.CALLBACK_ON_ANOTHER_HOST) ? THIRD_PARTY : API;
                redirect(ex, "https://" + GITHUB + "/login/oauth/authorize?client_id=" + CLIENT_ID + "&redirect_uri="
                        + enc("https://" + callbackHost + "/auth/github/callback") + "&scope=read%3Auser&state="
                        + state);
            }
            case GITHUB + " GET /login/oauth/authorize" -> {
                if (!githubSessions.contains(cookies.getOrDefault("user_session", ""))) {
                    redirect(ex, "/login?return_to=" + enc(ex.getRequestURI().toString()));
                } else if (!authorised) {
                    String enable = faults.contains(Fault.CONSENT_NEVER_ENABLED) ? ""
                            : "<script>setTimeout(() => document.getElementById('js-oauth-authorize-btn')"
                            + ".disabled = false, 1000)</script>";
                    html(ex, 200, "Authorize application", "<form method=post action=/login/oauth/authorize>"
                            + hidden("redirect_uri", query.get("redirect_uri")) + hidden("state", query.get("state"))
                            + "<button id=js-oauth-authorize-btn name=authorize value=1 type=submit disabled>"
                            + "Authorize</button></form>" + enable);
                } else {
                    redirect(ex, query.get("redirect_uri") + "?code=" + newCode() + "&state=" + query.get("state"));
                }
            }
            case GITHUB + " POST /login/oauth/authorize" -> {
                authorised = true;
                redirect(ex, body.get("redirect_uri") + "?code=" + newCode() + "&state=" + body.get("state"));
            }
            case GITHUB + " GET /login" -> loginPage(ex, query.getOrDefault("return_to", "/"), "");
            case GITHUB + " POST /session" -> {
                if (!LOGIN.equals(body.get("login")) || !password.equals(body.get("password"))) {
                    loginPage(ex, body.getOrDefault("return_to", "/"), "Incorrect username or password.");
                } else {
                    String pending = random(16);
                    ex.getResponseHeaders().add("Set-Cookie", "_gh_sess=" + pending + "|" + enc(body
                            .getOrDefault("return_to", "/")) + "; Path=/; Secure; HttpOnly");
                    redirect(ex, faults.contains(Fault.DEVICE_VERIFICATION) ? "/sessions/verified-device"
                            : "/sessions/two-factor/app");
                }
            }
            case GITHUB + " GET /sessions/verified-device" -> html(ex, 200, "Device verification",
                    "<h1>Device verification</h1><input id=otp>");
            case GITHUB + " GET /sessions/two-factor/app" -> twoFactorPage(ex, "");
            case GITHUB + " POST /sessions/two-factor" -> {
                if (!validTotp(body.getOrDefault("app_otp", ""))) {
                    twoFactorPage(ex, "Two-factor authentication failed.");
                } else {
                    String session = random(16);
                    githubSessions.add(session);
                    String pending = cookies.getOrDefault("_gh_sess", "|/");
                    ex.getResponseHeaders().add("Set-Cookie", "user_session=" + session
                            + "; Path=/; Secure; HttpOnly");
                    redirect(ex, URLDecoder.decode(pending.substring(pending.indexOf('|') + 1),
                            StandardCharsets.UTF_8));
                }
            }
            case API + " GET /auth/github/callback" -> callback(ex, query);
            case API + " GET /api/me" -> {
                if (appSessions.contains(cookies.getOrDefault("sid", ""))) {
                    json(ex, 200, "{\"login\":\"" + LOGIN + "\"}");
                } else {
                    json(ex, 401, "{\"error\":\"not signed in\"}");
                }
            }
            case API + " POST /auth/logout" -> {
                if (!faults.contains(Fault.LOGOUT_KEEPS_SESSION)) {
                    appSessions.remove(cookies.getOrDefault("sid", ""));
                }
                ex.getResponseHeaders().add("Set-Cookie", "sid=; Path=/; Max-Age=0; Secure; HttpOnly");
                ex.sendResponseHeaders(204, -1);
            }
            case THIRD_PARTY + " GET /pixel.gif" -> {
                thirdPartyReferers.add(Optional.ofNullable(ex.getRequestHeaders().getFirst("Referer")).orElse(""));
                ex.getResponseHeaders().add("Content-Type", "image/gif");
                ex.sendResponseHeaders(204, -1);
            }
            default -> html(ex, 404, "Not found", "<h1>Not found</h1>");
        }
    }

    private void callback(HttpExchange ex, Map<String, String> query) throws IOException {
        String state = query.getOrDefault("state", "");
        String code = query.getOrDefault("code", "");
        if (faults.contains(Fault.CALLBACK_REFUSES) || pendingStates.remove(state) == null
                || !codes.replace(code, false, true)) {
            json(ex, 403, "{\"error\":\"bad state or code\"}");
            return;
        }
        String session = random(24);
        appSessions.add(session);
        String cookie = "sid=" + session + "; Path=/; Secure"
                + (faults.contains(Fault.COOKIE_WITHOUT_HTTPONLY) ? "" : "; HttpOnly")
                + (faults.contains(Fault.COOKIE_SAMESITE_NONE) ? "; SameSite=None" : "; SameSite=Lax")
                + (faults.contains(Fault.COOKIE_FOR_PARENT_DOMAIN) ? "; Domain=fake.test" : "")
                + (faults.contains(Fault.COOKIE_FOR_A_YEAR) ? "; Max-Age=31536000" : "; Max-Age=28800");
        ex.getResponseHeaders().add("Set-Cookie", cookie);
        String landing = "https://" + APP + "/";
        if (faults.contains(Fault.CODE_IN_FINAL_URL)) {
            landing += "?code=" + code;
        } else if (faults.contains(Fault.TOKEN_IN_LOCAL_STORAGE) || faults.contains(Fault.TOKEN_IN_PAGE)
                || faults.contains(Fault.TOKEN_IN_REFERER)) {
            landing += "?t=" + token;
        }
        redirect(ex, landing);
    }

    /** The app's page, with whatever a fault makes it do with what the callback gave it. */
    private String page(HttpExchange ex) {
        String query = Optional.ofNullable(ex.getRequestURI().getQuery()).orElse("");
        StringBuilder page = new StringBuilder("<h1>The app</h1>");
        if (query.contains("code=")) {
            page.append("<script>console.log('callback left ' + location.search)</script>");
        }
        if (faults.contains(Fault.TOKEN_IN_LOCAL_STORAGE)) {
            page.append("<script>const t = new URLSearchParams(location.search).get('t');"
                    + "if (t) { localStorage.setItem('auth', t); console.log('signed in with ' + t); }"
                    + "history.replaceState(null, '', '/');</script>");
        }
        if (faults.contains(Fault.TOKEN_IN_PAGE) && query.startsWith("t=")) {
            page.append("<div hidden data-token=\"").append(query.substring(2)).append("\"></div>");
            ex.getResponseHeaders().add("Referrer-Policy", "no-referrer");
        }
        if (faults.contains(Fault.TOKEN_IN_REFERER)) {
            ex.getResponseHeaders().add("Referrer-Policy", "unsafe-url");
            page.append("<img src=\"https://" + THIRD_PARTY + "/pixel.gif\" alt=\"\">");
        }
        return page.toString();
    }

    private void loginPage(HttpExchange ex, String returnTo, String error) throws IOException {
        html(ex, 200, "Sign in to GitHub", (error.isEmpty() ? "" : "<div class=\"flash-error\">" + error + "</div>")
                + "<form action=/session method=post>" + hidden("return_to", returnTo)
                + "<input id=login_field name=login><input id=password name=password type=password>"
                + "<input type=submit name=commit value=\"Sign in\"></form>");
    }

    private void twoFactorPage(HttpExchange ex, String error) throws IOException {
        html(ex, 200, "Two-factor authentication", (error.isEmpty() ? ""
                : "<div class=\"flash-error\">" + error + "</div>")
                + "<form action=/sessions/two-factor method=post>"
                + "<input id=app_totp name=app_otp autocomplete=one-time-code maxlength=6>"
                + "<button type=submit>Verify</button></form>");
    }

    private boolean validTotp(String code) {
        long now = Totp.step(Instant.now());
        Totp totp = Totp.ofBase32(totpSecret);
        for (long step = now - 1; step <= now + 1; step++) {
            if (totp.code(step).equals(code)) {
                return usedSteps.add(step);
            }
        }
        return false;
    }

    private String newCode() {
        String code = random(10);
        codes.put(code, false);
        return code;
    }

    /** Every OAuth code this GitHub handed out so far. */
    public List<String> issuedCodes() {
        return List.copyOf(codes.keySet());
    }

    private static void html(HttpExchange ex, int status, String title, String body) throws IOException {
        send(ex, status, "text/html; charset=utf-8", "<!doctype html><html><head><title>" + title
                + "</title></head><body>" + body + "</body></html>");
    }

    private static void json(HttpExchange ex, int status, String body) throws IOException {
        send(ex, status, "application/json", body);
    }

    private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", type);
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
    }

    private static void redirect(HttpExchange ex, String location) throws IOException {
        ex.getResponseHeaders().add("Location", location);
        ex.sendResponseHeaders(302, -1);
    }

    private static String hidden(String name, String value) {
        return "<input type=hidden name=" + name + " value=\"" + value.replace("\"", "&quot;") + "\">";
    }

    private static Map<String, String> cookies(HttpExchange ex) {
        Map<String, String> out = new HashMap<>();
        for (String header : ex.getRequestHeaders().getOrDefault("Cookie", List.of())) {
            for (String pair : header.split(";\\s*")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    out.put(pair.substring(0, eq), pair.substring(eq + 1));
                }
            }
        }
        return out;
    }

    private static Map<String, String> form(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return out;
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    private static String base32(String seed) {
        StringBuilder out = new StringBuilder();
        for (char c : seed.toCharArray()) {
            out.append("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".charAt(c % 32));
        }
        return out.toString();
    }

    URI url(String host, String path) {
        return URI.create("https://" + host + path);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
