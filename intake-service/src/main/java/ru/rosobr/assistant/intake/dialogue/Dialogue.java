package ru.rosobr.assistant.intake.dialogue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import ru.rosobr.assistant.contracts.events.AppealRated;
import ru.rosobr.assistant.contracts.events.AppealReceived;
import ru.rosobr.assistant.contracts.events.HumanRequested;
import ru.rosobr.assistant.contracts.events.TeacherMessageAdded;
import ru.rosobr.assistant.intake.appeal.Appeal;
import ru.rosobr.assistant.intake.appeal.AppealState;
import ru.rosobr.assistant.intake.appeal.Appeals;
import ru.rosobr.assistant.intake.conversation.Conversations;
import ru.rosobr.assistant.intake.teacher.Teacher;
import ru.rosobr.assistant.platform.outbox.Outbox;

/**
 * What a teacher's message or button press means, whatever the channel: it stores the message, opens the appeal
 * and appends the appeal events to the outbox. Callers run it inside their transaction (together with whatever
 * the channel itself stores), so state and events commit together.
 */
public class Dialogue {

    private static final Logger log = LoggerFactory.getLogger(Dialogue.class);

    private final Appeals appeals;
    private final Conversations conversations;
    private final AppealThreading threading;
    private final Outbox outbox;

    public Dialogue(Appeals appeals, Conversations conversations, AppealThreading threading, Outbox outbox) {
        this.appeals = appeals;
        this.conversations = conversations;
        this.threading = threading;
        this.outbox = outbox;
    }

    /**
     * Takes in a teacher's message: it joins an open appeal when the threading policy says so, otherwise it opens
     * a new appeal and emits appeal.received.
     *
     * @param externalId the platform's id of the message (de-duplicates webhook redeliveries), or null
     */
    public Mono<Question> ask(Teacher teacher, String text, String externalId) {
        if (!teacher.verified()) {
            return Mono.error(new Rejected("Задавать вопросы могут только педагоги с подтверждённой ролью"));
        }
        if (teacher.disabled()) {
            return Mono.error(new Rejected("Приём вопросов от этого педагога приостановлен администратором"));
        }
        if (teacher.region() == null || teacher.fio() == null || teacher.orgType() == null) {
            return Mono.error(new Rejected("Не указаны регион, ФИО или тип организации педагога"));
        }
        return threading.appealToJoin(teacher, text)
                .flatMap(appealId -> joinAppeal(teacher, appealId, text, externalId))
                .switchIfEmpty(Mono.defer(() -> openAppeal(teacher, text, externalId)));
    }

    /** A follow-up in the thread of an appeal that is with a specialist: stored and announced to the console. */
    private Mono<Question> joinAppeal(Teacher teacher, UUID appealId, String text, String externalId) {
        return appeals.find(appealId).flatMap(appeal -> conversations.recordIncoming(teacher.id(), appealId, text,
                        externalId)
                .flatMap(messageId -> outbox.append(TeacherMessageAdded.of(appealId, appeal.region(), teacher.id(),
                                messageId, text))
                        .doOnSuccess(v -> log.debug("appeal {}: follow-up message {} from teacher {}", appealId,
                                messageId, teacher.id()))
                        .thenReturn(new Question(messageId, appealId, false))));
    }

    private Mono<Question> openAppeal(Teacher teacher, String text, String externalId) {
        UUID appealId = UUID.randomUUID();
        // the database keeps microseconds: the event carries exactly the stored time
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return appeals.open(appealId, teacher.id(), teacher.region(), text, now)
                .then(conversations.recordIncoming(teacher.id(), appealId, text, externalId))
                .flatMap(messageId -> outbox.append(new AppealReceived(UUID.randomUUID(), now,
                                AppealReceived.VERSION, appealId, teacher.region(), teacher.id(), teacher.channel(),
                                teacher.fio(), teacher.orgType(), text, messageId))
                        .doOnSuccess(v -> log.debug("appeal {} opened by teacher {} ({}, region {})", appealId,
                                teacher.id(), teacher.channel(), teacher.region()))
                        .thenReturn(new Question(messageId, appealId, true)));
    }

    /** Interprets a button press of the teacher: a rating, a hand-over to a specialist, or the status. */
    public Mono<Reply> press(Teacher teacher, String payload) {
        ButtonPayload button;
        try {
            button = ButtonPayload.parse(payload);
        } catch (Rejected e) {
            return Mono.error(e);
        }
        return appeals.lock(button.appealId())
                // an appeal of another teacher reads as not found: its existence is nobody else's business
                .filter(appeal -> appeal.teacherId().equals(teacher.id()))
                .switchIfEmpty(Mono.error(() -> new Rejected("Обращение не найдено среди ваших обращений")))
                .flatMap(appeal -> switch (button) {
                    case ButtonPayload.Rate rate -> rate(teacher, appeal, rate.rating());
                    case ButtonPayload.Human human -> handOver(teacher, appeal);
                    case ButtonPayload.Status status -> status(teacher)
                            .map(text -> new Reply(appeal.id(), text, false));
                });
    }

    /**
     * The state and deadline of the teacher's appeals waiting for an answer — or, when none waits, that the latest
     * one is answered; no appeal is opened.
     */
    public Mono<String> status(Teacher teacher) {
        return appeals.waiting(teacher.id(), StatusReport.LIMIT).collectList().flatMap(waiting -> waiting.isEmpty()
                ? appeals.lastAnswered(teacher.id()).map(StatusReport::answered)
                        .defaultIfEmpty(StatusReport.NOTHING_WAITING)
                : Mono.just(StatusReport.text(waiting)));
    }

    private Mono<Reply> rate(Teacher teacher, Appeal appeal, int rating) {
        if (appeal.lastAnswerId() == null) {
            return Mono.error(new Rejected("На это обращение ещё нет ответа — оценивать пока нечего"));
        }
        // a rating applies to the latest answer: the AI's, then (after a hand-over) the specialist's
        return appeals.rate(appeal.id(), appeal.lastAnswerId(), rating).flatMap(first -> first
                ? outbox.append(AppealRated.of(appeal.id(), appeal.region(), teacher.id(), rating))
                        .doOnSuccess(v -> log.debug("appeal {} rated {}", appeal.id(), rating))
                        .thenReturn(new Reply(appeal.id(), Reply.THANKS_FOR_RATING, true))
                : Mono.just(new Reply(appeal.id(), Reply.ALREADY_RATED, false)));
    }

    private Mono<Reply> handOver(Teacher teacher, Appeal appeal) {
        if (appeal.humanRequestedAt() != null || appeal.state() == AppealState.ROUTED
                || appeal.state() == AppealState.ANSWERED) {
            return Mono.just(new Reply(appeal.id(), Reply.ALREADY_HANDED_OVER, false));
        }
        if (appeal.lastAiAnswer() == null) {
            return Mono.error(new Rejected("Передать специалисту можно после ответа ассистента на это обращение"));
        }
        return appeals.markHumanRequested(appeal.id()).flatMap(first -> first
                ? outbox.append(HumanRequested.of(appeal.id(), appeal.region(), teacher.id(), teacher.fio(),
                                teacher.orgType(), appeal.question(), appeal.createdAt(), appeal.lastAiAnswer()))
                        .doOnSuccess(v -> log.debug("appeal {}: teacher asked for a specialist", appeal.id()))
                        .thenReturn(new Reply(appeal.id(), Reply.HANDED_OVER, true))
                : Mono.just(new Reply(appeal.id(), Reply.ALREADY_HANDED_OVER, false)));
    }
}
