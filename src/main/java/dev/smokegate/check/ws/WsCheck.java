package dev.smokegate.check.ws;

import dev.smokegate.check.Check;
import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.config.WebSocketPolicy;
import dev.smokegate.model.CheckSpec;
import dev.smokegate.model.Target;
import dev.smokegate.model.Verdict;
import dev.smokegate.probe.ProbeRequest;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * A requirement on the app's WebSocket ({@code websocket.url}), judged from one scenario the probe plays against
 * it. Checks that only make sense for one protocol name it, and are skipped, with the reason, for the other.
 */
final class WsCheck<O> implements Check<O> {

    @FunctionalInterface
    interface Scenario<O> {
        ProbeRequest<O> request(URI url, String origin, EnvironmentConfig config);
    }

    private final CheckSpec spec;
    private final Scenario<O> scenario;
    private final BiFunction<O, EnvironmentConfig, Verdict> judge;
    private final Set<WebSocketPolicy.Protocol> protocols;

    WsCheck(CheckSpec spec, Scenario<O> scenario, BiFunction<O, EnvironmentConfig, Verdict> judge) {
        this(spec, scenario, judge, Set.of(WebSocketPolicy.Protocol.values()));
    }

    WsCheck(CheckSpec spec, Scenario<O> scenario, BiFunction<O, EnvironmentConfig, Verdict> judge,
            Set<WebSocketPolicy.Protocol> protocols) {
        this.spec = spec;
        this.scenario = scenario;
        this.judge = judge;
        this.protocols = Set.copyOf(protocols);
    }

    @Override
    public CheckSpec spec() {
        return spec;
    }

    @Override
    public List<Target> targets(EnvironmentConfig config) {
        if (!protocols.contains(config.websocket().protocol())) {
            return List.of();
        }
        return config.websocket().url().map(url -> List.of(new Target(Target.WEBSOCKET, url.toString())))
                .orElse(List.of());
    }

    @Override
    public String notApplicable(EnvironmentConfig config) {
        if (config.websocket().url().isEmpty()) {
            return "no websocket.url is configured";
        }
        return "websocket.protocol is " + config.websocket().protocol().configName() + "; this check is for "
                + String.join(" and ", protocols.stream().map(WebSocketPolicy.Protocol::configName).sorted()
                .toList());
    }

    @Override
    public ProbeRequest<O> observation(Target target, EnvironmentConfig config) {
        return scenario.request(URI.create(target.address()), config.websocket().allowedOrigins(config).get(0), config);
    }

    @Override
    public Verdict judge(O observed, Target target, EnvironmentConfig config) {
        return judge.apply(observed, config);
    }

    @Override
    public Set<String> uses() {
        return Set.of("websocket");
    }
}
