package ru.rosobr.assistant.testkit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.Set;
import java.util.TreeSet;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The service layout rules: a service is packaged by feature ({@code <service>.<feature>}); what a feature keeps in
 * its {@code internal} package is used by that feature only; no two features depend on each other, directly or
 * through others. Call both from one test per service.
 */
public final class ModuleBoundaries {

    private ModuleBoundaries() {
    }

    public static void verify(String servicePackage) {
        JavaClasses classes = productionClasses(servicePackage);
        Set<String> features = new TreeSet<>();
        for (JavaClass c : classes) {
            String rest = c.getPackageName().substring(servicePackage.length());
            if (rest.startsWith(".")) {
                features.add(rest.substring(1).split("\\.")[0]);
            }
        }
        if (features.isEmpty()) {
            throw new AssertionError("no feature packages under " + servicePackage);
        }
        for (String feature : features) {
            String base = servicePackage + "." + feature;
            noClasses().that().resideOutsideOfPackage(base + "..")
                    .should().dependOnClassesThat().resideInAPackage(base + ".internal..")
                    .as("only " + feature + " uses " + feature + ".internal")
                    .allowEmptyShould(true)
                    .check(classes);
        }
    }

    /** Fails listing every cycle between the feature packages (a feature's own subpackages count as the feature). */
    public static void verifyFreeOfCycles(String servicePackage) {
        checkFreeOfCycles(productionClasses(servicePackage), servicePackage);
    }

    static void checkFreeOfCycles(JavaClasses classes, String servicePackage) {
        slices().matching(servicePackage + ".(*)..").namingSlices("$1")
                .should().beFreeOfCycles()
                .as("features of " + servicePackage + " are free of cycles")
                .check(classes);
    }

    private static JavaClasses productionClasses(String servicePackage) {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(servicePackage);
    }
}
