package dev.smokegate.reference.ws;

import com.sun.net.httpserver.HttpServer;
import dev.smokegate.reference.services.Loopback;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The edge in front of a cluster's replicas: a {@link TcpBalancer} for port 443 (TLS passes through to the
 * replicas), and port 80, where a healthy edge answers every request with a redirect to https and never upgrades.
 * Cluster faults that live in the edge (silence, idle cuts, plaintext) are switched here.
 */
public final class ClusterFront implements AutoCloseable {

    private static final Duration IDLE_CUT = Duration.ofSeconds(5);

    private final String host;
    private final TcpBalancer tls;
    private final TcpBalancer plain;
    private final HttpServer redirect;

    private ClusterFront(String host, TcpBalancer tls, TcpBalancer plain, HttpServer redirect) {
        this.host = host;
        this.tls = tls;
        this.plain = plain;
        this.redirect = redirect;
    }

    /** @param tlsPorts the replicas' TLS ports, which port 443 spreads connections over */
    public static ClusterFront start(String host, List<Integer> tlsPorts) throws IOException {
        HttpServer redirect = HttpServer.create(new InetSocketAddress(Loopback.ADDRESS, 0), 0);
        redirect.createContext("/", exchange -> {
            exchange.getResponseHeaders().add("Location", "https://" + host + exchange.getRequestURI());
            exchange.sendResponseHeaders(308, -1);
            exchange.close();
        });
        redirect.start();
        TcpBalancer tls = null;
        try {
            tls = TcpBalancer.start(host + "-443", tlsPorts);
            TcpBalancer plain = TcpBalancer.start(host + "-80", List.of(redirect.getAddress().getPort()));
            return new ClusterFront(host, tls, plain, redirect);
        } catch (IOException e) {
            if (tls != null) {
                tls.close();
            }
            redirect.stop(0);
            throw e;
        }
    }

    public List<String> connectTo() {
        return List.of(host + ":443 -> " + Loopback.HOST + ":" + tls.port(),
                host + ":80 -> " + Loopback.HOST + ":" + plain.port());
    }

    /** {@link WsFault#NEVER_ANSWERS}: port 443 accepts and stays silent. */
    public void neverAnswer(boolean on) {
        tls.blackhole(on);
    }

    /** {@link WsFault#DROPS_IDLE_AFTER_5S}: the edge cuts connections idle for 5 s. */
    public void cutIdleConnections(boolean on) {
        tls.idleTimeout(on ? Optional.of(IDLE_CUT) : Optional.empty());
    }

    /** {@link WsFault#PLAINTEXT_SERVED}: port 80 reaches the replicas' plain listeners instead of redirecting. */
    public void servePlaintext(List<Integer> plainPorts) {
        plain.backends(plainPorts);
    }

    public void redirectPlaintext() {
        plain.backends(List.of(redirect.getAddress().getPort()));
    }

    /** Back to healthy: answering, no idle cuts, port 80 redirecting. */
    public void heal() {
        neverAnswer(false);
        cutIdleConnections(false);
        redirectPlaintext();
    }

    @Override
    public void close() {
        tls.close();
        plain.close();
        redirect.stop(0);
    }
}
