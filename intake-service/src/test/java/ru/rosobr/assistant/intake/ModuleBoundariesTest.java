package ru.rosobr.assistant.intake;

import org.junit.jupiter.api.Test;

import ru.rosobr.assistant.testkit.ModuleBoundaries;

class ModuleBoundariesTest {

    @Test
    void featuresKeepTheirInternalsToThemselves() {
        ModuleBoundaries.verify("ru.rosobr.assistant.intake");
    }

    @Test
    void featuresDependOnEachOtherWithoutCycles() {
        ModuleBoundaries.verifyFreeOfCycles("ru.rosobr.assistant.intake");
    }
}
