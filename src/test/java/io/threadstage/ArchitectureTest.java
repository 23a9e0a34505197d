package io.threadstage;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layer rules of the team brief, checked on the compiled production classes. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.threadstage");
    }

    @Test
    void onlyUiAndAppUseJavaFx() {
        noClasses().that().resideOutsideOfPackages("io.threadstage.ui..", "io.threadstage.app..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..")
                .because("core, model, trace and io must run without a display")
                .check(classes);
    }

    @Test
    void theModelDependsOnNoOtherPackageOfOurs() {
        noClasses().that().resideInAPackage("io.threadstage.model..")
                .should().dependOnClassesThat().resideInAnyPackage("io.threadstage.app..", "io.threadstage.io..",
                        "io.threadstage.core..", "io.threadstage.trace..", "io.threadstage.ui..")
                .check(classes);
    }

    @Test
    void coreTraceAndIoNeverReachIntoUiOrApp() {
        noClasses().that().resideInAnyPackage("io.threadstage.core..", "io.threadstage.trace..", "io.threadstage.io..")
                .should().dependOnClassesThat().resideInAnyPackage("io.threadstage.ui..", "io.threadstage.app..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void theTraceDependsOnNoOtherPackageOfOurs() {
        noClasses().that().resideInAPackage("io.threadstage.trace..")
                .should().dependOnClassesThat().resideInAnyPackage("io.threadstage.app..", "io.threadstage.io..",
                        "io.threadstage.core..", "io.threadstage.model..", "io.threadstage.ui..")
                .check(classes);
    }

    @Test
    void theRuntimeAndTheFilesAreIndependent() {
        // the core runs what the model says and reports to the trace; reading and writing files is io's
        noClasses().that().resideInAPackage("io.threadstage.core..")
                .should().dependOnClassesThat().resideInAnyPackage("io.threadstage.io..")
                .check(classes);
        noClasses().that().resideInAPackage("io.threadstage.io..")
                .should().dependOnClassesThat().resideInAnyPackage("io.threadstage.core..")
                .check(classes);
    }

    @Test
    void javaRecordingsReadWithoutADisplayAndApartFromTheRuntime() {
        // a recording becomes trace events through a TraceSink and is written by io: it needs no window
        // and no Python runtime, so the command line converts one without either
        noClasses().that().resideInAPackage("io.threadstage.jfr..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "io.threadstage.core..",
                        "io.threadstage.ui..", "io.threadstage.app..", "io.threadstage.model..")
                .check(classes);
    }

    @Test
    void ourPackagesFormNoCycle() {
        slices().matching("io.threadstage.(*)..").should().beFreeOfCycles().check(classes);
    }
}
