package dev.smokegate.selftest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.check.Catalogue;
import dev.smokegate.check.Check;
import dev.smokegate.model.CheckSpec;
import dev.smokegate.reference.Fault;
import dev.smokegate.reference.TlsFault;
import dev.smokegate.reference.ws.WsFault;
import dev.smokegate.reference.ws.WsVariant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CatalogueTest {


    @Test
    void everyCheckHasAFaultFixtureThatMakesItFail() {
        Set<String> covered = new java.util.HashSet<>();
        FaultCase.ALL.forEach(c -> covered.addAll(c.failing().keySet()));
        TlsFaultCase.ALL.forEach(c -> covered.addAll(c.failing().keySet()));
        WsFaultCase.ALL.forEach(c -> covered.addAll(c.failing().keySet()));
        // A check that only ever warns (redis.dangerous-commands) proves itself by warning.
        RedisFaultCase.ALL.forEach(c -> {
            covered.addAll(c.failing().keySet());
            covered.addAll(c.warning().keySet());
        });
        DbFaultCase.ALL.forEach(c -> covered.addAll(c.failing().keySet()));
        covered.addAll(TlsFaultCase.PROVEN_ON_RECORDED_SCANS.keySet());
        BrowserFaultCase.ALL.forEach(c -> covered.addAll(c.failing().keySet()));
        covered.add(BrowserFaultCase.FAILED_BY_A_WRONG_TOTP_SECRET);
        covered.add(FaultCase.FAILED_BY_SOURCE_MAPS_SET_TO_FAIL);
        covered.addAll(RestoreDrillFaultTest.COVERED);
        covered.add(WebhookFaultMatrixTest.CHECK);
        JwtFaultCase.ALL.forEach(c -> covered.addAll(c.failing().keySet()));

        assertThat(Catalogue.all()).allSatisfy(check ->
                assertThat(covered).as("a FaultCase failing " + check.spec().id()).contains(check.spec().id()));
    }

    @Test
    void faultCasesNameOnlyCataloguedChecks() {
        Set<String> ids = Catalogue.all().stream().map(c -> c.spec().id()).collect(Collectors.toSet());

        assertThat(FaultCase.ALL).allSatisfy(c -> assertThat(ids).containsAll(c.failing().keySet()));
        assertThat(TlsFaultCase.ALL).allSatisfy(c -> assertThat(ids).containsAll(c.failing().keySet())
                .containsAll(c.warning()));
        assertThat(ids).containsAll(TlsFaultCase.PROVEN_ON_RECORDED_SCANS.keySet());
        assertThat(WsFaultCase.ALL).allSatisfy(c -> assertThat(ids).containsAll(c.failing().keySet())
                .containsAll(c.broken()));
        assertThat(RedisFaultCase.ALL).allSatisfy(c -> assertThat(ids).containsAll(c.failing().keySet())
                .containsAll(c.warning().keySet()).containsAll(c.broken()));
        assertThat(DbFaultCase.ALL).allSatisfy(c -> assertThat(ids).containsAll(c.failing().keySet())
                .containsAll(c.warning()));
        assertThat(JwtFaultCase.ALL).allSatisfy(c -> assertThat(ids).containsAll(c.failing().keySet()));
    }

    @Test
    void everyProofOnRecordedScansNamesATestThatExists() throws ClassNotFoundException {
        for (var proof : TlsFaultCase.PROVEN_ON_RECORDED_SCANS.entrySet()) {
            String[] classAndMethod = proof.getValue().split("\\.");
            assertThat(classAndMethod).as(proof.getKey() + ": Class.method").hasSize(2);
            Class<?> testClass = Class.forName("dev.smokegate.check.tls." + classAndMethod[0]);
            assertThat(testClass.getDeclaredMethods()).as(proof.getKey() + ": a @Test named " + proof.getValue())
                    .anySatisfy(m -> {
                        assertThat(m.getName()).isEqualTo(classAndMethod[1]);
                        assertThat(m.isAnnotationPresent(Test.class)).isTrue();
                    });
        }
    }

    @Test
    void everyFaultSwitchHasARowInTheMatrix() {
        List<Fault> rows = new ArrayList<>(FaultCase.ALL.stream().map(FaultCase::fault).toList());
        BrowserFaultCase.ALL.forEach(c -> rows.add(c.fault()));
        RedisFaultCase.ALL.forEach(c -> c.fault().ifPresent(rows::add));
        rows.addAll(WebhookFaultMatrixTest.ROWS.keySet());
        // POSTGRES_STOPPED has a row in both matrices (the health path, and every db.* check).
        DbFaultCase.ALL.stream().flatMap(c -> c.fault().stream()).filter(f -> !rows.contains(f)).forEach(rows::add);
        JwtFaultCase.ALL.forEach(c -> rows.add(c.fault()));
        FaultMatrixTest.LATENCY_ROWS.forEach(r -> rows.add(r.fault()));
        assertThat(rows).containsExactlyInAnyOrder(Fault.values());
        assertThat(TlsFaultCase.ALL).extracting(TlsFaultCase::fault).containsExactlyInAnyOrder(TlsFault.values());
        for (WsVariant variant : WsVariant.values()) {
            assertThat(WsFaultCase.ALL.stream().filter(c -> c.variant() == variant).map(WsFaultCase::fault))
                    .as(variant + " rows").containsAll(EnumSet.complementOf(EnumSet.of(
                            WsFault.POLLING_WITHOUT_STICKINESS)));
        }
        assertThat(WsFaultCase.ALL).extracting(WsFaultCase::fault).contains(WsFault.POLLING_WITHOUT_STICKINESS);
    }

    @Test
    void everyCheckHasARequirementAndRemediationAnEngineerCanAct() {
        for (Check<?> check : Catalogue.all()) {
            CheckSpec spec = check.spec();
            assertThat(spec.requirement()).as(spec.id()).endsWith(".").doesNotContain("\n");
            assertThat(spec.remediation()).as(spec.id()).hasSizeGreaterThan(40);
        }
    }
}
