package dev.smokegate;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The one-way flow of the design, as rules the build fails on: the front door ({@code cli}) drives the suites
 * ({@code junit}) and the reports, which read the engine's results; the engine judges with checks, which read
 * observations made by probes, which are set up by config, which is made of model values. The reference
 * deployment is a separate product that only the front door ({@code demo}) and the self-tests use.
 * Each rule is also run on {@code archfixture}, classes that break it once, to show that it can fail.
 */
class ArchitectureTest {

    private static final String PRODUCT = "dev.smokegate";
    private static final String FIXTURES = "dev.smokegate.archfixture";
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(PRODUCT);
    private static final JavaClasses BROKEN = new ClassFileImporter().importPackages(FIXTURES);

    /** Values that name a place without going there; the rest of their packages opens, resolves or reads. */
    private static final Set<String> VALUE_TYPES = Set.of("java.net.URI", "java.net.URISyntaxException",
            "java.nio.file.Path");

    /** Each rule, for a root package, and the fixture class that breaks it. */
    static Stream<Arguments> rules() {
        return Stream.of(
                rule("dependencies point down the layers", ArchitectureTest::layers, "UpwardConfig"),
                rule("nothing outside the front door uses the reference", ArchitectureTest::layers,
                        "ReportUsingReference"),
                rule("every class lives in a layer", ArchitectureTest::everyClassInALayer, "Stray"),
                rule("checks do no I/O", ArchitectureTest::checksDoNoIo, "SocketCheck"),
                rule("checks see probes only through observations", ArchitectureTest::checksSeeOnlyObservations,
                        "SocketCheck"),
                rule("the reference uses only public config and model types",
                        ArchitectureTest::referenceUsesOnlyPublicConfigAndModel, "ReachingPart"),
                rule("parts of the reference do not reach up to the deployment",
                        ArchitectureTest::partsDoNotReachUpToTheDeployment, "ReachingPart"));
    }

    private static Arguments rule(String name, Function<String, ArchRule> rule, String brokenBy) {
        return Arguments.of(name, rule, brokenBy);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void holdsForTheProduct(String name, Function<String, ArchRule> rule, String brokenBy) {
        rule.apply(PRODUCT).check(MAIN);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void failsOnAClassThatBreaksIt(String name, Function<String, ArchRule> rule, String brokenBy) {
        assertThatThrownBy(() -> rule.apply(FIXTURES).check(BROKEN)).isInstanceOf(AssertionError.class)
                .hasMessageContaining(FIXTURES).hasMessageContaining(brokenBy);
    }

    private static ArchRule layers(String root) {
        return layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("cli").definedBy(root + ".cli..")
                .layer("junit").definedBy(root + ".junit..")
                .layer("report").definedBy(root + ".report..")
                .layer("engine").definedBy(root + ".engine..")
                .layer("check").definedBy(root + ".check..")
                .layer("probe").definedBy(root + ".probe..")
                .layer("config").definedBy(root + ".config..")
                .layer("model").definedBy(root + ".model..")
                .layer("reference").definedBy(root + ".reference..")
                .whereLayer("cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("junit").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("report").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("engine").mayOnlyBeAccessedByLayers("cli", "junit", "report")
                .whereLayer("check").mayOnlyBeAccessedByLayers("cli", "junit", "report", "engine")
                .whereLayer("probe").mayOnlyBeAccessedByLayers("cli", "junit", "report", "engine", "check")
                .whereLayer("config").mayOnlyBeAccessedByLayers("cli", "junit", "report", "engine", "check", "probe",
                        "reference")
                .whereLayer("model").mayOnlyBeAccessedByLayers("cli", "junit", "report", "engine", "check", "probe",
                        "config", "reference")
                .whereLayer("reference").mayOnlyBeAccessedByLayers("cli");
    }

    private static ArchRule everyClassInALayer(String root) {
        return classes().should().resideInAnyPackage(root + ".cli..", root + ".junit..", root + ".report..",
                        root + ".engine..", root + ".check..", root + ".probe..", root + ".config..",
                        root + ".model..", root + ".reference..")
                .because("a class outside the layers would escape every other rule");
    }

    private static ArchRule checksDoNoIo(String root) {
        return noClasses().that().resideInAPackage(root + ".check..")
                .should().dependOnClassesThat(describe("open connections, resolve names, touch files or start "
                        + "processes", ArchitectureTest::doesIo))
                .because("a check is a pure function of observations; probes do the talking");
    }

    private static ArchRule checksSeeOnlyObservations(String root) {
        return noClasses().that().resideInAPackage(root + ".check..")
                .should().dependOnClassesThat(describe("are probe machinery (not an observation record, enum or "
                        + "interface, nor a *Probes request factory)", c -> isProbeMachinery(c, root)));
    }

    private static ArchRule referenceUsesOnlyPublicConfigAndModel(String root) {
        return noClasses().that().resideInAPackage(root + ".reference..")
                .should().dependOnClassesThat(describe("are product classes other than public config or model "
                        + "types", c -> isProductInternalToReference(c, root)));
    }

    private static ArchRule partsDoNotReachUpToTheDeployment(String root) {
        String deployment = root + ".reference.ReferenceDeployment";
        return noClasses().that().resideInAPackage(root + ".reference..")
                .and().haveNameNotMatching(deployment.replace(".", "\\.") + "(\\$.*)?")
                .should().dependOnClassesThat().haveFullyQualifiedName(deployment)
                .because("the parts take what they share (host names, PKI, faults) from below, such as "
                        + "ReferenceHosts, so that the deployment composes them");
    }

    private static boolean doesIo(JavaClass dependency) {
        String name = dependency.getName();
        String pkg = dependency.getPackageName();
        if (VALUE_TYPES.contains(name)) {
            return false;
        }
        return pkg.startsWith("java.net") || pkg.startsWith("javax.net") || pkg.startsWith("java.nio.file")
                || pkg.startsWith("java.nio.channels") || name.startsWith("java.io.File")
                || name.equals("java.io.RandomAccessFile") || name.equals("java.lang.ProcessBuilder")
                || name.equals("java.lang.Runtime") || pkg.startsWith("io.restassured")
                || (pkg.startsWith("org.apache.http") && !pkg.equals("org.apache.http.conn.util"))
                || pkg.startsWith("org.java_websocket") || pkg.startsWith("org.bouncycastle.tls")
                || pkg.startsWith("org.bouncycastle.jsse") || pkg.startsWith("org.postgresql")
                || pkg.startsWith("redis.clients") || pkg.startsWith("org.openqa.selenium");
    }

    private static boolean isProbeMachinery(JavaClass dependency, String root) {
        if (!dependency.getPackageName().startsWith(root + ".probe")) {
            return false;
        }
        JavaClass outer = dependency.getEnclosingClass().orElse(dependency);
        return !(outer.isRecord() || outer.isEnum() || outer.isInterface()
                || outer.getSimpleName().endsWith("Probes"));
    }

    private static boolean isProductInternalToReference(JavaClass dependency, String root) {
        String pkg = dependency.getPackageName();
        if (!pkg.startsWith(root) || pkg.startsWith(root + ".reference")) {
            return false;
        }
        boolean publicValue = (pkg.startsWith(root + ".config") || pkg.startsWith(root + ".model"))
                && dependency.getModifiers().contains(JavaModifier.PUBLIC);
        return !publicValue;
    }
}
