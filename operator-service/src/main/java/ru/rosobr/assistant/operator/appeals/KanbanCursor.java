package ru.rosobr.assistant.operator.appeals;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.UUID;

import ru.rosobr.assistant.operator.problems.Problems;

/**
 * Where a kanban column's page ended: the last card's deadline (null = none, sorts last) and id. The next page is
 * read from the index right after it (keyset), so «показать ещё» costs the same on the first page and the hundredth
 * and skips or repeats nothing while cards move. Opaque to the client: base64url of {@code <deadline>|<id>}.
 */
public record KanbanCursor(Instant deadline, UUID id) {

    private static final String NO_DEADLINE = "-";

    public static KanbanCursor after(AppealSummary last) {
        return new KanbanCursor(last.deadline(), last.id());
    }

    public String encode() {
        String raw = (deadline == null ? NO_DEADLINE : deadline.toString()) + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor of a {@code after=} parameter; null for none; a malformed one is refused with 400. */
    public static KanbanCursor parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(value.trim()), StandardCharsets.UTF_8);
            int bar = raw.indexOf('|');
            if (bar < 0) {
                throw new IllegalArgumentException("no separator");
            }
            String due = raw.substring(0, bar);
            return new KanbanCursor(due.equals(NO_DEADLINE) ? null : Instant.parse(due),
                    UUID.fromString(raw.substring(bar + 1)));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw Problems.badRequest("Некорректный параметр after: передайте значение next из предыдущей страницы");
        }
    }
}
