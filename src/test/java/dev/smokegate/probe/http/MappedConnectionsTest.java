package dev.smokegate.probe.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.smokegate.config.ConnectTo;
import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.config.HostMapping;
import dev.smokegate.config.Timeouts;
import dev.smokegate.probe.ProbeContext;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The HTTP probe dials what {@link ConnectTo#dial} says, per host and port, like every other probe. */
class MappedConnectionsTest {

    private final List<HttpServer> servers = new ArrayList<>();

    @AfterEach
    void stopServers() {
        servers.forEach(s -> s.stop(0));
    }

    /** A server on {@code 127.0.0.1} only that answers with its name. */
    private int serve(String name) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = name.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        servers.add(server);
        return server.getAddress().getPort();
    }

    private static HttpObservation get(String url, String... mappings) throws Exception {
        EnvironmentConfig config = EnvironmentConfig.builder("mapped", URI.create("https://app.example.test"),
                        URI.create("https://api.example.test"))
                .timeouts(new Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(10)))
                .connectTo(new ConnectTo(List.of(mappings).stream().map(m -> HostMapping.parse(m).orElseThrow())
                        .toList()))
                .build();
        return HttpFetcher.get(URI.create(url), new ProbeContext(config, SSLContext.getDefault()));
    }

    @Test
    void twoPortsOfOneHostReachTheirOwnMappedAddresses() throws Exception {
        int a = serve("a");
        int b = serve("b");
        String[] mappings = {"api.example.test:80 -> 127.0.0.1:" + a, "api.example.test:8080 -> 127.0.0.1:" + b};

        assertThat(get("http://api.example.test/", mappings).exchange()).hasValueSatisfying(e ->
                assertThat(e.body()).isEqualTo("a"));
        assertThat(get("http://api.example.test:8080/", mappings).exchange()).hasValueSatisfying(e ->
                assertThat(e.body()).isEqualTo("b"));
    }

    @Test
    void anUnmappedPortOfAMappedHostGoesWhereDnsSays() throws Exception {
        int port = serve("dns");

        // Only port 1 of localhost is mapped (to an address nothing listens on); port `port` must use DNS.
        HttpObservation observed = get("http://localhost:" + port + "/", "localhost:1 -> 127.0.0.3:1");

        assertThat(observed.exchange()).hasValueSatisfying(e -> assertThat(e.body()).isEqualTo("dns"));
    }

    @Test
    void anUnmappedPortOfAnUnresolvableMappedHostIsUnresolved() throws Exception {
        HttpObservation observed = get("http://api.example.test:8080/", "api.example.test:80 -> 127.0.0.1:1");

        assertThat(observed.failure()).hasValueSatisfying(f -> assertThat(f).contains(
                "could not resolve host api.example.test"));
    }
}
