package dev.smokegate.selftest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.ExternalProcesses;
import dev.smokegate.check.ws.WsChecks;
import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.config.LatencyBudget;
import dev.smokegate.config.WebSocketPolicy;
import dev.smokegate.engine.Selection;
import dev.smokegate.model.Outcome;
import dev.smokegate.model.Suite;
import dev.smokegate.reference.ReferenceDeployment;
import dev.smokegate.reference.ws.WsCluster;
import dev.smokegate.reference.ws.WsVariant;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * The proof that every WebSocket check can fail, for raw WebSocket and for Socket.IO: the {@code ws.*} suite runs
 * through the JUnit Platform against two-replica clusters, healthy (every check passes, no warning) and once per
 * fault (exactly the expected checks fail; those that need a socket cannot verify when none opens).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExternalProcesses
class WsFaultMatrixTest {

    /** Longer than the idle cut of {@code DROPS_IDLE_AFTER_5S}, short enough for a self-test. */
    static final Duration KEEPALIVE = Duration.ofSeconds(6);
    /** Warn and fail level in one: SLOW_MESSAGES must fail, and the levels' split is the judges' own test. */
    static final Duration LATENCY = Duration.ofSeconds(1);

    private ReferenceDeployment deployment;

    @BeforeAll
    void startDeployment() throws Exception {
        deployment = ReferenceDeployment.start();
    }

    @AfterAll
    void stopDeploymentLeavingNoProcess() {
        List<ProcessHandle> nodes = deployment.webSockets(WsVariant.SOCKET_IO).processes();
        deployment.close();
        assertThat(nodes).isNotEmpty().allSatisfy(p -> assertThat(p.isAlive()).as("node pid " + p.pid()).isFalse());
    }

    @AfterEach
    void heal() {
        deployment.heal();
    }

    @ParameterizedTest
    @EnumSource(WsVariant.class)
    void healthyClusterPassesEveryCheck(WsVariant variant) throws Exception {
        SuiteRun run = SuiteRun.of(config(variant), new Selection(Suite.FULL, List.of("ws.*")));

        assertThat(run.withOutcome(Outcome.FAILED)).isEmpty();
        assertThat(run.withOutcome(Outcome.BROKEN)).isEmpty();
        assertThat(run.warned()).isEmpty();
        assertThat(run.withOutcome(Outcome.PASSED)).containsKeys("ws.connect", "ws.round-trip", "ws.broadcast",
                "ws.cross-replica", "ws.origin-enforced", "ws.plaintext-refused", "ws.keepalive");
        if (variant == WsVariant.SOCKET_IO) {
            assertThat(run.withOutcome(Outcome.PASSED)).containsKey("ws.polling-sticky-safe");
        }
        // The outsider's silence is shown by order, not by waiting out websocket.latency.
        assertThat(run.withOutcome(Outcome.PASSED).get("ws.broadcast"))
                .contains("it received A's next message, to its own room, which a leaked one would have preceded");
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("dev.smokegate.selftest.WsFaultCase#ALL")
    void faultFailsExactlyItsChecks(WsFaultCase fault) throws Exception {
        WsCluster cluster = deployment.webSockets(fault.variant());
        cluster.inject(fault.fault());

        SuiteRun run = SuiteRun.of(config(fault.variant()), new Selection(Suite.FULL, fault.needsKeepalive()
                ? List.of("ws.*") : WsChecks.all().stream().map(c -> c.spec().id())
                .filter(id -> !id.equals("ws.keepalive")).toList()));
        Map<String, String> failed = run.withOutcome(Outcome.FAILED);

        assertThat(failed.keySet()).as("failing checks: " + failed)
                .containsExactlyInAnyOrderElementsOf(fault.failing().keySet());
        assertThat(run.withOutcome(Outcome.BROKEN).keySet()).as("checks that could not verify")
                .containsExactlyInAnyOrderElementsOf(fault.broken());
        assertThat(run.warned()).as("warning checks").isEmpty();
        fault.failing().forEach((id, fragment) -> assertThat(failed.get(id)).as(id).contains(fragment));
    }

    private EnvironmentConfig config(WsVariant variant) throws Exception {
        WsCluster cluster = deployment.webSockets(variant);
        WebSocketPolicy.Protocol protocol = variant == WsVariant.SOCKET_IO ? WebSocketPolicy.Protocol.SOCKET_IO
                : WebSocketPolicy.Protocol.RAW;
        WebSocketPolicy d = WebSocketPolicy.defaults(protocol);
        return ReferenceEnvironment.config(deployment).newBuilder()
                .websocket(new WebSocketPolicy(Optional.of(cluster.url()), protocol, d.allowedOrigins(), d.join(),
                        d.send(), d.leave(), d.replicaField(), d.maxConnections(), KEEPALIVE,
                        new LatencyBudget(LATENCY, LATENCY),
                        d.authHeaders(), d.authQuery(), d.socketIoAuth()))
                .build();
    }
}
