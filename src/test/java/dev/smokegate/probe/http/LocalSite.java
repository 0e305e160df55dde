package dev.smokegate.probe.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.smokegate.reference.pki.CertificateAuthority;
import dev.smokegate.reference.pki.IssuedCertificate;
import dev.smokegate.reference.pki.LeafSpec;
import dev.smokegate.reference.pki.Pem;
import dev.smokegate.reference.pki.TlsContexts;
import dev.smokegate.reference.services.Loopback;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTPS (or plain HTTP) server on loopback for the transport self-tests, with a certificate from its own test
 * root for the given host names: every path answers alike, and requests are counted per path.
 */
public final class LocalSite implements AutoCloseable {

    private static final CertificateAuthority ROOT = CertificateAuthority.createRoot("Transport Test Root");

    private final HttpServer server;
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    private Runnable onClose = () -> { };

    /** Answers one request. */
    @FunctionalInterface
    private interface Responder {
        void respond(HttpExchange exchange) throws IOException;
    }

    private LocalSite(HttpServer server, Responder responder) {
        this.server = server;
        server.createContext("/", exchange -> {
            requests.computeIfAbsent(exchange.getRequestURI().getPath(), p -> new AtomicInteger()).incrementAndGet();
            try (exchange) {
                responder.respond(exchange);
            }
        });
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "local-site");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
    }

    /** An HTTPS site for {@code hosts} answering {@code status} with {@code body} on every path. */
    public static LocalSite https(List<String> hosts, int status, String contentType, String body)
            throws IOException {
        return new LocalSite(httpsServer(hosts), fixed(status, contentType, body));
    }

    /**
     * An HTTPS site for {@code hosts} that answers 200 with a {@code declared}-byte body at once, sends the first
     * {@code sent} bytes of it and then nothing more, holding the connection open.
     */
    public static LocalSite stalling(List<String> hosts, int sent, int declared) throws IOException {
        CountDownLatch closed = new CountDownLatch(1);
        LocalSite site = new LocalSite(httpsServer(hosts), exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/plain");
            exchange.sendResponseHeaders(200, declared);
            exchange.getResponseBody().write(new byte[sent]);
            exchange.getResponseBody().flush();
            try {
                closed.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        site.onClose = closed::countDown;
        return site;
    }

    /** A plain-HTTP site answering {@code status} with {@code body} on every path. */
    public static LocalSite http(int status, String contentType, String body) throws IOException {
        return new LocalSite(HttpServer.create(new InetSocketAddress(Loopback.ADDRESS, 0), 0),
                fixed(status, contentType, body));
    }

    private static HttpsServer httpsServer(List<String> hosts) throws IOException {
        IssuedCertificate leaf = ROOT.issueIntermediate("Transport Test CA")
                .issue(LeafSpec.forHosts(hosts.toArray(String[]::new)).build());
        HttpsServer server = HttpsServer.create(new InetSocketAddress(Loopback.ADDRESS, 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(TlsContexts.server(leaf)));
        return server;
    }

    private static Responder fixed(int status, String contentType, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return exchange -> {
            exchange.getResponseHeaders().add("Content-Type", contentType);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        };
    }

    /** Writes the test root, which every HTTPS site's chain leads to, for {@code --ca-file}. */
    public static Path writeRoot(Path dir) throws IOException {
        Path file = dir.resolve("transport-test-root.pem");
        Pem.writeCertificates(file, List.of(ROOT.certificate()));
        return file;
    }

    public InetSocketAddress address() {
        return new InetSocketAddress(Loopback.ADDRESS, server.getAddress().getPort());
    }

    /** Requests received for {@code path} so far. */
    public int requests(String path) {
        return requests.getOrDefault(path, new AtomicInteger()).get();
    }

    @Override
    public void close() {
        onClose.run();
        server.stop(0);
    }
}
