package ru.rosobr.assistant.intake.webchat.internal;

import java.util.List;

import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import ru.rosobr.assistant.contracts.Channel;
import ru.rosobr.assistant.intake.conversation.ChatMessage;
import ru.rosobr.assistant.intake.conversation.Conversations;
import ru.rosobr.assistant.intake.dialogue.Dialogue;
import ru.rosobr.assistant.intake.dialogue.Question;
import ru.rosobr.assistant.intake.dialogue.Rejected;
import ru.rosobr.assistant.intake.dialogue.StatusReport;
import ru.rosobr.assistant.intake.dialogue.Reply;
import ru.rosobr.assistant.intake.teacher.Teacher;
import ru.rosobr.assistant.intake.teacher.Teachers;
import ru.rosobr.assistant.intake.webchat.MessageRequest;

/**
 * The web chat's side of the dialogue. The web chat trusts the identity it is given: the teacher id of the
 * request is the platform user id of a verified WEBCHAT teacher, and ФИО, region and organisation type are taken
 * as sent.
 */
public class WebChatService {

    private final Teachers teachers;
    private final Dialogue dialogue;
    private final Conversations conversations;
    private final TransactionalOperator tx;

    public WebChatService(Teachers teachers, Dialogue dialogue, Conversations conversations,
                          TransactionalOperator tx) {
        this.teachers = teachers;
        this.dialogue = dialogue;
        this.conversations = conversations;
        this.tx = tx;
    }

    /** Teacher, message, appeal and appeal.received in one transaction. The request must be valid. */
    public Mono<Question> post(MessageRequest request) {
        return tx.transactional(teachers.upsertVerified(Channel.WEBCHAT, request.teacherId().trim(),
                        request.fio().trim(), request.region(), request.parsedOrgType())
                .flatMap(teacher -> StatusReport.isRequest(request.text())
                        ? status(teacher, request.text().strip())
                        : dialogue.ask(teacher, request.text().strip(), null)));
    }

    /** «статус» / «где мой ответ»: the answer is stored as the assistant's message; no appeal is opened. */
    private Mono<Question> status(Teacher teacher, String text) {
        return conversations.recordIncoming(teacher.id(), null, text, null)
                .flatMap(messageId -> dialogue.status(teacher)
                        .flatMap(status -> conversations.recordOutgoing(teacher.id(), null, status, List.of(), null))
                        .thenReturn(new Question(messageId, null, false)));
    }

    /** The conversation of a web chat teacher, oldest first; empty for a teacher who never wrote. */
    public Flux<ChatMessage> history(String webTeacherId) {
        return teachers.findByPlatformUser(Channel.WEBCHAT, webTeacherId.trim())
                .flatMapMany(teacher -> conversations.history(teacher.id()));
    }

    /** A button press; the assistant's reply is stored as an OUT message in the same transaction as its event. */
    public Mono<Reply> press(String webTeacherId, String payload) {
        return tx.transactional(teachers.findByPlatformUser(Channel.WEBCHAT, webTeacherId.trim())
                .switchIfEmpty(Mono.error(() -> new Rejected("Педагог не найден: сначала задайте вопрос в чате")))
                .flatMap(teacher -> dialogue.press(teacher, payload)
                        .flatMap(reply -> conversations.recordOutgoing(teacher.id(), reply.appealId(), reply.text(),
                                List.of(), null).thenReturn(reply))));
    }
}
