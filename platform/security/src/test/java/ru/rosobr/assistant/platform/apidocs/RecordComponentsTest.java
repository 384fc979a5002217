package ru.rosobr.assistant.platform.apidocs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import io.swagger.v3.oas.models.media.Schema;

class RecordComponentsTest {

    record Answer(String id, @Nullable String note, int count) {
    }

    record Create(String title, @io.swagger.v3.oas.annotations.media.Schema(requiredMode = RequiredMode.NOT_REQUIRED)
            String startAt, int rate) {
    }

    @io.swagger.v3.oas.annotations.media.Schema(requiredMode = RequiredMode.NOT_REQUIRED)
    record Changes(String name, Boolean enabled) {
    }

    @SuppressWarnings("rawtypes")
    private static Schema schema(Class<?> type) {
        ModelConverters converters = new ModelConverters();
        converters.addConverter(new ApiDocsAutoConfiguration.RecordComponents());
        Map<String, Schema> models = converters.readAll(type);
        return models.get(type.getSimpleName());
    }

    @Test
    void everyComponentOfAnAnswerIsThereAndOnlyTheMarkedOneMayBeNull() {
        Schema<?> answer = schema(Answer.class);
        assertThat(answer.getRequired()).containsExactlyInAnyOrder("id", "note", "count");
        assertThat(answer.getProperties().get("note").getNullable()).isTrue();
        assertThat(answer.getProperties().get("id").getNullable()).isNull();
    }

    @Test
    void aRequestSaysWhatTheServiceDoesWithout() {
        Schema<?> create = schema(Create.class);
        assertThat(create.getRequired()).containsExactlyInAnyOrder("title", "rate");
        assertThat(create.getProperties().get("startAt").getNullable()).isTrue();
        Schema<?> changes = schema(Changes.class);
        assertThat(changes.getRequired()).isNullOrEmpty();
        assertThat(changes.getProperties().get("enabled").getNullable()).isTrue();
    }
}
