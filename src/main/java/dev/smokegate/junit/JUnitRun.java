package dev.smokegate.junit;

import dev.smokegate.engine.RunSession;
import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.junitplatform.AllureJunitPlatform;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * Runs an open session's checks through the JUnit Platform, with Allure listening through the given (redacting)
 * lifecycle. Listener auto-registration is off: Allure's service-loaded listener would write every result a
 * second time, through whatever lifecycle happened to be current.
 */
public final class JUnitRun {

    private JUnitRun() {
    }

    public static void execute(RunSession session, AllureLifecycle allure) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(SmokegateChecks.class))
                .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "false")
                .build();
        AllureLifecycle previous = Allure.getLifecycle();
        Allure.setLifecycle(allure);
        ActiveRun.set(session);
        try {
            LauncherConfig launcher = LauncherConfig.builder()
                    .enableTestExecutionListenerAutoRegistration(false)
                    .addTestExecutionListeners(new AllureJunitPlatform(allure))
                    .build();
            LauncherFactory.create(launcher).execute(request);
        } finally {
            ActiveRun.clear();
            Allure.setLifecycle(previous);
        }
    }
}
