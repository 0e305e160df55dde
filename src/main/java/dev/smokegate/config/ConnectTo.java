package dev.smokegate.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where connections go, like curl's {@code --connect-to}: the first mapping that matches a connection's public
 * {@code host:port} sends it to the mapping's address; any other {@code host:port}, including another port of a
 * mapped host, is dialled as it is. Every probe asks {@link #dial} and nothing else, so HTTP, TLS and WebSocket
 * connections always agree.
 */
public record ConnectTo(List<HostMapping> mappings) {

    public static final ConnectTo NONE = new ConnectTo(List.of());

    /** Where a connection goes: {@code host}/{@code port} to dial, and the mapping that sent it there, if any. */
    public record Address(String host, int port, Optional<HostMapping> mapping) {

        /** {@code host:port} as dialled, IPv6 literals in brackets. */
        @Override
        public String toString() {
            return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
        }
    }

    public ConnectTo {
        mappings = List.copyOf(mappings);
    }

    public Address dial(String host, int port) {
        Optional<HostMapping> mapping = mappings.stream().filter(m -> m.matches(host, port)).findFirst();
        return mapping.map(m -> new Address(m.toHost(), m.toPort(), mapping)).orElse(new Address(host, port, mapping));
    }

    /** Whether some port of {@code host} is mapped, so its name need not resolve in public DNS. */
    public boolean mapsAnyPortOf(String host) {
        return mappings.stream().anyMatch(m -> m.host().equalsIgnoreCase(host));
    }

    /** {@code first} ahead of these mappings, so they win: command-line flags over the file. */
    public ConnectTo after(List<HostMapping> first) {
        List<HostMapping> all = new ArrayList<>(first);
        all.addAll(mappings);
        return new ConnectTo(all);
    }

    /** These mappings, then {@code more}. */
    public ConnectTo plus(List<HostMapping> more) {
        List<HostMapping> all = new ArrayList<>(mappings);
        all.addAll(more);
        return new ConnectTo(all);
    }

    static ConnectTo read(YamlNode root) {
        List<HostMapping> mappings = new ArrayList<>();
        List<Object> items = root.list("connect-to");
        for (int i = 0; i < items.size(); i++) {
            String text = String.valueOf(items.get(i));
            String key = root.key("connect-to") + "[" + i + "]";
            HostMapping.parse(text).ifPresentOrElse(mappings::add,
                    () -> root.problem(key, "expected HOST:PORT -> ADDRESS:PORT, found \"" + text + "\""));
        }
        return new ConnectTo(mappings);
    }
}
