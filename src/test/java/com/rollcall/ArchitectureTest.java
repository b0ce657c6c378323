package com.rollcall;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * The rooms' rules (docs/design.md, package map), checked on the compiled main classes: a rule broken by a
 * change fails the build instead of waiting for a reviewer to notice.
 */
class ArchitectureTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.rollcall");

    /** The features: everything but the floor (platform), the SCIM kernel, the role kernel and composition. */
    private static final String[] FEATURES = {"com.rollcall.access..", "com.rollcall.apiclients..", "com.rollcall.audit..",
        "com.rollcall.console..", "com.rollcall.discovery..", "com.rollcall.enterprise..", "com.rollcall.export..",
        "com.rollcall.groups..", "com.rollcall.licensing..", "com.rollcall.people..", "com.rollcall.readiness..",
        "com.rollcall.remap..", "com.rollcall.search..", "com.rollcall.users..", "com.rollcall.app.."};

    private static void check(ArchRule rule) {
        rule.check(MAIN);
    }

    @Test
    void packagesHaveNoCycles() {
        check(slices().matching("com.rollcall.(*)..").should().beFreeOfCycles());
    }

    @Test
    void theScimKernelUsesOnlyJavaAndJsonP() {
        check(classes().that().resideInAPackage("com.rollcall.scim..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("com.rollcall.scim..", "java..", "jakarta.json.."));
    }

    @Test
    void theRoleKernelUsesOnlyJava() {
        check(classes().that().resideInAPackage("com.rollcall.roles..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("com.rollcall.roles..", "java.."));
    }

    @Test
    void platformIsAFloorThatImportsNoFeature() {
        check(noClasses().that().resideInAPackage("com.rollcall.platform..")
                .should().dependOnClassesThat().resideInAnyPackage(FEATURES));
    }

    @Test
    void onlyRepositoriesAndThePersistenceFloorTouchTheEntityManagerOrJdbc() {
        check(noClasses().that().resideOutsideOfPackages("com.rollcall.platform.persistence..",
                        "com.rollcall.platform.query..", "com.rollcall.platform.health..")
                .and().haveSimpleNameNotEndingWith("Repository")
                .should().dependOnClassesThat().haveFullyQualifiedName("jakarta.persistence.EntityManager")
                .orShould().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql.."));
    }

    @Test
    void consoleBeansCallServicesNotRepositoriesOrEntities() {
        check(noClasses().that().resideInAPackage("com.rollcall.console..")
                .should().dependOnClassesThat().haveSimpleNameEndingWith("Repository")
                .orShould().dependOnClassesThat().areAnnotatedWith(jakarta.persistence.Entity.class));
    }

    @Test
    void consoleBeansReceiveViewsNotJson() {
        check(noClasses().that().resideInAPackage("com.rollcall.console..")
                .and().doNotHaveFullyQualifiedName(com.rollcall.console.AuditChanges.class.getName())
                .and().doNotHaveFullyQualifiedName(com.rollcall.console.users.UserForm.class.getName())
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.json..", "com.rollcall.scim.json.."));
    }

    @Test
    void boundariesCallServicesNotRepositories() {
        check(noClasses().that().haveSimpleNameEndingWith("Resource")
                .should().dependOnClassesThat().haveSimpleNameEndingWith("Repository"));
    }
}
