package ru.rosobr.assistant.operator.appeals.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import ru.rosobr.assistant.contracts.events.AppealAssigned;
import ru.rosobr.assistant.contracts.events.AppealAssigned.Target;
import ru.rosobr.assistant.contracts.events.AppealOverdue;
import ru.rosobr.assistant.operator.appeals.AppealStatus;
import ru.rosobr.assistant.operator.appeals.MessageKind;
import ru.rosobr.assistant.platform.reference.Regions;

/**
 * Builds the console's appeals from routing's decisions ({@code appeal.assigned}) and flags missed deadlines
 * ({@code appeal.overdue}). Runs in the consumer's transaction (platform): redeliveries are skipped there.
 */
public class AssignmentProjection {

    private static final Logger log = LoggerFactory.getLogger(AssignmentProjection.class);
    private static final DateTimeFormatter DEADLINE = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    private final AppealRepository appeals;

    public AssignmentProjection(AppealRepository appeals) {
        this.appeals = appeals;
    }

    public Mono<Void> onAssigned(AppealAssigned e) {
        return appeals.find(e.appealId())
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(existing -> existing.isPresent() ? reassign(existing.get(), e) : open(e));
    }

    /** First assignment: the appeal appears in the console as NEW (FEDERAL when it went to the federal queue). */
    private Mono<Void> open(AppealAssigned e) {
        AppealStatus status = e.target() == Target.FEDERAL_QUEUE ? AppealStatus.FEDERAL : AppealStatus.NEW;
        Instant asked = e.receivedAt() != null ? e.receivedAt() : e.occurredAt();
        Mono<Void> question = e.text() == null ? Mono.empty()
                : appeals.addMessage(UUID.randomUUID(), e.appealId(), MessageKind.TEACHER_QUESTION, e.teacherFio(),
                e.text(), asked);
        Mono<Void> ai = e.aiAnswer() == null ? Mono.empty()
                : appeals.addMessage(UUID.randomUUID(), e.appealId(),
                humanRequested(e) ? MessageKind.AI_ANSWER : MessageKind.AI_CANDIDATE, "ИИ-помощник", e.aiAnswer(),
                humanRequested(e) ? asked : e.occurredAt());
        log.info("appeal {} (region {}) opened: {} {}", e.appealId(), e.region(), e.target(),
                e.operatorId() == null ? "" : e.operatorId());
        return appeals.insert(e, status)
                .then(question)
                .then(ai)
                .then(appeals.addMessage(UUID.randomUUID(), e.appealId(), MessageKind.SYSTEM, null, note(e),
                        e.occurredAt()));
    }

    /**
     * A later decision for a known appeal: the new holder. Federal queue → FEDERAL; a teacher who asks for a
     * specialist again after an answer reopens the appeal; otherwise the status stays as the console left it.
     */
    private Mono<Void> reassign(AppealRow row, AppealAssigned e) {
        AppealStatus status = row.status();
        if (e.target() == Target.FEDERAL_QUEUE) {
            status = AppealStatus.FEDERAL;
        } else if (humanRequested(e) && (status == AppealStatus.ANSWERED || status == AppealStatus.CLOSED)) {
            status = AppealStatus.NEW;
        }
        log.info("appeal {} reassigned: {} {} ({} → {})", e.appealId(), e.target(),
                e.operatorId() == null ? "" : e.operatorId(), row.status(), status);
        return appeals.reassign(e, status)
                .then(appeals.addMessage(UUID.randomUUID(), e.appealId(), MessageKind.SYSTEM, null, note(e),
                        e.occurredAt()));
    }

    public Mono<Void> onOverdue(AppealOverdue e) {
        return appeals.markOverdue(e.appealId(), e.deadline()).flatMap(changed -> {
            if (!changed) {
                log.info("appeal {}: overdue notice ignored (unknown, answered or already overdue)", e.appealId());
                return Mono.<Void>empty();
            }
            return appeals.addMessage(UUID.randomUUID(), e.appealId(), MessageKind.SYSTEM, null,
                    overdueNote(e), e.occurredAt());
        });
    }

    private static boolean humanRequested(AppealAssigned e) {
        return e.reason() != null && e.reason().startsWith("HUMAN_REQUESTED");
    }

    /** The routing decision in words, for the timeline. */
    static String note(AppealAssigned e) {
        String prefix = humanRequested(e) ? "Педагог попросил передать вопрос специалисту. " : "";
        String where = switch (e.target()) {
            case OPERATOR -> "Назначено оператору " + e.operatorId() + ".";
            case REGION_QUEUE -> "Поставлено в очередь региона: сейчас нет операторов на смене.";
            case FEDERAL_QUEUE -> e.reason() != null && e.reason().startsWith("ESCALATED")
                    ? "Передано на федеральный контроль."
                    : "Передано в федеральную очередь: в регионе нет операторов.";
        };
        return prefix + where;
    }

    private static String overdueNote(AppealOverdue e) {
        if (e.deadline() == null) {
            return "Срок ответа истёк.";
        }
        ZoneId zone = Regions.find(e.region()).map(Regions.Region::zone).orElse(ZoneId.of("Europe/Moscow"));
        return "Срок ответа истёк: ответ нужно было дать до " + DEADLINE.format(e.deadline().atZone(zone))
                + " (время региона).";
    }
}
