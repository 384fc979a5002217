package ru.rosobr.assistant.operator.appeals.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import ru.rosobr.assistant.contracts.events.AppealAssigned;
import ru.rosobr.assistant.contracts.events.AppealAssigned.Target;
import ru.rosobr.assistant.contracts.events.AppealOverdue;
import ru.rosobr.assistant.contracts.events.AppealRated;
import ru.rosobr.assistant.contracts.events.AppealSla;
import ru.rosobr.assistant.contracts.events.TeacherMessageAdded;
import ru.rosobr.assistant.operator.appeals.AppealActions;
import ru.rosobr.assistant.operator.appeals.AppealChanges;
import ru.rosobr.assistant.operator.appeals.AppealStatus;
import ru.rosobr.assistant.operator.appeals.MessageKind;
import ru.rosobr.assistant.platform.reference.Regions;

/**
 * Builds the console's appeals from routing's decisions ({@code appeal.assigned}) and keeps them up to date from
 * the other services' events: missed deadlines ({@code appeal.overdue}), ratings ({@code appeal.rated}) and the
 * teacher's later messages ({@code appeal.teacher-message}). Runs in the consumer's transaction (platform):
 * redeliveries are skipped there; the live feed gets each change after the commit.
 */
public class AssignmentProjection {

    private static final Logger log = LoggerFactory.getLogger(AssignmentProjection.class);
    private static final DateTimeFormatter DEADLINE = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    private final AppealRepository appeals;
    private final AppealChanges changes;
    private final AppealActions actions;

    public AssignmentProjection(AppealRepository appeals, AppealChanges changes, AppealActions actions) {
        this.appeals = appeals;
        this.changes = changes;
        this.actions = actions;
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
        log.debug("appeal {} (region {}) opened: {} {}", e.appealId(), e.region(), e.target(),
                e.operatorId() == null ? "" : e.operatorId());
        return appeals.insert(e, status)
                .then(question)
                .then(ai)
                .then(appeals.addMessage(UUID.randomUUID(), e.appealId(), MessageKind.SYSTEM, null, note(e),
                        e.occurredAt()))
                .then(changes.changed(e.appealId(), null));
    }

