package io.threadstage;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.properties.HasOwner;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.threadstage.io.AtomicFile;
import io.threadstage.model.BodyPath;
import io.threadstage.model.StepIndex;
import io.threadstage.model.StepPath;
import io.threadstage.ui.run.CompareRuns;
import io.threadstage.ui.run.FileWork;
import java.nio.file.CopyOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Supplier;
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
    void onlyUiAndTheWindowsLauncherUseJavaFx() {
        noClasses().that().resideOutsideOfPackages("io.threadstage.ui..")
                .and().doNotHaveFullyQualifiedName("io.threadstage.app.DesktopLauncher")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "com.sun.javafx..", "com.sun.glass..",
                        "com.sun.prism..")
                .because("the core, the files, the pictures and the command line must run without a display")
                .check(classes);
    }

    @Test
    void picturesAndExportsUseNoToolkit() {
        noClasses().that().resideInAnyPackage("io.threadstage.picture..", "io.threadstage.export..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "com.sun.javafx..", "com.sun.glass..",
                        "com.sun.prism..", "javax.swing..")
                .because("a PNG or a GIF is drawn with Java2D from the frame, with no scene and no display")
                .check(classes);
    }

    @Test
    void theFrameDependsOnlyOnTheTraceAndTheModel() {
        noClasses().that().resideInAPackage("io.threadstage.picture..")
                .should().dependOnClassesThat().resideInAnyPackage("io.threadstage.app..", "io.threadstage.io..",
                        "io.threadstage.core..", "io.threadstage.export..", "io.threadstage.ui..")
                .check(classes);
    }

    @Test
    void exportsNeverReachIntoTheWindowOrTheRuntime() {
        noClasses().that().resideInAPackage("io.threadstage.export..")
                .should().dependOnClassesThat().resideInAnyPackage("io.threadstage.app..", "io.threadstage.core..",
                        "io.threadstage.ui..")
                .check(classes);
    }

    @Test
    void theCommandLineDrawsWithoutTheWindow() {
        noClasses().that().resideInAPackage("io.threadstage.app..")
                .and().doNotHaveFullyQualifiedName("io.threadstage.app.DesktopLauncher")
                .should().dependOnClassesThat().resideInAnyPackage("io.threadstage.ui..")
                .because("run and render write pictures through export; only the launcher opens the window")
                .check(classes);
    }

    @Test
    void theStageDoesNotReachIntoTheEditorOrTheRunControls() {
        noClasses().that().resideInAPackage("io.threadstage.ui.stage..")
                .should().dependOnClassesThat().resideInAnyPackage("io.threadstage.ui.editor..", "io.threadstage.ui.run..")
                .because("the stage draws a trace; the window wires it to the editor and the run")
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
    void stepPathsAreSpelledOnlyForMessagesAndByTheIndex() {
        // the runtime, the trace's readers and the stage know a step by its id or typed path; the
        // JSON text of a path is the model's to make, and io (a trace file, the generator) and the
        // editor spell it only where a file or a message shows it; the runtime hands the index's
        // spelling to the sink without calling it
        noClasses().that().resideOutsideOfPackages("io.threadstage.model..", "io.threadstage.io..",
                        "io.threadstage.ui.editor..")
                .should().callMethod(StepPath.class, "jsonPath")
                .orShould().callMethod(BodyPath.class, "jsonPath")
                .orShould().callMethod(StepIndex.class, "jsonPath", int.class)
                .check(classes);
    }

    @Test
    void theWindowHasOneThreadForFiles() {
        // file work (traces, autosave, slides, clips) goes through FileWork's one thread, so the FX
        // thread never waits on a disk and nothing writes beside it; comparing runs is run work, and
        // a window video's frames are minutes of drawing that would hold every save behind them; the
        // warm-up is a run of its own, nobody's file work
        noClasses().that().resideInAPackage("io.threadstage.ui..")
                .and().doNotHaveFullyQualifiedName(FileWork.class.getName())
                .and().doNotHaveFullyQualifiedName(CompareRuns.class.getName())
                .and().doNotHaveFullyQualifiedName(io.threadstage.ui.run.WarmUp.class.getName())
                .and().doNotHaveFullyQualifiedName(io.threadstage.ui.run.ClipExporter.class.getName())
                .should().callConstructorWhere(JavaCall.Predicates.target(
                        HasOwner.Predicates.With.owner(JavaClass.Predicates.assignableTo(Thread.class))))
                .orShould().dependOnClassesThat().belongToAnyOf(Executors.class, ForkJoinPool.class)
                .orShould().callMethod(CompletableFuture.class, "runAsync", Runnable.class)
                .orShould().callMethod(CompletableFuture.class, "supplyAsync", Supplier.class)
                .check(classes);
    }

    @Test
    void pythonTracingNeedsNoWindowAndNoRuntime() {
        // a traced program feeds a sink like the core does; the window consumes that feed, never the reverse
        noClasses().that().resideInAPackage("io.threadstage.pytrace..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "io.threadstage.core..",
                        "io.threadstage.ui..", "io.threadstage.app..")
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
    void onlyTheAtomicWriteMovesAFileIntoPlace() {
        // a second "write a temporary file, then move it" would differ in permissions or cleanup
        noClasses().that().doNotHaveFullyQualifiedName(AtomicFile.class.getName())
                .should().callMethod(Files.class, "move", Path.class, Path.class, CopyOption[].class)
                .check(classes);
    }

    @Test
    void ourPackagesFormNoCycle() {
        slices().matching("io.threadstage.(*)..").should().beFreeOfCycles().check(classes);
    }
}
