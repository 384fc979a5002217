package ru.rosobr.assistant.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import ru.rosobr.assistant.contracts.events.OutboundMessage;

/** Every topic's record and its JSON Schema agree: same fields, compatible types, and a sample round-trips. */
class EventSchemaContractTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true).build();

    static Stream<Topic<?>> topics() {
        return Topics.ALL.stream();
    }

    private static JsonNode schemaJson(Topic<?> topic) throws Exception {
        try (InputStream in = EventSchemaContractTest.class.getResourceAsStream(
                "/schemas/" + topic.name() + ".schema.json")) {
            assertThat(in).as("schema file for %s", topic.name()).isNotNull();
            return JSON.readTree(in);
        }
    }

    private static JsonSchema schema(Topic<?> topic) throws Exception {
        return FACTORY.getSchema(schemaJson(topic).toString(), InputFormat.JSON, CONFIG);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("topics")
    void schemaPropertiesMatchRecordComponents(Topic<?> topic) throws Exception {
        JsonNode properties = schemaJson(topic).get("properties");
        Set<String> schemaFields = new HashSet<>(properties.propertyNames());
        Set<String> recordFields = new HashSet<>();
        for (RecordComponent c : topic.eventType().getRecordComponents()) {
            recordFields.add(c.getName());
            JsonNode type = properties.get(c.getName()).get("type");
            String expected = jsonType(c.getType());
            boolean matches = type.isArray()
                    ? type.valueStream().anyMatch(t -> t.asString().equals(expected))
                    : type.asString().equals(expected);
            assertThat(matches).as("%s.%s is %s in the schema", topic.name(), c.getName(), expected).isTrue();
        }
        assertThat(schemaFields).isEqualTo(recordFields);
        for (String required : List.of("eventId", "occurredAt", "schemaVersion")) {
            assertThat(schemaJson(topic).get("required").valueStream().map(JsonNode::asString).toList())
                    .contains(required);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("topics")
    void sampleRoundTripsAndValidates(Topic<?> topic) throws Exception {
        Object sample = sample(topic.eventType());
        String json = JSON.writeValueAsString(sample);

        Set<ValidationMessage> errors = schema(topic).validate(json, InputFormat.JSON);
        assertThat(errors).as("sample of %s against its schema", topic.name()).isEmpty();
        assertThat(JSON.readValue(json, topic.eventType())).isEqualTo(sample);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("topics")
    void schemaRejectsAnEventWithoutItsId(Topic<?> topic) throws Exception {
        ObjectNode node = (ObjectNode) JSON.valueToTree(sample(topic.eventType()));
        node.remove("eventId");
        assertThat(schema(topic).validate(node.toString(), InputFormat.JSON)).isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("topics")
    void everyTopicHasOneWriterAndAVersionedName(Topic<?> topic) {
        assertThat(topic.name()).matches("[a-z]+(\\.[a-z-]+)+\\.v\\d+");
        // the outbox picks the topic by the event's type among its own service's topics: that pair must name one topic
        assertThat(Topics.carrying(topic.eventType())).filteredOn(t -> t.writer().equals(topic.writer()))
                .containsExactly(topic);
        assertThat(List.of(Topics.INTAKE, Topics.ANSWER, Topics.ROUTING, Topics.OPERATOR, Topics.FOLLOWUP))
                .contains(topic.writer());
    }

    private static String jsonType(Class<?> type) {
        if (type == int.class || type == long.class) {
            return "integer";
        }
        if (type == double.class) {
            return "number";
        }
        if (type == boolean.class) {
            return "boolean";
        }
        if (List.class.isAssignableFrom(type)) {
            return "array";
        }
        return "string";
    }

    /** A sample with every field set, built from the record's components. */
    static Object sample(Class<?> recordType) throws Exception {
        RecordComponent[] components = recordType.getRecordComponents();
        List<Object> args = new ArrayList<>();
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            args.add(value(components[i]));
        }
        return recordType.getDeclaredConstructor(types).newInstance(args.toArray());
    }

    private static Object value(RecordComponent c) {
        Class<?> t = c.getType();
        if (t == UUID.class) {
            return UUID.randomUUID();
        }
        if (t == Instant.class) {
            return Instant.now().truncatedTo(ChronoUnit.MILLIS);
        }
        if (t == LocalDate.class) {
            return LocalDate.of(2026, 1, 14);
        }
        if (t == int.class) {
            return 1;
        }
        if (t == double.class) {
            return 0.75;
        }
        if (t == boolean.class) {
            return true;
        }
        if (t.isEnum()) {
            return t.getEnumConstants()[0];
        }
        if (t == List.class) {
            Type arg = ((ParameterizedType) c.getGenericType()).getActualTypeArguments()[0];
            if (arg == UUID.class) {
                return List.of(UUID.randomUUID());
            }
            return arg == String.class ? List.of("пример")
                    : List.of(new OutboundMessage.Button("5", "rate:" + UUID.randomUUID() + ":5"));
        }
        if (t == String.class) {
            return Map.of("region", "58").getOrDefault(c.getName(), "пример " + c.getName());
        }
        throw new IllegalArgumentException("no sample for " + t);
    }
}
