package ru.rosobr.assistant.platform.web;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;

import ru.rosobr.assistant.platform.input.TextInput;

/**
 * Strings of request bodies without NUL: PostgreSQL refuses the character in text, so a body carrying one is refused
 * while it is read (400, like any other unreadable body) instead of failing at the database with a 500.
 */
final class NulFreeStrings extends StringDeserializer {

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) {
        String value = super.deserialize(p, ctxt);
        if (TextInput.hasNul(value)) {
            throw InvalidFormatException.from(p, "Строка " + TextInput.NUL_REASON, value, String.class);
        }
        return value;
    }
}
