package de.dormagentwin.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import java.io.PrintStream;
import java.util.Set;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

/** The package layers point one way: app -> ui -> scene -> live -> model, and the model knows no framework. */
@AnalyzeClasses(packages = "de.dormagentwin", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule layersPointOneWay = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("app").definedBy("de.dormagentwin.app..")
            .layer("ui").definedBy("de.dormagentwin.ui..")
            .layer("scene").definedBy("de.dormagentwin.scene..", "de.dormagentwin.overlay..")
            .layer("io").definedBy("de.dormagentwin.model.io..", "de.dormagentwin.sample..")
            .layer("live").definedBy("de.dormagentwin.live..")
            .layer("model").definedBy("de.dormagentwin.model", "de.dormagentwin.model.geometry..", "de.dormagentwin.model.geo..", "de.dormagentwin.model.primitive..", "de.dormagentwin.model.text..", "de.dormagentwin.model.sun..")
            .whereLayer("app").mayNotBeAccessedByAnyLayer()
            .whereLayer("ui").mayOnlyBeAccessedByLayers("app")
            .whereLayer("scene").mayOnlyBeAccessedByLayers("ui", "app")
            .whereLayer("io").mayOnlyBeAccessedByLayers("app")
            .whereLayer("live").mayOnlyBeAccessedByLayers("scene", "ui", "app")
            .whereLayer("model").mayOnlyBeAccessedByLayers("io", "live", "scene", "ui", "app");

    @ArchTest
    static final ArchRule modelKnowsNoFramework = noClasses()
            .that().resideInAnyPackage("de.dormagentwin.model", "de.dormagentwin.model.geometry..", "de.dormagentwin.model.geo..", "de.dormagentwin.model.primitive..", "de.dormagentwin.model.text..", "de.dormagentwin.model.sun..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "com.fasterxml..", "java.sql..", "org.h2..");

    @ArchTest
    static final ArchRule nothingBelowTheUiUsesControls = noClasses()
            .that().resideInAnyPackage("de.dormagentwin.model..", "de.dormagentwin.scene..", "de.dormagentwin.sample..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene.control..");

    @ArchTest
    static final ArchRule readersKnowNoJavaFx = noClasses()
            .that().resideInAnyPackage("de.dormagentwin.model..", "de.dormagentwin.sample..", "de.dormagentwin.live..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..");

    /** The file formats live at the edge: only the readers and writers know citygml4j and its GML object model. */
    @ArchTest
    static final ArchRule onlyTheReadersKnowCityGml = noClasses()
            .that().resideOutsideOfPackage("de.dormagentwin.model.io..")
            .should().dependOnClassesThat().resideInAnyPackage("org.citygml4j..", "org.xmlobjects..");

    /** The classes of the command line whose output is the console itself; nested classes count as their outer one's. */
    static final DescribedPredicate<JavaClass> COMMAND_LINE = DescribedPredicate.describe(
            "the command line (app's Main, *Command and *Benchmark classes, Logs.ConsoleLine)", javaClass -> {
                String name = javaClass.getName();
                if (name.equals("de.dormagentwin.app.Logs$ConsoleLine")) {
                    return true;
                }
                String outer = name.contains("$") ? name.substring(0, name.indexOf('$')) : name;
                String simple = outer.substring(outer.lastIndexOf('.') + 1);
                return outer.equals("de.dormagentwin.app." + simple)
                        && (simple.equals("Main") || simple.endsWith("Command") || simple.endsWith("Benchmark"));
            });

    /**
     * A command's output and its final error line are the console; everything else logs through System.Logger, where
     * the level, the log file and the kiosk's and serve's handlers apply, and where a line printed from a ui or live
     * class cannot end up in the middle of a command's table or be lost when no console is attached.
     */
    @ArchTest
    static final ArchRule onlyTheCommandLinePrints = noClasses().that(not(COMMAND_LINE))
            .should().accessField(System.class, "out")
            .orShould().accessField(System.class, "err")
            .orShould().callMethod(System.class, "setOut", PrintStream.class)
            .orShould().callMethod(System.class, "setErr", PrintStream.class)
            .because("standard output and error belong to the command line; elsewhere log through System.getLogger");

    /**
     * The developer tools, which the app image's jar leaves out (pom.xml, profile dist; ADR 19): the same classes as the
     * jar's excludes and MainWithoutToolsTest's hidden ones.
     */
    static final DescribedPredicate<JavaClass> TOOLS = DescribedPredicate.describe(
            "the developer tools (package sample, app's *Benchmark, BenchCommand, GenerateSampleCommand, PerObjectMeshes, LoopbackUpstream)",
            javaClass -> {
                String name = javaClass.getName();
                String outer = name.contains("$") ? name.substring(0, name.indexOf('$')) : name;
                String simple = outer.substring(outer.lastIndexOf('.') + 1);
                return outer.startsWith("de.dormagentwin.sample.")
                        || outer.equals("de.dormagentwin.app." + simple) && (simple.endsWith("Benchmark")
                                || Set.of("BenchCommand", "GenerateSampleCommand", "PerObjectMeshes", "LoopbackUpstream").contains(simple));
            });

    /** A product class that used a tool would build and test green here and fail in the app image, where the tool is not. */
    @ArchTest
    static final ArchRule theProductUsesNoTool = noClasses().that(not(TOOLS))
            .should().dependOnClassesThat(TOOLS)
            .because("the app image leaves the developer tools out; Main adds their commands by name where they are");
}
