package ru.rosobr.assistant.contracts;

/** Kind of educational organisation the teacher works in: school, college (СПО), preschool (ДОО). */
public enum OrgType { SCHOOL, SPO, DOO }
