package ru.rosobr.assistant.intake.dialogue;

/**
 * A teacher's input the assistant cannot accept (bad button payload, someone else's appeal, missing profile).
 * The message is in Russian and meant for the teacher; channels show it (web chat: HTTP 400 with the reason).
 */
public class Rejected extends RuntimeException {

    public Rejected(String message) {
        super(message);
    }
}
