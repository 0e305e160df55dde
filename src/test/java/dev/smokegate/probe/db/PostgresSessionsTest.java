package dev.smokegate.probe.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smokegate.ExternalProcesses;
import dev.smokegate.config.PostgresUrl;
import dev.smokegate.config.Timeouts;
import dev.smokegate.probe.TrustMaterial;
import dev.smokegate.reference.ReferenceDeployment;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@ExternalProcesses
class PostgresSessionsTest {

    private static ReferenceDeployment deployment;
    private static PostgresUrl app;

    @BeforeAll
    static void start() throws Exception {
        deployment = ReferenceDeployment.start();
        app = PostgresUrl.parse(deployment.environment().get("DATABASE_URL"));
    }

    @AfterAll
    static void stop() {
        deployment.close();
    }

    @Test
    void readOnlySessionRefusesEveryWrite() throws Exception {
        try (Connection connection = PostgresSessions.readOnly(app, trust(), Timeouts.DEFAULTS, "test");
             Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.execute("CREATE TABLE smokegate_probe (id int)"))
                    .isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("25006"));
        }
    }

    @Test
    void refusesAServerTheRunDoesNotTrustBeforeSendingThePassword() throws Exception {
        SSLContext systemRootsOnly = TrustMaterial.sslContext(Optional.empty());

        assertThatThrownBy(() -> PostgresSessions.readOnly(app, systemRootsOnly, Timeouts.DEFAULTS, "test").close())
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("SSL");
    }

    private static SSLContext trust() throws Exception {
        return TrustMaterial.sslContext(Optional.of(deployment.caCertificateFile()));
    }
}
