package ru.rosobr.assistant.contracts;

import java.time.Instant;
import java.util.UUID;

/** Common header of every event: identity for de-duplication, time, and schema version. */
public interface Event {
    UUID eventId();

    Instant occurredAt();

    int schemaVersion();
}
