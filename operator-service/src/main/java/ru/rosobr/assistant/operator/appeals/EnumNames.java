package ru.rosobr.assistant.operator.appeals;

import java.util.Locale;
import java.util.Optional;

/** Reads an enum constant from a query parameter: any case, surrounding blanks ignored, unknown or empty → empty. */
final class EnumNames {

    private EnumNames() {
    }

    static <E extends Enum<E>> Optional<E> parse(Class<E> type, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
