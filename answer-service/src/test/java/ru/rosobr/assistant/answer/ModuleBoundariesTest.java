package ru.rosobr.assistant.answer;

import org.junit.jupiter.api.Test;

import ru.rosobr.assistant.testkit.ModuleBoundaries;

class ModuleBoundariesTest {

    @Test
    void featuresKeepTheirInternalsToThemselves() {
        ModuleBoundaries.verify("ru.rosobr.assistant.answer");
    }

    @Test
    void featuresDependOnEachOtherWithoutCycles() {
        ModuleBoundaries.verifyFreeOfCycles("ru.rosobr.assistant.answer");
    }
}
