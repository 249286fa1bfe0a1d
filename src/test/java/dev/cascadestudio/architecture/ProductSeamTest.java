package dev.cascadestudio.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaFieldAccess;
import com.tngtech.archunit.core.domain.properties.HasOwner;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.cascadestudio.persistence.DatabaseKind;

/** The engine and the services ask the database's product what it can do, never which product it is. */
@AnalyzeClasses(packages = "dev.cascadestudio", importOptions = ImportOption.DoNotIncludeTests.class)
class ProductSeamTest {

    @ArchTest
    static final ArchRule engineAndServicesNeverTestTheKind = noClasses()
            .that().resideInAnyPackage("dev.cascadestudio.cascade..", "dev.cascadestudio.service..")
            .should().accessFieldWhere(JavaFieldAccess.Predicates.target(
                    HasOwner.Predicates.With.owner(JavaClass.Predicates.assignableTo(DatabaseKind.class))))
            .because("what differs between H2, SQLite, PostgreSQL and MariaDB/MySQL lives in one DatabaseProduct per "
                    + "product (STYLE.md: one class per product); a new product is a new class, not a hunt for ifs");
}
