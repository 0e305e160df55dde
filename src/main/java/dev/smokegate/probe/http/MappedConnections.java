package dev.smokegate.probe.http;

import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.config.ConnectTo;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import org.apache.http.HttpHost;
import org.apache.http.conn.ConnectTimeoutException;
import org.apache.http.conn.DnsResolver;
import org.apache.http.conn.HttpInetSocketAddress;
import org.apache.http.conn.scheme.SchemeLayeredSocketFactory;
import org.apache.http.conn.scheme.SchemeSocketFactory;
import org.apache.http.impl.conn.SystemDefaultDnsResolver;
import org.apache.http.params.HttpParams;

/**
 * curl's {@code --connect-to} for rest-assured's HttpClient 4: a mapped {@code host:port} is dialled at the mapped
 * address while the client keeps the original {@link HttpHost}, so the Host header, SNI and hostname verification
 * all still use the public name. rest-assured only accepts the legacy client API, hence the deprecated types.
 */
@SuppressWarnings("deprecation")
final class MappedConnections {

    private MappedConnections() {
    }

    /**
     * HttpClient resolves a host before it knows the port, but a mapping is for one {@code host:port}. So a host
     * with any mapped port is not looked up here (a not-yet-public name would not resolve); the socket factory
     * decides per port when it connects.
     */
    static DnsResolver resolver(EnvironmentConfig config) {
        return host -> config.connectTo().mapsAnyPortOf(host) ? new InetAddress[] {DECIDED_ON_CONNECT}
                : systemResolve(host);
    }

    /** TEST-NET-1 (RFC 5737): never routed, so a connection that skipped the decision would fail, not go astray. */
    private static final InetAddress DECIDED_ON_CONNECT = testNet();

    private static InetAddress testNet() {
        try {
            return InetAddress.getByAddress(new byte[] {(byte) 192, 0, 2, 0});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static InetAddress[] systemResolve(String host) throws UnknownHostException {
        try {
            return SystemDefaultDnsResolver.INSTANCE.resolve(host);
        } catch (UnknownHostException e) {
            throw new UnknownHostException("could not resolve host " + host);
        }
    }

    /** For plain http: must not be a layered factory, or HttpClient plans a secure route for it. */
    static SchemeSocketFactory plain(SchemeSocketFactory delegate, EnvironmentConfig config, WireTimer timer) {
        return new Plain(delegate, config, timer);
    }

    static SchemeSocketFactory layered(SchemeLayeredSocketFactory delegate, EnvironmentConfig config,
                                       WireTimer timer) {
        return new Layered(delegate, config, timer);
    }

    private static class Plain implements SchemeSocketFactory {
        private final SchemeSocketFactory delegate;
        private final EnvironmentConfig config;
        private final WireTimer timer;

        Plain(SchemeSocketFactory delegate, EnvironmentConfig config, WireTimer timer) {
            this.delegate = delegate;
            this.config = config;
            this.timer = timer;
        }

        /** The plain socket HttpClient then connects (and layers TLS on): the one the request's cap closes. */
        @Override
        public Socket createSocket(HttpParams params) throws IOException {
            return timer.track(delegate.createSocket(params));
        }

        @Override
        public Socket connectSocket(Socket socket, InetSocketAddress remote, InetSocketAddress local,
                                    HttpParams params) throws IOException, ConnectTimeoutException {
            timer.dialling();
            return delegate.connectSocket(socket, mapped(remote, config), local, params);
        }

        @Override
        public boolean isSecure(Socket socket) {
            return delegate.isSecure(socket);
        }
    }

    private static final class Layered extends Plain implements SchemeLayeredSocketFactory {
        private final SchemeLayeredSocketFactory layered;

        Layered(SchemeLayeredSocketFactory delegate, EnvironmentConfig config, WireTimer timer) {
            super(delegate, config, timer);
            this.layered = delegate;
        }

        @Override
        public Socket createLayeredSocket(Socket socket, String target, int port, HttpParams params)
                throws IOException {
            return layered.createLayeredSocket(socket, target, port, params);
        }
    }

    private static InetSocketAddress mapped(InetSocketAddress remote, EnvironmentConfig config)
            throws UnknownHostException {
        if (!(remote instanceof HttpInetSocketAddress addressed)) {
            return remote;
        }
        HttpHost host = addressed.getHttpHost();
        ConnectTo connectTo = config.connectTo();
        ConnectTo.Address dial = connectTo.dial(host.getHostName(), remote.getPort());
        if (dial.mapping().isPresent()) {
            return new HttpInetSocketAddress(host, InetAddress.getByName(dial.host()), dial.port());
        }
        if (connectTo.mapsAnyPortOf(host.getHostName())) {
            // Another port of this host is mapped, not this one: it goes where public DNS says, as with curl.
            return new HttpInetSocketAddress(host, systemResolve(host.getHostName())[0], remote.getPort());
        }
        return remote;
    }
}
