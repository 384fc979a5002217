package ru.rosobr.assistant.analytics;

import org.junit.jupiter.api.Test;

import ru.rosobr.assistant.testkit.ModuleBoundaries;

class ModuleBoundariesTest {

    @Test
    void featuresKeepTheirInternalsToThemselves() {
        ModuleBoundaries.verify("ru.rosobr.assistant.analytics");
    }

    @Test
    void featuresDependOnEachOtherWithoutCycles() {
        ModuleBoundaries.verifyFreeOfCycles("ru.rosobr.assistant.analytics");
    }
}
