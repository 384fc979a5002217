package ru.rosobr.assistant.gateway;

import org.junit.jupiter.api.Test;

import ru.rosobr.assistant.testkit.ModuleBoundaries;

class ModuleBoundariesTest {

    @Test
    void featuresKeepTheirInternalsToThemselves() {
        ModuleBoundaries.verify("ru.rosobr.assistant.gateway");
    }

    @Test
    void featuresDependOnEachOtherWithoutCycles() {
        ModuleBoundaries.verifyFreeOfCycles("ru.rosobr.assistant.gateway");
    }
}
