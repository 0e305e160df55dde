package dev.smokegate.probe;

import dev.smokegate.config.ConnectTo;
import dev.smokegate.config.EnvironmentConfig;
import java.net.URI;
import java.time.Duration;

/** How the HTTP and WebSocket probes name where they connected and how long they waited, in failure messages. */
public final class Endpoints {

    private Endpoints() {
    }

    /** The URL's port, or the default of its scheme (443 for https and wss, 80 otherwise). */
    public static int port(URI url) {
        if (url.getPort() != -1) {
            return url.getPort();
        }
        String scheme = url.getScheme();
        return "https".equalsIgnoreCase(scheme) || "wss".equalsIgnoreCase(scheme) ? 443 : 80;
    }

    /** {@code host:port}, and the address it is mapped to when a connect-to mapping applies. */
    public static String where(URI url, EnvironmentConfig config) {
        int port = port(url);
        ConnectTo.Address address = config.connectTo().dial(url.getHost(), port);
        return url.getHost() + ":" + port + address.mapping().map(m -> " (mapped to " + address + ")").orElse("");
    }

    /** {@code 5s}, or {@code 1500ms} when not whole seconds. */
    public static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }
}
