package io.catalyst.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.Test;

/** Boundaries inside a module: platform-core's feature packages, and the UI shell against its screens. */
class PackageBoundariesTest {

    @Test
    void platformCoresFeaturePackagesAreFreeOfCycles() {
        slices().matching("io.catalyst.core.(*)..").namingSlices("core.$1")
                .should().beFreeOfCycles()
                .because("each package of platform-core is one business component; with no cycles between them"
                        + " one can be understood, tested and changed from the packages below it alone, and"
                        + " moved into a module of its own")
                .check(CatalystClasses.platform());
    }

    @Test
    void theShellNeverUsesAFeatureScreen() {
        noClasses().that().resideInAPackage("io.catalyst.ui.shell..")
                .should().dependOnClassesThat(resideInAPackage("io.catalyst.ui..")
                        .and(resideOutsideOfPackage("io.catalyst.ui.shell..")).as("reside in a UI package other than the shell"))
                .because("screens declare their own place in the shell (@Navigation, ScreenContribution,"
                        + " NavigationSource, @PublicScreen's role) and the shell reads it from the routes and"
                        + " META-INF/services, so a screen can be added, moved or removed, as plugin screens are,"
                        + " without touching the shell")
                .check(CatalystClasses.platform());
    }
}