    /**
     * A later decision for a known appeal: the new holder. Federal queue → FEDERAL; a teacher who asks for a
     * specialist again after an answer reopens the appeal; otherwise the status stays as the console left it.
     * Routing's confirmation of a reassignment the console already shows changes nothing.
     */
    private Mono<Void> reassign(AppealRow row, AppealAssigned e) {
        if (isReassignment(e) && Objects.equals(row.target(), e.target().name())
                && Objects.equals(row.assignedOperator(), e.operatorId())) {
            log.info("appeal {}: routing confirmed the holder {}", e.appealId(), e.operatorId());
            return Mono.empty();
        }
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
                        e.occurredAt()))
                .then(changes.changed(e.appealId(), null));
    }

    /**
     * followup-service, the deadline's one owner: the deadline as the teacher was told it, the warning on the last
     * day, the automatic escalation. The other stages (overdue, federal, answered) reach the console by their own
     * events.
     */
    public Mono<Void> onSla(AppealSla e) {
        return switch (e.stage()) {
            case DEADLINE_SET -> appeals.setDeadline(e.appealId(), e.deadlineDay(), e.deadline(), e.warningAt(),
                            e.escalateAt())
                    .flatMap(changed -> changed ? changes.changed(e.appealId(), null) : Mono.<Void>empty());
            case WARNING -> appeals.markDeadlineWarning(e.appealId()).flatMap(changed -> {
                if (!changed) {
                    log.info("appeal {}: deadline warning ignored (unknown or answered)", e.appealId());
                    return Mono.<Void>empty();
                }
                return appeals.addMessage(UUID.randomUUID(), e.appealId(), MessageKind.SYSTEM, null,
                        warningNote(e), e.occurredAt()).then(changes.changed(e.appealId(), null));
            });
            case ESCALATION_DUE -> actions.escalateAutomatically(e.appealId(), e.reason(), e.occurredAt())
                    .doOnNext(done -> {
                        if (!done) {
                            log.info("appeal {}: automatic escalation not needed (answered, federal or unknown)",
                                    e.appealId());
                        }
                    })
                    .then();
            case OVERDUE, FEDERAL, ANSWERED -> Mono.empty();
        };
    }

    public Mono<Void> onOverdue(AppealOverdue e) {
        return appeals.markOverdue(e.appealId(), e.deadline()).flatMap(changed -> {
            if (!changed) {
                log.info("appeal {}: overdue notice ignored (unknown, answered or already overdue)", e.appealId());
                return Mono.<Void>empty();
            }
            return appeals.addMessage(UUID.randomUUID(), e.appealId(), MessageKind.SYSTEM, null,
                    overdueNote(e), e.occurredAt()).then(changes.changed(e.appealId(), null));
        });
    }

    /** The teacher rated the answer; appeals answered by the AI alone are not in the console and are skipped. */
    public Mono<Void> onRated(AppealRated e) {
        return appeals.rate(e.appealId(), e.rating())
                .flatMap(version -> appeals.addMessage(UUID.randomUUID(), e.appealId(), MessageKind.RATING, null,
                                "Педагог оценил ответ: " + e.rating() + " из 5", e.occurredAt())
                        .then(changes.changed(e.appealId(), null)))
                .switchIfEmpty(Mono.fromRunnable(() ->
                        log.debug("appeal {}: rating of an appeal the console does not have", e.appealId())));
    }

    /** The teacher wrote again while a specialist has the appeal: the message joins its timeline. */
    public Mono<Void> onTeacherMessage(TeacherMessageAdded e) {
        return appeals.find(e.appealId())
                .flatMap(row -> appeals.addMessage(UUID.randomUUID(), e.appealId(), MessageKind.TEACHER_MESSAGE,
                                row.teacherFio(), e.text(), e.occurredAt())
                        .then(appeals.touch(e.appealId(), null))
                        .then(changes.changed(e.appealId(), null)))
                .switchIfEmpty(Mono.fromRunnable(() ->
                        log.warn("appeal {}: teacher's message for an appeal the console does not have (yet) — "
                                + "not shown", e.appealId())));
    }

    private static boolean humanRequested(AppealAssigned e) {
        return e.reason() != null && e.reason().startsWith("HUMAN_REQUESTED");
    }

    private static boolean isReassignment(AppealAssigned e) {
        return e.reason() != null && e.reason().startsWith("REASSIGNED:");
    }

    private static ZoneId zoneOf(String region) {
        return Regions.find(region).map(Regions.Region::zone).orElse(MOSCOW);
    }

    /** The routing decision in words, for the timeline. */
    static String note(AppealAssigned e) {
        String reason = e.reason() == null ? "" : e.reason();
        if (reason.startsWith("SHIFT_START:") && e.target() == Target.OPERATOR) {
            return "Оператор " + e.operatorId() + " вышел на смену и взял обращение из очереди региона.";
        }
        if (reason.equals("REASSIGNED:REASSIGNMENT_REFUSED")) {
            return "Передача отклонена: выбранный оператор работает в другом регионе. Обращение остаётся "
                    + (e.target() == Target.OPERATOR ? "у оператора " + e.operatorId() + "." : "в очереди.");
        }
        String prefix = humanRequested(e) ? "Педагог попросил передать вопрос специалисту. "
                : reason.startsWith("SHIFT_END:") ? "Оператор ушёл со смены. " : "";
        String where = switch (e.target()) {
            case OPERATOR -> "Назначено оператору " + e.operatorId() + ".";
            case REGION_QUEUE -> "Поставлено в очередь региона: сейчас нет операторов на смене.";
            case FEDERAL_QUEUE -> reason.startsWith("ESCALATED")
                    ? "Передано на федеральный контроль."
                    : "Передано в федеральную очередь: в регионе нет операторов.";
        };
        return prefix + where;
    }

    private static String overdueNote(AppealOverdue e) {
        if (e.deadline() == null) {
            return "Срок ответа истёк. Руководитель региона уведомлён.";
        }
        // the deadline is the midnight after the last day: the last minute of the day is what people read
        return "Срок ответа истёк: ответ нужно было дать до "
                + DEADLINE.format(e.deadline().minusSeconds(60).atZone(zoneOf(e.region())))
                + " (время региона). Руководитель региона уведомлён.";
    }

    private static String warningNote(AppealSla e) {
        return e.deadlineDay() == null ? "Срок ответа истекает сегодня."
                : "Срок ответа истекает сегодня: ответ нужно дать до "
                + DAY.format(e.deadlineDay()) + " 23:59 (время региона).";
    }
}
