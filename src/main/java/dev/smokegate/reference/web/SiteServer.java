package dev.smokegate.reference.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import dev.smokegate.reference.pki.TlsServerSettings;
import dev.smokegate.reference.services.Loopback;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * A JDK HTTP(S) server on a free loopback port that hands each request to the {@link Site} named by its Host header.
 * Requests for other hosts get 421 Misdirected Request, as a TLS front end does for names it does not serve.
 * It can be broken below HTTP too: stop listening ({@link #refuseConnections()}: clients are refused, as when the
 * server process died) or present another host's certificate ({@link #presentCertificateOf}), until
 * {@link #restore()}.
 */
public final class SiteServer implements AutoCloseable {

    private static final int WORKER_THREADS = 8;
    /** Forms and small JSON: the sites take nothing bigger, as an edge with a body limit would not. */
    private static final int MAX_BODY_BYTES = 64 * 1024;

    /** The TLS an HTTPS server speaks: the context decides the chain, the parameters protocols and suites. */
    private record Tls(SSLContext context, SSLParameters parameters) {

        HttpsConfigurator configurator() {
            return new HttpsConfigurator(context) {
                @Override
                public void configure(HttpsParameters connection) {
                    connection.setSSLParameters(parameters);
                }
            };
        }
    }

    private final String name;
    private final Optional<Tls> tls;
    private final Map<String, Site> sitesByHost;
    private final ExecutorService workers;
    private final Set<HttpExchange> held = ConcurrentHashMap.newKeySet();
    private final int port;
    /** Null while refusing connections. */
    private HttpServer server;
    /** The TLS the running server speaks: its own, or another host's while presenting that one's certificate. */
    private Optional<Tls> presented;

    private SiteServer(String name, Optional<Tls> tls, Map<String, Site> sitesByHost) throws IOException {
        this.name = name;
        this.tls = tls;
        this.sitesByHost = Map.copyOf(sitesByHost);
        this.workers = Executors.newFixedThreadPool(WORKER_THREADS, daemonThreads(name));
        this.presented = tls;
        this.server = listen(new InetSocketAddress(Loopback.ADDRESS, 0));
        this.port = server.getAddress().getPort();
    }

    /** One origin over TLS with {@link TlsServerSettings#MODERN} settings; the context decides the chain. */
    public static SiteServer https(String host, SSLContext tls, Site site) throws IOException {
        return https(host, tls, TlsServerSettings.MODERN, site);
    }

    /** One origin over TLS; context and settings decide chain, protocols and suites for this host alone. */
    public static SiteServer https(String host, SSLContext tls, TlsServerSettings settings, Site site)
            throws IOException {
        return new SiteServer("https-" + host, Optional.of(new Tls(tls, settings.applyTo(tls))), Map.of(host, site));
    }

    /** Plain HTTP for several hosts on one port, told apart by the Host header. */
    public static SiteServer http(Map<String, Site> sitesByHost) throws IOException {
        return new SiteServer("http", Optional.empty(), sitesByHost);
    }

    public int port() {
        return port;
    }

    /** Ends every request a handler left unanswered ({@link Reply#noAnswer()}) by closing its connection. */
    public void releaseHeldExchanges() {
        for (HttpExchange exchange : List.copyOf(held)) {
            held.remove(exchange);
            exchange.close();
        }
    }

    /** Stops listening, so connections to the port are refused until {@link #restore()}. */
    public synchronized void refuseConnections() {
        if (server != null) {
            releaseHeldExchanges();
            server.stop(0);
            server = null;
        }
    }

    /**
     * Presents the certificate (and chain) {@code other} presents, with this server's protocols and suites. The
     * JDK fixes a server's TLS context when it starts, so the server starts again on the same port.
     */
    public synchronized void presentCertificateOf(SiteServer other) throws IOException {
        Tls theirs = other.tls.orElseThrow(() -> new IllegalArgumentException(other.name + " speaks no TLS"));
        relisten(Optional.of(new Tls(theirs.context(), tls.orElseThrow().parameters())));
    }

    /** Undoes everything that broke this server: answers held requests, listens again, presents its own chain. */
    public synchronized void restore() throws IOException {
        releaseHeldExchanges();
        if (server == null || !presented.equals(tls)) {
            relisten(tls);
        }
    }

    private void relisten(Optional<Tls> speaking) throws IOException {
        refuseConnections();
        presented = speaking;
        server = listen(new InetSocketAddress(Loopback.ADDRESS, port));
    }

    @Override
    public synchronized void close() {
        refuseConnections();
        workers.shutdownNow();
    }

    private HttpServer listen(InetSocketAddress address) throws IOException {
        HttpServer created;
        if (presented.isPresent()) {
            HttpsServer https = HttpsServer.create(address, 0);
            https.setHttpsConfigurator(presented.get().configurator());
            created = https;
        } else {
            created = HttpServer.create(address, 0);
        }
        created.createContext("/", this::exchange);
        created.setExecutor(workers);
        // The JDK's dispatcher thread inherits daemon status from the thread calling start(). Starting from a daemon
        // thread lets the JVM exit, and the deployment's shutdown hook clean up, even if a caller forgets close().
        Thread starter = new Thread(created::start, name + "-start");
        starter.setDaemon(true);
        starter.start();
        try {
            starter.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            created.stop(0);
            throw new IOException("interrupted while starting " + name, e);
        }
        return created;
    }

    private void exchange(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readNBytes(MAX_BODY_BYTES + 1);
        }
        Request request = new Request(exchange.getRequestMethod(), tls.isPresent(),
                Request.hostWithoutPort(exchange.getRequestHeaders().getFirst("Host")),
                exchange.getRequestURI().getRawPath(), exchange.getRequestURI().getRawQuery(),
                exchange.getRequestHeaders(), body);
        Site site = sitesByHost.get(request.host());
        Reply reply = site == null ? Response.text(421, "misdirected request\n")
                : body.length > MAX_BODY_BYTES ? Response.text(413, "request body too large\n")
                : site.answer(request);
        if (reply instanceof Response) {
            send(exchange, request, (Response) reply);
        } else {
            held.add(exchange);
        }
    }

    private static void send(HttpExchange exchange, Request request, Response response) throws IOException {
        response.headers().forEach((header, values) -> exchange.getResponseHeaders().put(header, values));
        byte[] body = response.body();
        if (request.isHead() || body.length == 0) {
            exchange.sendResponseHeaders(response.status(), -1);
            exchange.close();
            return;
        }
        exchange.sendResponseHeaders(response.status(), body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static ThreadFactory daemonThreads(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "smokegate-ref-" + name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
