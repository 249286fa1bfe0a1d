package dev.cascadestudio.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.cascadestudio.persistence.Database;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;

/** The layers of DESIGN.md, each rule with its reason. */
@AnalyzeClasses(packages = "dev.cascadestudio", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

    @ArchTest
    static final ArchRule layersDependOnlyDownward = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("ui").definedBy("dev.cascadestudio.ui..")
            .layer("cli").definedBy("dev.cascadestudio.cli..")
            .layer("report").definedBy("dev.cascadestudio.report..")
            .layer("diagram").definedBy("dev.cascadestudio.diagram..")
            .layer("service").definedBy("dev.cascadestudio.service..")
            .layer("cascade").definedBy("dev.cascadestudio.cascade..")
            .layer("persistence").definedBy("dev.cascadestudio.persistence..")
            .layer("domain").definedBy("dev.cascadestudio.domain..")
            .whereLayer("ui").mayNotBeAccessedByAnyLayer()
            .whereLayer("cli").mayNotBeAccessedByAnyLayer()
            .whereLayer("report").mayOnlyBeAccessedByLayers("ui", "cli")
            .whereLayer("diagram").mayOnlyBeAccessedByLayers("ui", "report")
            .whereLayer("service").mayOnlyBeAccessedByLayers("ui", "cli", "report")
            .whereLayer("cascade").mayOnlyBeAccessedByLayers("service", "cli", "ui", "report", "diagram")
            .whereLayer("persistence").mayOnlyBeAccessedByLayers("cascade", "service", "cli")
            .whereLayer("domain").mayOnlyBeAccessedByLayers("persistence", "cascade", "service", "cli", "ui", "report", "diagram")
            .because("each layer of DESIGN.md may use only the layers below it, so the engine can be tested and "
                    + "scripted without a window, and the window without a database library");

    @ArchTest
    static final ArchRule uiNeverTouchesHibernate = noClasses().that().resideInAPackage("dev.cascadestudio.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("org.hibernate..", "jakarta.persistence..",
                    "dev.cascadestudio.persistence..", "java.sql..")
            .orShould().dependOnClassesThat().areAnnotatedWith(jakarta.persistence.Entity.class)
            .orShould().dependOnClassesThat().areAnnotatedWith(jakarta.persistence.MappedSuperclass.class)
            .because("the window only sees plain records (plans, rules, row references); a managed entity on the FX "
                    + "thread would load lazily and block it");

    @ArchTest
    static final ArchRule uiReachesTheDatabaseOnlyThroughServices = noClasses().that().resideInAPackage("dev.cascadestudio.ui..")
            .should().dependOnClassesThat().haveFullyQualifiedName("dev.cascadestudio.cascade.Planner")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("dev.cascadestudio.cascade.Executor")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("dev.cascadestudio.cascade.Restorer")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("dev.cascadestudio.cascade.Auditor")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("dev.cascadestudio.cascade.ReachedRows")
            .because("every database call of the window goes through a service, which tests and the command line share; "
                    + "the window may read the engine's immutable plan values, never run the engine itself");

    @ArchTest
    static final ArchRule windowAndCommandLineOpenDatabasesOnlyThroughTheSession = noClasses().that()
            .resideInAnyPackage("dev.cascadestudio.ui..", "dev.cascadestudio.cli..")
            .should().callMethodWhere(DescribedPredicate.describe("Database.open…",
                    (JavaMethodCall call) -> call.getTargetOwner().isEquivalentTo(Database.class)
                            && call.getName().startsWith("open")))
            .orShould().callConstructorWhere(DescribedPredicate.describe("the constructor of a service over a database",
                    (JavaConstructorCall call) -> call.getTargetOwner().getPackageName().equals("dev.cascadestudio.service")
                            && call.getTargetOwner().getSimpleName().endsWith("Service")
                            // HistoryService reads the audit log file only: there is no database to bypass
                            && call.getTarget().getRawParameterTypes().stream().anyMatch(t -> t.isEquivalentTo(Database.class))))
            .because("DatabaseSession decides whether a database opens read-only or for editing, and hands out the "
                    + "services with the write gate of that mode; a database opened or a service made beside it would "
                    + "bypass that decision");

    @ArchTest
    static final ArchRule coreNeverImportsJavaFx = noClasses().that()
            .resideInAnyPackage("dev.cascadestudio.domain..", "dev.cascadestudio.persistence..",
                    "dev.cascadestudio.cascade..", "dev.cascadestudio.service..", "dev.cascadestudio.diagram..",
                    "dev.cascadestudio.report..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "atlantafx..")
            .because("the engine, the services and the impact report (the diagram's layout included) also run from the command "
                    + "line and in CI without a display");

    @ArchTest
    static final ArchRule onlyCliWritesToStandardStreams = noClasses().that()
            .resideOutsideOfPackages("dev.cascadestudio.cli..")
            .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
            .because("the command line owns stdout/stderr (its JSON output must stay parseable); everything "
                    + "else reports through return values, exceptions or the UI");

    @ArchTest
    static final ArchRule noRawThreads = noClasses().that().resideInAPackage("dev.cascadestudio.ui..")
            .should().callConstructor(Thread.class)
            .orShould().callConstructor(Thread.class, Runnable.class)
            .because("background work in the window goes through the TaskExecutor seam, so tests can run it "
                    + "synchronously and the UI can show its progress");
}
