package ru.rosobr.assistant.intake.dialogue.internal;

import java.util.UUID;

import reactor.core.publisher.Mono;

import ru.rosobr.assistant.contracts.Channel;
import ru.rosobr.assistant.intake.appeal.Appeal;
import ru.rosobr.assistant.intake.appeal.Appeals;
import ru.rosobr.assistant.intake.dialogue.AppealThreading;
import ru.rosobr.assistant.intake.teacher.Teacher;

/**
 * In a messenger, a message written while the teacher's appeal is with a specialist (routed, not yet answered)
 * is a follow-up in that appeal's thread; any other message is a new question. The web chat keeps its documented
 * behaviour: every message is a new appeal (its requests carry the whole identity each time).
 */
public class OpenAppealThreading implements AppealThreading {

    private final Appeals appeals;

    public OpenAppealThreading(Appeals appeals) {
        this.appeals = appeals;
    }

    @Override
    public Mono<UUID> appealToJoin(Teacher teacher, String text) {
        if (teacher.channel() == Channel.WEBCHAT) {
            return Mono.empty();
        }
        return appeals.awaitingSpecialist(teacher.id()).map(Appeal::id);
    }
}
