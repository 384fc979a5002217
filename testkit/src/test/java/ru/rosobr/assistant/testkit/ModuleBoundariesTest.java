package ru.rosobr.assistant.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;

/** The cycle rule on two fixture services under test sources: one with a cycle, one without. */
class ModuleBoundariesTest {

    private static final String CYCLIC = "ru.rosobr.assistant.testkit.boundaries.cyclic";
    private static final String ACYCLIC = "ru.rosobr.assistant.testkit.boundaries.acyclic";

    @Test
    void reportsACycleBetweenTwoFeatures() {
        JavaClasses classes = new ClassFileImporter().importPackages(CYCLIC);

        assertThatThrownBy(() -> ModuleBoundaries.checkFreeOfCycles(classes, CYCLIC))
                .isInstanceOf(AssertionError.class)
                // ArchUnit breaks the cycle over lines
                .satisfies(e -> assertThat(e.getMessage().replaceAll("\\s+", " "))
                        .contains("Cycle detected: left -> right -> left"));
    }

    @Test
    void acceptsFeaturesThatDependOneWay() {
        JavaClasses classes = new ClassFileImporter().importPackages(ACYCLIC);

        assertThatCode(() -> ModuleBoundaries.checkFreeOfCycles(classes, ACYCLIC)).doesNotThrowAnyException();
    }
}
