package dev.smokegate.probe.tls;

import dev.smokegate.reference.pki.Pem;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIMatcher;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.StandardConstants;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/** Real servers on loopback for the scanner's tests; each is closed (and its process killed) by the test. */
final class TestServers {

    private TestServers() {
    }

    /** A JDK TLS server sending {@code chain} exactly as given; it records the SNI names clients asked for. */
    static final class JdkServer implements AutoCloseable {
        private final SSLServerSocket socket;
        private final Thread acceptor;
        final Queue<String> serverNames = new ConcurrentLinkedQueue<>();

        JdkServer(List<X509Certificate> chain, PrivateKey key) throws IOException {
            this(chain, key, "TLSv1.3", "TLSv1.2");
        }

        JdkServer(List<X509Certificate> chain, PrivateKey key, String... protocols) throws IOException {
            this(InetAddress.getLoopbackAddress(), chain, key, protocols);
        }

        /** Listening on {@code address}, e.g. the IPv6 loopback. */
        JdkServer(InetAddress address, List<X509Certificate> chain, PrivateKey key, String... protocols)
                throws IOException {
            socket = (SSLServerSocket) context(chain, key).getServerSocketFactory()
                    .createServerSocket(0, 50, address);
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setProtocols(protocols);
            parameters.setSNIMatchers(List.of(new SNIMatcher(StandardConstants.SNI_HOST_NAME) {
                @Override
                public boolean matches(SNIServerName name) {
                    serverNames.add(((SNIHostName) name).getAsciiName());
                    return true;
                }
            }));
            socket.setSSLParameters(parameters);
            acceptor = new Thread(this::serve, "jdk-tls-test-server");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        /**
         * A server context whose key manager hands out {@code chain} verbatim. (A key store would refuse a chain in
         * the wrong order, and the reference PKI's contexts switch on JDK stapling, which these tests do not want.)
         */
        private static SSLContext context(List<X509Certificate> chain, PrivateKey key) {
            X509Certificate[] certificates = chain.toArray(X509Certificate[]::new);
            X509ExtendedKeyManager keyManager = new X509ExtendedKeyManager() {
                @Override
                public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
                    return keyType.equals(key.getAlgorithm()) ? "server" : null;
                }

                @Override
                public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
                    return keyType.equals(key.getAlgorithm()) ? "server" : null;
                }

                @Override
                public String[] getServerAliases(String keyType, Principal[] issuers) {
                    return keyType.equals(key.getAlgorithm()) ? new String[] {"server"} : null;
                }

                @Override
                public X509Certificate[] getCertificateChain(String alias) {
                    return certificates.clone();
                }

                @Override
                public PrivateKey getPrivateKey(String alias) {
                    return key;
                }

                @Override
                public String[] getClientAliases(String keyType, Principal[] issuers) {
                    return null;
                }

                @Override
                public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
                    return null;
                }
            };
            try {
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(new KeyManager[] {keyManager}, null, null);
                return context;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        private void serve() {
            while (!socket.isClosed()) {
                try (SSLSocket client = (SSLSocket) socket.accept()) {
                    client.setSoTimeout(5_000);
                    try {
                        client.startHandshake();
                    } catch (IOException handshakeCutOrRefused) {
                        // the scanner cuts every handshake; refusals are what some probes are for
                    }
                } catch (IOException e) {
                    // closed
                }
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    /**
     * {@code openssl s_server} serving {@code chain} with {@code key}, plus {@code options}, on a free loopback port;
     * kept alive for many connections (-www answers each, one after the other) and killed on close.
     */
    static final class OpenSslServer implements AutoCloseable {
        private final Process process;
        private final int port;
        private final Path log;

        OpenSslServer(Path dir, List<X509Certificate> chain, PrivateKey key, String... options)
                throws IOException, InterruptedException {
            Path certFile = Files.createTempFile(dir, "chain", ".pem");
            Pem.writeCertificates(certFile, chain);
            Path keyFile = dir.resolve("key-" + System.nanoTime() + ".pem");
            Pem.writePrivateKey(keyFile, key);
            port = freePort();
            log = Files.createTempFile(dir, "s_server", ".log");
            List<String> command = new ArrayList<>(List.of("openssl", "s_server", "-accept", "127.0.0.1:" + port,
                    "-cert", certFile.toString(), "-key", keyFile.toString(), "-www", "-quiet"));
            if (chain.size() > 1) {
                // s_server sends -cert's first certificate only; the rest goes out via -cert_chain, in order.
                Path rest = Files.createTempFile(dir, "rest", ".pem");
                Pem.writeCertificates(rest, chain.subList(1, chain.size()));
                command.addAll(List.of("-cert_chain", rest.toString()));
            }
            command.addAll(List.of(options));
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            awaitListening();
        }

        int port() {
            return port;
        }

        private void awaitListening() throws IOException, InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IOException("openssl s_server exited: " + Files.readString(log));
                }
                try (Socket probe = new Socket()) {
                    probe.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                    return;
                } catch (IOException notYet) {
                    Thread.sleep(20);
                }
            }
            throw new IOException("openssl s_server did not listen on " + port + ": " + Files.readString(log));
        }

        @Override
        public void close() {
            process.destroy();
            try {
                if (!process.waitFor(2, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(2, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Accepts TCP connections and never says a word: a TLS server that hangs. */
    static final class SilentServer implements AutoCloseable {
        private final ServerSocket socket;
        private final List<Socket> held = new ArrayList<>();
        private final Thread acceptor;

        SilentServer() throws IOException {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            acceptor = new Thread(() -> {
                while (!socket.isClosed()) {
                    try {
                        Socket client = socket.accept();
                        synchronized (held) {
                            held.add(client);
                        }
                    } catch (IOException e) {
                        return;
                    }
                }
            }, "silent-test-server");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            socket.close();
            synchronized (held) {
                for (Socket s : held) {
                    s.close();
                }
            }
        }
    }

    /** The parts of a ClientHello a scripted server decides on. */
    record ClientHello(int version, List<Integer> suites) {
    }

    /**
     * A scripted server's answer: a ServerHello (version, suite, with or without renegotiation_info), then the
     * Certificate and ServerHelloDone if {@code chain} is not empty; or an alert.
     */
    record Answer(int version, int suite, boolean renegotiationInfo, List<X509Certificate> chain, int alert) {

        static Answer hello(int version, int suite, boolean renegotiationInfo) {
            return new Answer(version, suite, renegotiationInfo, List.of(), -1);
        }

        /** The ServerHello, then the chain, as a TLS 1.2 or older server with a static RSA or DH key sends it. */
        static Answer helloAndCertificate(int version, int suite, List<X509Certificate> chain) {
            return new Answer(version, suite, true, List.copyOf(chain), -1);
        }

        static Answer alert(int description) {
            return new Answer(0x0301, 0, false, List.of(), description);
        }
    }

    /**
     * Speaks just enough TLS to answer each ClientHello with a scripted ServerHello, then closes: stands in for servers
     * OpenSSL 3 can no longer be (SSLv3, RC4, 3DES) or must not be (no RFC 5746), which the scanner only needs to see
     * choose, never to complete a handshake with.
     */
    static final class ScriptedServer implements AutoCloseable {
        private static final SecureRandom RANDOM = new SecureRandom();
        private final ServerSocket socket;
        private final Thread acceptor;
        final Queue<ClientHello> hellos = new ConcurrentLinkedQueue<>();

        ScriptedServer(Function<ClientHello, Answer> script) throws IOException {
            this(script, false);
        }

        /** @param stall send nothing after the answer, not even a FIN, as a server that hangs mid-handshake */
        ScriptedServer(Function<ClientHello, Answer> script, boolean stall) throws IOException {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            acceptor = new Thread(() -> {
                while (!socket.isClosed()) {
                    try (Socket client = socket.accept()) {
                        client.setSoTimeout(5_000);
                        ClientHello hello = read(client.getInputStream());
                        hellos.add(hello);
                        write(client.getOutputStream(), script.apply(hello));
                        if (!stall) {
                            client.shutdownOutput();
                        }
                        client.getInputStream().readAllBytes(); // until the scanner hangs up
                    } catch (IOException e) {
                        // next connection
                    }
                }
            }, "scripted-test-server");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        private static ClientHello read(InputStream raw) throws IOException {
            DataInputStream in = new DataInputStream(raw);
            in.readUnsignedByte(); // record type: handshake
            in.readUnsignedShort(); // record version
            byte[] body = new byte[in.readUnsignedShort()];
            in.readFully(body);
            DataInputStream hello = new DataInputStream(new java.io.ByteArrayInputStream(body));
            hello.readUnsignedByte(); // handshake type: client_hello
            hello.skipBytes(3); // length
            int version = hello.readUnsignedShort();
            hello.skipBytes(32); // random
            hello.skipBytes(hello.readUnsignedByte()); // session id
            int suitesLength = hello.readUnsignedShort();
            List<Integer> suites = new ArrayList<>();
            for (int i = 0; i < suitesLength / 2; i++) {
                suites.add(hello.readUnsignedShort());
            }
            return new ClientHello(version, suites);
        }

        private static void write(OutputStream out, Answer answer) throws IOException {
            java.io.ByteArrayOutputStream record = new java.io.ByteArrayOutputStream();
            if (answer.alert() >= 0) {
                record.write(new byte[] {21, 3, 1, 0, 2, 2, (byte) answer.alert()});
                out.write(record.toByteArray());
                out.flush();
                return;
            }
            java.io.ByteArrayOutputStream hello = new java.io.ByteArrayOutputStream();
            hello.write(answer.version() >> 8);
            hello.write(answer.version());
            byte[] random = new byte[32];
            RANDOM.nextBytes(random);
            hello.write(random);
            hello.write(0); // no session id
            hello.write(answer.suite() >> 8);
            hello.write(answer.suite());
            hello.write(0); // no compression
            if (answer.renegotiationInfo()) {
                hello.write(new byte[] {0, 5, (byte) 0xFF, 0x01, 0, 1, 0}); // extensions: renegotiation_info, empty
            }
            java.io.ByteArrayOutputStream messages = new java.io.ByteArrayOutputStream();
            messages.write(handshakeMessage(2, hello.toByteArray())); // server_hello
            if (!answer.chain().isEmpty()) {
                java.io.ByteArrayOutputStream list = new java.io.ByteArrayOutputStream();
                for (X509Certificate certificate : answer.chain()) {
                    byte[] der;
                    try {
                        der = certificate.getEncoded();
                    } catch (java.security.cert.CertificateEncodingException e) {
                        throw new IOException(e);
                    }
                    writeUint24(list, der.length);
                    list.write(der);
                }
                java.io.ByteArrayOutputStream certificate = new java.io.ByteArrayOutputStream();
                writeUint24(certificate, list.size());
                list.writeTo(certificate);
                messages.write(handshakeMessage(11, certificate.toByteArray())); // certificate
                messages.write(handshakeMessage(14, new byte[0])); // server_hello_done
            }
            byte[] handshake = messages.toByteArray();
            record.write(22);
            record.write(answer.version() >> 8);
            record.write(answer.version());
            record.write(handshake.length >> 8);
            record.write(handshake.length);
            record.write(handshake);
            out.write(record.toByteArray());
            out.flush();
        }

        private static byte[] handshakeMessage(int type, byte[] body) throws IOException {
            java.io.ByteArrayOutputStream message = new java.io.ByteArrayOutputStream();
            message.write(type);
            writeUint24(message, body.length);
            message.write(body);
            return message.toByteArray();
        }

        private static void writeUint24(java.io.ByteArrayOutputStream out, int value) {
            out.write(value >> 16);
            out.write(value >> 8);
            out.write(value);
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }
}
