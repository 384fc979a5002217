package ru.rosobr.assistant.routing;

import org.junit.jupiter.api.Test;

import ru.rosobr.assistant.testkit.ModuleBoundaries;

class ModuleBoundariesTest {

    @Test
    void featuresKeepTheirInternalsToThemselves() {
        ModuleBoundaries.verify("ru.rosobr.assistant.routing");
    }

    @Test
    void featuresDependOnEachOtherWithoutCycles() {
        ModuleBoundaries.verifyFreeOfCycles("ru.rosobr.assistant.routing");
    }
}
