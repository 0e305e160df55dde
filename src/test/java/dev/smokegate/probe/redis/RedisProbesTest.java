package dev.smokegate.probe.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.ExternalProcesses;
import dev.smokegate.config.ConfigValue;
import dev.smokegate.config.ConnectTo;
import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.config.HostMapping;
import dev.smokegate.config.RedisSettings;
import dev.smokegate.config.RedisUrl;
import dev.smokegate.probe.ProbeContext;
import dev.smokegate.probe.ProbeRequest;
import dev.smokegate.probe.TrustMaterial;
import dev.smokegate.reference.Fault;
import dev.smokegate.reference.ReferenceDeployment;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import redis.clients.jedis.Connection;
import redis.clients.jedis.Protocol;

/** The Redis probes against the reference deployment's real Redis 7 (TLS only, app user limited by ACL). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExternalProcesses
class RedisProbesTest {

    private ReferenceDeployment deployment;
    private RedisUrl url;

    @BeforeAll
    void start() throws Exception {
        deployment = ReferenceDeployment.start();
        url = RedisUrl.parse(deployment.environment().get("REDIS_URL")).url().orElseThrow();
    }

    @AfterAll
    void stop() {
        deployment.close();
    }

    @AfterEach
    void heal() {
        deployment.heal();
    }

    private ProbeContext context(String redisUrl, Optional<java.nio.file.Path> extraCa, List<HostMapping> mappings)
            throws Exception {
        EnvironmentConfig config = EnvironmentConfig.builder("t", URI.create("https://app.example"),
                        URI.create("https://api.example"))
                .redis(RedisSettings.of(ConfigValue.literal("redis.url", redisUrl)))
                .connectTo(new ConnectTo(mappings))
                .build();
        return new ProbeContext(config, TrustMaterial.sslContext(extraCa));
    }

    private ProbeContext context() throws Exception {
        return context(deployment.environment().get("REDIS_URL"), Optional.of(deployment.caCertificateFile()),
                List.of());
    }

    private static <O> O observe(ProbeRequest<O> request, ProbeContext context) throws Exception {
        return request.probe().observe(context);
    }

    @Test
    void theAppUserIsRefusedEachDangerousCommandWhenItIsQueued() throws Exception {
        RedisSessionObservation observed = observe(RedisProbes.session(url,
                RedisSettings.DEFAULT_DANGEROUS_COMMANDS), context());

        assertThat(observed.failure()).isEmpty();
        assertThat(observed.queued()).extracting(RedisSessionObservation.QueuedCommand::reply).containsExactly(
                "NOPERM this user has no permissions to run the 'flushall' command",
                "NOPERM this user has no permissions to run the 'flushdb' command",
                "NOPERM this user has no permissions to run the 'config|set' command",
                "NOPERM this user has no permissions to run the 'keys' command");
        assertThat(observed.maxmemoryPolicy()).contains("noeviction");
    }

    @Test
    void anAllowedFlushallIsOnlyQueuedAndDiscardedSoTheDataStays() throws Exception {
        deployment.inject(Fault.REDIS_APP_MAY_FLUSHALL);
        ProbeContext context = context();
        String key = RedisProbes.unique();
        try (Connection app = new RedisDialer(url, context).authenticated()) {
            app.sendCommand(Protocol.Command.SET, key, "kept");
            app.getStatusCodeReply();

            RedisSessionObservation observed = observe(RedisProbes.session(url, List.of("FLUSHALL", "FLUSHDB")),
                    context);

            assertThat(observed.queued()).extracting(RedisSessionObservation.QueuedCommand::reply)
                    .containsExactly("QUEUED", "NOPERM this user has no permissions to run the 'flushdb' command");
            assertThat(observed.queued().get(0).sent()).isEqualTo("FLUSHALL smokegate-never-runs");
            app.sendCommand(Protocol.Command.GET, key);
            assertThat(app.getBulkReply()).isEqualTo("kept");
            app.sendCommand(Protocol.Command.DEL, key);
            app.getIntegerReply();
        }
    }

    @Test
    void theTlsPortGivesAPlaintextPingNoRedisAnswerAndAnUnauthenticatedPingNoauth() throws Exception {
        RedisTransportObservation observed = observe(RedisProbes.transport(url), context());

        assertThat(observed.plaintext().redisReply()).as(observed.plaintext().description()).isEmpty();
        assertThat(observed.tlsFailure()).isEmpty();
        assertThat(observed.unauthenticated()).contains("-NOAUTH Authentication required.");
    }

    @Test
    void aCertificateForAnotherNameFailsTheHandshakeBeforeAnyCredentialIsSent() throws Exception {
        String other = "redis.smokegate.test";
        ProbeContext context = context("rediss://default:" + url.password().orElseThrow() + "@" + other + ":6380",
                Optional.of(deployment.caCertificateFile()),
                List.of(HostMapping.parse(other + ":6380 -> 127.0.0.1:" + url.port()).orElseThrow()));
        RedisUrl mapped = context.config().redis().address().orElseThrow();

        RedisTransportObservation transport = observe(RedisProbes.transport(mapped), context);
        RedisSessionObservation session = observe(RedisProbes.session(mapped, List.of()), context);

        assertThat(transport.tlsFailure()).hasValueSatisfying(f -> {
            assertThat(f.kind()).isEqualTo(RedisFailure.Kind.TLS);
            assertThat(f.description()).startsWith("TLS handshake with " + other + ":6380 (mapped to 127.0.0.1:"
                    + url.port() + ") failed: ");
        });
        assertThat(session.failure()).map(RedisFailure::kind).contains(RedisFailure.Kind.TLS);
        assertThat(session.ping()).isEmpty();
    }

    @Test
    void aChainToARootTheRunDoesNotTrustFailsTheHandshake() throws Exception {
        ProbeContext systemRootsOnly = context(deployment.environment().get("REDIS_URL"), Optional.empty(),
                List.of());

        RedisTransportObservation observed = observe(RedisProbes.transport(url), systemRootsOnly);

        assertThat(observed.tlsFailure()).map(RedisFailure::kind).contains(RedisFailure.Kind.TLS);
    }

    @Test
    void aPublishedNonceReachesTheSubscriber() throws Exception {
        RedisPubSubObservation observed = observe(RedisProbes.pubSub(url), context());

        assertThat(observed.failure()).isEmpty();
        assertThat(observed.channel()).startsWith("smokegate:");
        assertThat(observed.delivered()).isPresent();
    }
}
