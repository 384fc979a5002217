package ru.rosobr.assistant.intake.dialogue.internal;

import java.util.UUID;

import reactor.core.publisher.Mono;

import ru.rosobr.assistant.intake.dialogue.AppealThreading;
import ru.rosobr.assistant.intake.teacher.Teacher;

/** Every message is a new question. */
public class NewAppealPerMessage implements AppealThreading {

    @Override
    public Mono<UUID> appealToJoin(Teacher teacher, String text) {
        return Mono.empty();
    }
}
