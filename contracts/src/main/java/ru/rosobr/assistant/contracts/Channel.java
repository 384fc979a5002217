package ru.rosobr.assistant.contracts;

/** Where a teacher talks to the assistant. */
public enum Channel { MAX, VK, WEBCHAT }
