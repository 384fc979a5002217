package ru.rosobr.assistant.contracts.json;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import ru.rosobr.assistant.contracts.Event;
import ru.rosobr.assistant.contracts.Topic;

/** JSON on the wire for every event: one mapper, configured once, used by the outbox and the consumers. */
public final class EventCodec {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            // a newer writer may add fields: old readers ignore them instead of failing
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private EventCodec() {
    }

    public static String write(Event event) {
        return MAPPER.writeValueAsString(event);
    }

    public static <T extends Event> T read(Topic<T> topic, String json) {
        return MAPPER.readValue(json, topic.eventType());
    }

    public static JsonMapper mapper() {
        return MAPPER;
    }
}
