package dev.smokegate.reference.revocation;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.smokegate.reference.pki.CaEndpoints;
import dev.smokegate.reference.pki.CertificateAuthority;
import dev.smokegate.reference.pki.CrlPublisher;
import dev.smokegate.reference.pki.OcspResponder;
import dev.smokegate.reference.services.Loopback;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reference PKI's publication point on plain HTTP, as public CAs run it: per CA, its certificate
 * ({@code /ca/ID.cer}), an OCSP responder ({@code /ocsp/ID}, POST or RFC 6960 GET) and its CRL ({@code /crl/ID.crl}).
 * It starts before any CA exists, so CAs can name its URLs ({@link #endpointsFor}) in what they issue, and answers
 * for a CA once it is {@link #publish published}.
 */
public final class RevocationServer implements AutoCloseable {

    private static final int WORKER_THREADS = 4;
    /** An OCSP request for a handful of certificates is a few hundred bytes; anything huge is not one. */
    private static final int MAX_REQUEST_BYTES = 64 * 1024;
    private static final Pattern CA_ID = Pattern.compile("[a-z0-9-]+");
    private static final Pattern OCSP_GET = Pattern.compile("/ocsp/([a-z0-9-]+)/(.+)");
    private static final Pattern OCSP_POST = Pattern.compile("/ocsp/([a-z0-9-]+)/?");
    private static final Pattern CRL = Pattern.compile("/crl/([a-z0-9-]+)\\.crl");
    private static final Pattern CA_CERTIFICATE = Pattern.compile("/ca/([a-z0-9-]+)\\.cer");

    private final HttpServer server;
    private final ExecutorService workers;
    private final Map<String, Published> published = new ConcurrentHashMap<>();
    private final AtomicInteger ocspRequests = new AtomicInteger();
    private final AtomicInteger crlRequests = new AtomicInteger();

    private record Published(CertificateAuthority ca, OcspResponder ocsp, CrlPublisher crl) {
    }

    private RevocationServer(HttpServer server, ExecutorService workers) {
        this.server = server;
        this.workers = workers;
    }

    /** Binds a free loopback port and starts answering (404 until a CA is published). */
    public static RevocationServer start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(Loopback.ADDRESS, 0), 0);
        AtomicInteger threads = new AtomicInteger();
        ExecutorService workers = Executors.newFixedThreadPool(WORKER_THREADS, runnable -> {
            Thread thread = new Thread(runnable, "smokegate-ref-revocation-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        RevocationServer revocation = new RevocationServer(server, workers);
        server.createContext("/", revocation::exchange);
        server.setExecutor(workers);
        // As in SiteServer: the dispatcher inherits daemon status from the starting thread, so the JVM can still exit
        // (and the deployment's shutdown hook clean up) if a caller forgets close().
        Thread starter = new Thread(server::start, "smokegate-ref-revocation-start");
        starter.setDaemon(true);
        starter.start();
        try {
            starter.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            revocation.close();
            throw new IOException("interrupted while starting the revocation server", e);
        }
        return revocation;
    }

    /** The URLs the CA published as {@code caId} answers at; {@code caId} is lower-case letters, digits and dashes. */
    public CaEndpoints endpointsFor(String caId) {
        if (!CA_ID.matcher(caId).matches()) {
            throw new IllegalArgumentException("CA id must match " + CA_ID + ": " + caId);
        }
        String base = "http://" + Loopback.HOST + ":" + port();
        return new CaEndpoints(URI.create(base + "/ca/" + caId + ".cer"), URI.create(base + "/ocsp/" + caId),
                URI.create(base + "/crl/" + caId + ".crl"));
    }

    /** Answers for {@code ca} at {@link #endpointsFor endpointsFor(caId)} from now on. */
    public void publish(String caId, CertificateAuthority ca) {
        endpointsFor(caId); // validates the id
        if (published.putIfAbsent(caId, new Published(ca, new OcspResponder(ca), new CrlPublisher(ca))) != null) {
            throw new IllegalStateException("a CA is already published as " + caId);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** OCSP requests answered so far (any CA, any outcome), so tests can tell whether a client asked. */
    public int ocspRequests() {
        return ocspRequests.get();
    }

    /** CRL downloads so far. */
    public int crlRequests() {
        return crlRequests.get();
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }

    private void exchange(HttpExchange exchange) throws IOException {
        try {
            route(exchange);
        } catch (RuntimeException e) {
            // Answer instead of dropping the connection, so a client reports a failed lookup rather than hanging.
            if (exchange.getResponseCode() == -1) {
                send(exchange, 500, "text/plain", "internal error\n".getBytes(StandardCharsets.UTF_8));
            }
        } finally {
            exchange.close();
        }
    }

    private void route(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        String method = exchange.getRequestMethod();
        Matcher match;
        if ("POST".equals(method) && (match = OCSP_POST.matcher(path)).matches()) {
            byte[] request = readBody(exchange.getRequestBody());
            answerOcsp(exchange, match.group(1), request);
        } else if ("GET".equals(method) && (match = OCSP_GET.matcher(path)).matches()) {
            // RFC 6960 A.1: base64 of the DER request, URL-encoded; the JDK's client uses GET for short requests.
            // A literal '+' is base64, not an encoded space.
            byte[] request;
            try {
                request = Base64.getDecoder().decode(
                        URLDecoder.decode(match.group(2).replace("+", "%2B"), StandardCharsets.US_ASCII));
            } catch (IllegalArgumentException e) {
                send(exchange, 400, "text/plain", "not a base64 OCSP request\n".getBytes(StandardCharsets.UTF_8));
                return;
            }
            answerOcsp(exchange, match.group(1), request);
        } else if ("GET".equals(method) && (match = CRL.matcher(path)).matches()) {
            Published ca = published.get(match.group(1));
            crlRequests.incrementAndGet();
            if (ca == null) {
                notFound(exchange);
            } else {
                send(exchange, 200, "application/pkix-crl", ca.crl().crl());
            }
        } else if ("GET".equals(method) && (match = CA_CERTIFICATE.matcher(path)).matches()) {
            Published ca = published.get(match.group(1));
            if (ca == null) {
                notFound(exchange);
            } else {
                send(exchange, 200, "application/pkix-cert", encoded(ca.ca()));
            }
        } else {
            notFound(exchange);
        }
    }

    private void answerOcsp(HttpExchange exchange, String caId, byte[] request) throws IOException {
        ocspRequests.incrementAndGet();
        Published ca = published.get(caId);
        if (ca == null) {
            notFound(exchange);
            return;
        }
        send(exchange, 200, "application/ocsp-response", ca.ocsp().respond(request));
    }

    private static byte[] readBody(InputStream body) throws IOException {
        byte[] bytes = body.readNBytes(MAX_REQUEST_BYTES + 1);
        if (bytes.length > MAX_REQUEST_BYTES) {
            throw new IllegalArgumentException("request body over " + MAX_REQUEST_BYTES + " bytes");
        }
        return bytes;
    }

    private static byte[] encoded(CertificateAuthority ca) {
        try {
            return ca.certificate().getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void notFound(HttpExchange exchange) throws IOException {
        send(exchange, 404, "text/plain", "not found\n".getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
