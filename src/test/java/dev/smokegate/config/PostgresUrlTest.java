package dev.smokegate.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PostgresUrlTest {

    @Test
    void readsEveryPartOfARailwayStyleUrl() {
        PostgresUrl url = PostgresUrl.parse("postgresql://app:p%40ss@db.example.com:6543/railway?sslmode=require");

        assertThat(url).isEqualTo(new PostgresUrl("db.example.com", 6543, "railway", "app", "p@ss",
                Optional.of("require")));
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.com:6543/railway");
        assertThat(url.toString()).doesNotContain("p@ss").contains("app@db.example.com:6543/railway");
    }

    @Test
    void defaultsPortAndDatabaseAsLibpqDoes() {
        PostgresUrl url = PostgresUrl.parse("postgres://app:secret@db.example.com");

        assertThat(url.port()).isEqualTo(5432);
        assertThat(url.database()).isEqualTo("app");
        assertThat(url.sslmode()).isEmpty();
    }

    @Test
    void sameDatabaseIgnoresHostCaseAndCredentials() {
        PostgresUrl source = PostgresUrl.parse("postgres://app:a@DB.example.com:5432/app");

        assertThat(source.sameDatabaseAs(PostgresUrl.parse("postgres://restore:b@db.example.com/app"))).isTrue();
        assertThat(source.sameDatabaseAs(PostgresUrl.parse("postgres://restore:b@db.example.com/app_restore")))
                .isFalse();
    }

    @Test
    void failsWithoutRepeatingTheSecretWhenTheUrlIsNotPostgres() {
        assertThatThrownBy(() -> PostgresUrl.parse("mysql://app:hunter2@db.example.com/app"))
                .hasMessage("expected a postgres:// or postgresql:// URL, found scheme mysql://");
        assertThatThrownBy(() -> PostgresUrl.parse("postgres://app:hunter2@/app"))
                .hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> PostgresUrl.parse("postgres://db.example.com/app"))
                .hasMessage("the URL names no user");
    }
}
