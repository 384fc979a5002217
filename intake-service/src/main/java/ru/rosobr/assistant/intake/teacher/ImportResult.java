package ru.rosobr.assistant.intake.teacher;

/** What a registry import did: rows in total, of them new teachers and updated ones. */
public record ImportResult(int imported, int created, int updated) {
}
