package ru.rosobr.assistant.answer.matching.internal;

/**
 * Who asks, as far as the matcher knows: the teacher's organisation from the appeal, or a cue in the text.
 * OTHER is an organisation or role the general entries do not speak for (additional education, support
 * specialists); only entries for everyone (audience ALL) answer it.
 */
public enum Asker { SCHOOL, SPO, DOO, OTHER }
