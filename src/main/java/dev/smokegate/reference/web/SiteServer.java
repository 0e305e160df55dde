package dev.smokegate.reference.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import dev.smokegate.reference.pki.TlsServerSettings;
import dev.smokegate.reference.services.Loopback;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
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
 */
public final class SiteServer implements AutoCloseable {

    private static final int WORKER_THREADS = 8;

    private final String name;
    private final HttpServer server;
    private final ExecutorService workers;
    private final Map<String, Site> sitesByHost;
    private final Set<HttpExchange> held = ConcurrentHashMap.newKeySet();

    private SiteServer(String name, HttpServer server, Map<String, Site> sitesByHost) {
        this.name = name;
        this.server = server;
        this.sitesByHost = Map.copyOf(sitesByHost);
        this.workers = Executors.newFixedThreadPool(WORKER_THREADS, daemonThreads(name));
    }

    /** One origin over TLS with {@link TlsServerSettings#MODERN} settings; the context decides the chain. */
    public static SiteServer https(String host, SSLContext tls, Site site) throws IOException {
        return https(host, tls, TlsServerSettings.MODERN, site);
    }

    /** One origin over TLS; context and settings decide chain, protocols and suites for this host alone. */
    public static SiteServer https(String host, SSLContext tls, TlsServerSettings settings, Site site)
            throws IOException {
        SSLParameters parameters = settings.applyTo(tls);
        HttpsServer server = HttpsServer.create(loopbackAnyPort(), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls) {
            @Override
            public void configure(HttpsParameters connection) {
                connection.setSSLParameters(parameters);
            }
        });
        return start(new SiteServer("https-" + host, server, Map.of(host, site)));
    }

    /** Plain HTTP for several hosts on one port, told apart by the Host header. */
    public static SiteServer http(Map<String, Site> sitesByHost) throws IOException {
        return start(new SiteServer("http", HttpServer.create(loopbackAnyPort(), 0), sitesByHost));
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Ends every request a handler left unanswered ({@link Reply#noAnswer()}) by closing its connection. */
    public void releaseHeldExchanges() {
        for (HttpExchange exchange : List.copyOf(held)) {
            held.remove(exchange);
            exchange.close();
        }
    }

    @Override
    public void close() {
        releaseHeldExchanges();
        server.stop(0);
        workers.shutdownNow();
    }

    private static SiteServer start(SiteServer siteServer) {
        siteServer.server.createContext("/", siteServer::exchange);
        siteServer.server.setExecutor(siteServer.workers);
        // The JDK's dispatcher thread inherits daemon status from the thread calling start(). Starting from a daemon
        // thread lets the JVM exit, and the deployment's shutdown hook clean up, even if a caller forgets close().
        Thread starter = new Thread(siteServer.server::start, siteServer.name + "-start");
        starter.setDaemon(true);
        starter.start();
        try {
            starter.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            siteServer.close();
            throw new IllegalStateException("interrupted while starting " + siteServer.name, e);
        }
        return siteServer;
    }

    private void exchange(HttpExchange exchange) throws IOException {
        Request request = new Request(exchange.getRequestMethod(),
                Request.hostWithoutPort(exchange.getRequestHeaders().getFirst("Host")),
                exchange.getRequestURI().getRawPath(), exchange.getRequestURI().getRawQuery(),
                exchange.getRequestHeaders());
        Site site = sitesByHost.get(request.host());
        Reply reply = site == null ? Response.text(421, "misdirected request\n") : site.answer(request);
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

    private static InetSocketAddress loopbackAnyPort() {
        return new InetSocketAddress(Loopback.ADDRESS, 0);
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
