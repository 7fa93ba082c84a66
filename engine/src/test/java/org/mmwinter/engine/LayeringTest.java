package org.mmwinter.engine;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Which way the engine's packages depend, checked on the compiled classes so that a cycle cannot creep back in:
 * {@code core} (books, matching) depends on no other package; {@code message} (the command and result layouts) only
 * on {@code core}; {@code state}, {@code flow} and {@code journal} build on those; {@code pipeline}, the
 * gateways ({@code gateway}, then {@code fix} with its market data) and {@code process} on top. And the engine
 * never depends on the modules that plug into it.
 */
final class LayeringTest
{
    private static final JavaClasses ENGINE = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("org.mmwinter.engine");

    @Test
    void packagesHaveNoCycles()
    {
        slices().matching("org.mmwinter.engine.(*)..").should().beFreeOfCycles().check(ENGINE);
    }

    @Test
    void theCoreKnowsNothingElseOfTheEngine()
    {
        noClasses().that().resideInAPackage("org.mmwinter.engine.core..")
            .should().dependOnClassesThat().resideOutsideOfPackages("org.mmwinter.engine.core..", "java..",
                "org.agrona..")
            .check(ENGINE);
    }

    @Test
    void messagesDependOnlyOnTheCore()
    {
        noClasses().that().resideInAPackage("org.mmwinter.engine.message..")
            .should().dependOnClassesThat().resideInAnyPackage("org.mmwinter.engine.flow..",
                "org.mmwinter.engine.state..", "org.mmwinter.engine.journal..", "org.mmwinter.engine.pipeline..",
                "org.mmwinter.engine.gateway..", "org.mmwinter.engine.fix..", "org.mmwinter.engine.process..")
            .check(ENGINE);
    }

    @Test
    void journalsDoNotReachIntoThePipeline()
    {
        noClasses().that().resideInAnyPackage("org.mmwinter.engine.journal..", "org.mmwinter.engine.state..",
                "org.mmwinter.engine.flow..")
            .should().dependOnClassesThat().resideInAnyPackage("org.mmwinter.engine.pipeline..",
                "org.mmwinter.engine.gateway..", "org.mmwinter.engine.fix..", "org.mmwinter.engine.process..")
            .check(ENGINE);
    }

    @Test
    void theGatewaysAreSidesNotLayers()
    {
        // The FIX gateway comes after the CSV gateway and before the process; neither gateway needs the other.
        noClasses().that().resideInAnyPackage("org.mmwinter.engine.gateway..", "org.mmwinter.engine.fix..",
                "org.mmwinter.engine.pipeline..")
            .should().dependOnClassesThat().resideInAPackage("org.mmwinter.engine.process..")
            .check(ENGINE);
        noClasses().that().resideInAPackage("org.mmwinter.engine.fix..")
            .should().dependOnClassesThat().resideInAPackage("org.mmwinter.engine.gateway..")
            .check(ENGINE);
        noClasses().that().resideInAPackage("org.mmwinter.engine.gateway..")
            .should().dependOnClassesThat().resideInAPackage("org.mmwinter.engine.fix..")
            .check(ENGINE);
    }

    @Test
    void theEngineNeverDependsOnWhatPlugsIntoIt()
    {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.mmwinter.quoting..",
            "org.mmwinter.replay..", "org.mmwinter.bench..").check(ENGINE);
    }
}
