package dev.smokegate.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RedisUrlTest {

    private static RedisUrl parsed(String text) {
        RedisUrl.Parsed parsed = RedisUrl.parse(text);
        assertThat(parsed.problem()).as(text).isEmpty();
        return parsed.url().orElseThrow();
    }

    @Test
    void readsEveryPartOfATlsUrl() {
        RedisUrl url = parsed("rediss://app:s3cret@redis.example.com:6380/2");

        assertThat(url).isEqualTo(new RedisUrl(true, Optional.of("app"), Optional.of("s3cret"), "redis.example.com",
                6380, 2));
        assertThat(url.toString()).isEqualTo("redis.example.com:6380");
    }

    @Test
    void defaultsToPort6379DatabaseZeroAndNoCredentials() {
        assertThat(parsed("redis://redis.internal")).isEqualTo(new RedisUrl(false, Optional.empty(),
                Optional.empty(), "redis.internal", 6379, 0));
        assertThat(parsed("REDISS://redis.internal/").tls()).isTrue();
    }

    @Test
    void readsAPasswordWithoutAUserAsTheDefaultUsersPassword() {
        RedisUrl url = parsed("rediss://:pw@h:1");

        assertThat(url.user()).isEmpty();
        assertThat(url.password()).contains("pw");
    }

    @Test
    void keepsUnencodedSpecialCharactersOfAGeneratedPassword() {
        assertThat(parsed("rediss://default:a@b/c:d%zz@host:6379").password()).contains("a@b/c:d%zz");
        assertThat(parsed("rediss://default:p%40ss%2Fw%3Ard@host").password()).contains("p@ss/w:rd");
    }

    @Test
    void readsAnIpv6Literal() {
        RedisUrl url = parsed("rediss://default:pw@[::1]:6390");

        assertThat(url.hostName()).isEqualTo("::1");
        assertThat(url.toString()).isEqualTo("[::1]:6390");
    }

    @Test
    void ignoresQueryParametersOfOtherClients() {
        assertThat(parsed("rediss://default:pw@host:6379/0?ssl_cert_reqs=required").database()).isZero();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "https://default:pw@host:6379 | the scheme must be redis:// or rediss://, not https://",
            "default:pw@host:6379         | it does not start with redis:// or rediss://",
            "rediss://default:pw@         | it names no valid host",
            "rediss://default:pw@ho_st    | it names no valid host",
            "rediss://default:pw@host:0   | the port is not a number from 1 to 65535",
            "rediss://default:pw@host:x1  | the port is not a number from 1 to 65535",
            "rediss://default:pw@host/db1 | the path must be a database number such as /0"})
    void saysWhyAMalformedUrlIsNoRedisUrlWithoutQuotingIt(String text, String why) {
        RedisUrl.Parsed parsed = RedisUrl.parse(text);

        assertThat(parsed.url()).isEmpty();
        assertThat(parsed.problem()).contains(why);
        assertThat(why).doesNotContain("pw");
    }
}
