package com.rollcall;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollcall.console.AuditChanges;
import com.rollcall.console.Refusal;
import com.rollcall.console.users.UserForm;
import com.rollcall.scim.message.ScimErrorType;
import com.rollcall.scim.message.ScimException;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import jakarta.inject.Named;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
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

    /**
     * Console beans get view records from the services, not JSON: only the stored audit JSON's formatter and the
     * user form (the manual-user use cases take and give a user's SCIM document) read or write JSON.
     */
    @Test
    void consoleBeansReceiveViewsNotJson() {
        check(noClasses().that().resideInAPackage("com.rollcall.console..")
                .and().doNotHaveFullyQualifiedName(AuditChanges.class.getName())
                .and().doNotHaveFullyQualifiedName(UserForm.class.getName())
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.json..", "com.rollcall.scim.json.."));
    }

    /** The console shows a refusal in words; only Refusal reads the services' exception, no bean builds one. */
    @Test
    void consoleBeansSeeRefusalsNotScimErrors() {
        check(noClasses().that().resideInAPackage("com.rollcall.console..")
                .and().doNotHaveFullyQualifiedName(Refusal.class.getName())
                .should().dependOnClassesThat().haveFullyQualifiedName(ScimException.class.getName())
                .orShould().dependOnClassesThat().haveFullyQualifiedName(ScimErrorType.class.getName()));
    }

    /**
     * Bean packages mirror page paths: a bean that {@code /console/groups/detail.xhtml} names sits in
     * {@code com.rollcall.console.groups}. Console-wide helpers (not {@code *Backing}) in {@code com.rollcall.console},
     * such as {@code fmt} and {@code consoleSession}, serve every page.
     */
    @Test
    void pageBeansSitInThePackageOfTheirPage() throws IOException {
        Map<String, JavaClass> beans = new HashMap<>();
        for (JavaClass bean : MAIN) {
            if (bean.getPackageName().startsWith("com.rollcall.console") && bean.isAnnotatedWith(Named.class)) {
                String name = bean.getAnnotationOfType(Named.class).value();
                String simple = bean.getSimpleName();
                beans.put(name.isEmpty() ? Character.toLowerCase(simple.charAt(0)) + simple.substring(1) : name, bean);
            }
        }
        Path root = Path.of("src/main/webapp/console");
        Pattern expression = Pattern.compile("#\\{([^}]*)}");
        Pattern identifier = Pattern.compile("(?<![\\w.'])[A-Za-z_]\\w*");
        List<String> misplaced = new ArrayList<>();
        int checked = 0;
        List<Path> pages;
        try (Stream<Path> files = Files.walk(root)) {
            pages = files.filter(f -> f.toString().endsWith(".xhtml")).sorted().toList();
        }
        for (Path page : pages) {
            String folder = root.relativize(page.getParent()).toString().replace(page.getFileSystem().getSeparator(), ".");
            String expected = folder.isEmpty() ? "com.rollcall.console" : "com.rollcall.console." + folder;
            Matcher el = expression.matcher(Files.readString(page));
            while (el.find()) {
                Matcher word = identifier.matcher(el.group(1));
                while (word.find()) {
                    JavaClass bean = beans.get(word.group());
                    if (bean == null) {
                        continue;
                    }
                    checked++;
                    boolean shared = bean.getPackageName().equals("com.rollcall.console")
                            && !bean.getSimpleName().endsWith("Backing");
                    if (!shared && !bean.getPackageName().equals(expected)) {
                        misplaced.add(root.relativize(page) + " uses #{" + word.group() + "}: " + bean.getName()
                                + " belongs in " + expected);
                    }
                }
            }
        }
        assertTrue(checked > pages.size(), "every console page names its beans (" + checked + " references found)");
        assertEquals(List.of(), misplaced.stream().distinct().toList());
    }

    @Test
    void boundariesCallServicesNotRepositories() {
        check(noClasses().that().haveSimpleNameEndingWith("Resource")
                .should().dependOnClassesThat().haveSimpleNameEndingWith("Repository"));
    }
}
