package dev.smokegate.probe.db;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;

/**
 * The run's trust (system roots plus the extra CA) for pgjdbc, which takes an SSL socket factory only as a class
 * name: {@link #register} files the run's context under a key that travels in the connection properties, and pgjdbc's
 * instance looks it up. pgjdbc itself still checks the host name for {@code sslmode=verify-full}.
 */
public final class RunTrustSslFactory extends SSLSocketFactory {

    /** The connection property that carries the key; pgjdbc ignores properties it does not know. */
    static final String KEY_PROPERTY = "smokegateTrustKey";
    private static final Map<String, SSLContext> CONTEXTS = new ConcurrentHashMap<>();

    private final SSLSocketFactory delegate;

    /** Called by pgjdbc with the connection's properties. */
    public RunTrustSslFactory(Properties info) {
        SSLContext context = CONTEXTS.get(String.valueOf(info.getProperty(KEY_PROPERTY)));
        if (context == null) {
            throw new IllegalStateException("no trust registered for this connection");
        }
        this.delegate = context.getSocketFactory();
    }

    /** Sets {@code properties} up to use {@code trust}; close the returned registration once connected. */
    static Registration register(SSLContext trust, Properties properties) {
        String key = UUID.randomUUID().toString();
        CONTEXTS.put(key, trust);
        properties.setProperty("sslfactory", RunTrustSslFactory.class.getName());
        properties.setProperty(KEY_PROPERTY, key);
        return () -> CONTEXTS.remove(key);
    }

    /** Ends a registration; the context is needed only while pgjdbc connects. */
    interface Registration extends AutoCloseable {
        @Override
        void close();
    }

    @Override
    public String[] getDefaultCipherSuites() {
        return delegate.getDefaultCipherSuites();
    }

    @Override
    public String[] getSupportedCipherSuites() {
        return delegate.getSupportedCipherSuites();
    }

    @Override
    public Socket createSocket(Socket socket, String host, int port, boolean autoClose) throws IOException {
        return delegate.createSocket(socket, host, port, autoClose);
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return delegate.createSocket(host, port);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return delegate.createSocket(host, port, localHost, localPort);
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return delegate.createSocket(host, port);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return delegate.createSocket(address, port, localAddress, localPort);
    }
}
