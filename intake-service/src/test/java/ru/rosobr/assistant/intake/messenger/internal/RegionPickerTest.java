package ru.rosobr.assistant.intake.messenger.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import ru.rosobr.assistant.platform.reference.Regions;

class RegionPickerTest {

    @Test
    void everyRegionCanBeReachedAndNoStepHasMoreThanTenButtons() {
        assertThat(RegionPicker.districts().buttons()).hasSize(8);
        Set<String> reached = new HashSet<>();
        for (String district : RegionPicker.DISTRICTS.keySet()) {
            for (int page = 0; page < RegionPicker.pages(district); page++) {
                RegionPicker.Prompt prompt = RegionPicker.district(district, page);
                assertThat(prompt.buttons()).hasSizeLessThanOrEqualTo(10);
                prompt.buttons().stream().map(b -> b.payload()).filter(p -> p.startsWith("region:set:"))
                        .forEach(p -> reached.add(p.substring("region:set:".length())));
                prompt.buttons().forEach(b -> assertThat(RegionPicker.parse(b.payload())).isPresent());
            }
        }
        assertThat(reached).hasSize(Regions.all().size());
    }

    @Test
    void badPayloadsAreNotChoices() {
        assertThat(RegionPicker.parse("region:set:00")).isEmpty();
        assertThat(RegionPicker.parse("region:fd:ЦФО:9")).isEmpty();
        assertThat(RegionPicker.parse("region:fd:XXX:0")).isEmpty();
        assertThat(RegionPicker.parse("region:whatever")).isEmpty();
        assertThat(RegionPicker.parse("region:set:58")).contains(new RegionPicker.Choice.Region("58"));
    }
}
