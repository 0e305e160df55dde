package dev.smokegate.probe.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.config.ConfigValue;
import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.config.RedisSettings;
import dev.smokegate.config.RedisUrl;
import dev.smokegate.probe.ProbeContext;
import dev.smokegate.probe.TrustMaterial;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A redis:// URL: smokegate asks Redis without credentials and never sends the password over plaintext. */
class PlaintextRedisTest {

    private static final String PASSWORD = "plaintext-canary-5b1d";

    @Test
    void noProbeSendsThePasswordOfARedisUrl() throws Exception {
        try (PlaintextRedisTarget redis = new PlaintextRedisTarget("-NOAUTH Authentication required.\r\n")) {
            ProbeContext context = context("redis://default:" + PASSWORD + "@127.0.0.1:" + redis.port());
            RedisUrl url = context.config().redis().address().orElseThrow();

            RedisTransportObservation transport = RedisProbes.transport(url).probe().observe(context);
            RedisSessionObservation session = RedisProbes.session(url, RedisSettings.DEFAULT_DANGEROUS_COMMANDS)
                    .probe().observe(context);
            RedisPubSubObservation pubSub = RedisProbes.pubSub(url).probe().observe(context);

            assertThat(transport.plaintext().redisReply()).contains("-NOAUTH Authentication required.");
            assertThat(session.credentialsWithheld()).isTrue();
            assertThat(pubSub.credentialsWithheld()).isTrue();
            assertThat(redis.received()).isEqualTo("PING\r\n");
        }
    }

    @Test
    void anOpenPlaintextRedisIsSeenAnsweringPong() throws Exception {
        try (PlaintextRedisTarget redis = new PlaintextRedisTarget("+PONG\r\n")) {
            ProbeContext context = context("redis://127.0.0.1:" + redis.port());

            RedisTransportObservation observed = RedisProbes.transport(context.config().redis().address()
                    .orElseThrow()).probe().observe(context);

            assertThat(observed.plaintext().description()).isEqualTo("127.0.0.1:" + redis.port() + " answered +PONG");
        }
    }

    private static ProbeContext context(String url) throws Exception {
        EnvironmentConfig config = EnvironmentConfig.builder("t", URI.create("https://app.example"),
                URI.create("https://api.example")).redis(RedisSettings.of(ConfigValue.literal("redis.url", url)))
                .build();
        return new ProbeContext(config, TrustMaterial.sslContext(Optional.empty()));
    }
}
