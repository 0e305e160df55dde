package dev.smokegate.selftest;

import dev.smokegate.ExternalProcesses;
import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.reference.ReferenceDeployment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * A fault matrix's world: one demo reference deployment for the whole class, suites/demo.yaml pointed at it, and
 * every fault healed after each test, so each row starts from the healthy deployment.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExternalProcesses
abstract class OnReferenceDeployment {

    protected ReferenceDeployment deployment;
    protected EnvironmentConfig config;

    @BeforeAll
    void startDeployment() throws Exception {
        deployment = ReferenceDeployment.startDemo();
        config = ReferenceEnvironment.config(deployment);
    }

    @AfterAll
    void stopDeployment() {
        deployment.close();
    }

    @AfterEach
    void heal() {
        deployment.heal();
    }
}
