package io.catalyst.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackages;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

/**
 * Which module may use which. The arrows point from user to used:
 *
 * <pre>
 * ui ──> platform-core ──> plugin-runtime, connector-engine ──> plugin-api
 * plugins/* ──> plugin-api              (their tests also ──> plugin-testkit)
 * plugin-testkit ──> plugin-runtime, connector-engine, plugin-api
 * </pre>
 *
 * Each rule looks at compiled classes, so an import that crosses a boundary fails here, whatever Maven's
 * dependencies happen to allow.
 */
class ModuleBoundariesTest {

    @Test
    void pluginApiDependsOnNothingOfCatalystsButItself() {
        noClasses().that().resideInAPackage("io.catalyst.api..")
                .should().dependOnClassesThat(resideInAPackage("io.catalyst..")
                        .and(resideOutsideOfPackage("io.catalyst.api..")).as("reside in Catalyst outside plugin-api"))
                .because("plugin-api is the only contract plugins compile against and is versioned on its own;"
                        + " anything it used would become part of every plugin's contract")
                .check(CatalystClasses.platform());
    }

    @Test
    void pluginsUseOnlyThePluginApiAndTheirTestsTheTestkit() {
        noClasses().that().resideInAPackage("io.catalyst.plugins..")
                .should().dependOnClassesThat().resideInAnyPackage("io.catalyst.core..", "io.catalyst.ui..",
                        "io.catalyst.runtime..", "io.catalyst.declarative..")
                .because("a plugin is loaded in a class loader that sees only plugin-api (and PF4J, slf4j, Jakarta,"
                        + " Vaadin) of the host, so anything else fails at runtime; plugin tests reach the runtime"
                        + " and the connector engine through io.catalyst.sdk.testkit")
                .check(CatalystClasses.plugins());
    }

    @Test
    void theTestkitNeverUsesTheCoreOrTheUi() {
        noClasses().that().resideInAPackage("io.catalyst.sdk..")
                .should().dependOnClassesThat().resideInAnyPackage("io.catalyst.core..", "io.catalyst.ui..")
                .because("third-party plugin authors test with the testkit and get neither platform-core nor the UI;"
                        + " it runs plugins on the same pure-Java runtime and connector engine as the server")
                .check(CatalystClasses.testkit());
    }

    @Test
    void thePluginRuntimeDependsOnlyOnThePluginApi() {
        noClasses().that().resideInAPackage("io.catalyst.runtime..")
                .should().dependOnClassesThat(resideInAPackage("io.catalyst..")
                        .and(resideOutsideOfPackages("io.catalyst.runtime..", "io.catalyst.api.."))
                        .as("reside in Catalyst outside plugin-runtime and plugin-api"))
                .because("the plugin runtime is pure Java, shared by the server and the plugin testkit;"
                        + " the server's CDI and persistence stay in platform-core")
                .check(CatalystClasses.platform());
    }

    @Test
    void theConnectorEngineDependsOnlyOnThePluginApi() {
        noClasses().that().resideInAPackage("io.catalyst.declarative..")
                .should().dependOnClassesThat(resideInAPackage("io.catalyst..")
                        .and(resideOutsideOfPackages("io.catalyst.declarative..", "io.catalyst.api.."))
                        .as("reside in Catalyst outside connector-engine and plugin-api"))
                .because("the declarative connector engine is pure Java, shared by the server and the plugin"
                        + " testkit, and reaches providers only through plugin-api's ConnectorSession")
                .check(CatalystClasses.platform());
    }

    @Test
    void theMetricsEngineDependsOnlyOnThePluginApi() {
        noClasses().that().resideInAPackage("io.catalyst.metrics..")
                .should().dependOnClassesThat(resideInAPackage("io.catalyst..")
                        .and(resideOutsideOfPackages("io.catalyst.metrics..", "io.catalyst.api.."))
                        .as("reside in Catalyst outside metrics-engine and plugin-api"))
                .because("the metrics engine is pure Java, shared by the server's metrics layer and the testkit's"
                        + " fake, so both answer alike")
                .check(CatalystClasses.platform());
    }

    @Test
    void platformCoreNeverUsesTheUiOrAPlugin() {
        noClasses().that().resideInAPackage("io.catalyst.core..")
                .should().dependOnClassesThat(resideInAnyPackage("io.catalyst.ui..", "io.catalyst.plugins..")
                        .as("reside in the UI or a plugin"))
                .because("platform-core is a jar inside the WAR that the REST API, jobs and the UI share; plugins"
                        + " reach it only through plugin-api at runtime, and the UI sits on top of it")
                .check(CatalystClasses.platform());
    }
}
