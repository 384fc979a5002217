package ru.rosobr.assistant.intake.teacher;

import java.util.List;

/** One page of the registry and how many teachers match the query in all. */
public record TeacherPage(List<TeacherEntry> items, long total) {
}
