package dev.smokegate.probe;

import dev.smokegate.config.ConnectTo;
import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.config.Ports;
import java.net.URI;
import java.time.Duration;

/** How the HTTP and WebSocket probes name where they connected and how long they waited, in failure messages. */
public final class Endpoints {

    private Endpoints() {
    }

    /** {@code host:port}, and the address it is mapped to when a connect-to mapping applies. */
    public static String where(URI url, EnvironmentConfig config) {
        int port = Ports.of(url);
        ConnectTo.Address address = config.connectTo().dial(url.getHost(), port);
        return url.getHost() + ":" + port + address.mapping().map(m -> " (mapped to " + address + ")").orElse("");
    }

    /** {@code 5s}, or {@code 1500ms} when not whole seconds. */
    public static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }
}
