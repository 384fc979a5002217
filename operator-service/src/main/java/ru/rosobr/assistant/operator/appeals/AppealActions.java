package ru.rosobr.assistant.operator.appeals;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

import ru.rosobr.assistant.contracts.events.AiJudged;
import ru.rosobr.assistant.contracts.events.AiJudged.Verdict;
import ru.rosobr.assistant.contracts.events.AppealEscalated;
import ru.rosobr.assistant.contracts.events.AppealReassigned;
import ru.rosobr.assistant.contracts.events.OperatorReplied;
import ru.rosobr.assistant.operator.appeals.internal.AppealRepository;
import ru.rosobr.assistant.operator.appeals.internal.AppealRow;
import ru.rosobr.assistant.operator.audit.AuditTrail;
import ru.rosobr.assistant.operator.problems.Problems;
import ru.rosobr.assistant.operator.users.Role;
import ru.rosobr.assistant.operator.users.Users;
import ru.rosobr.assistant.platform.outbox.Outbox;
import ru.rosobr.assistant.platform.reference.Regions;
import ru.rosobr.assistant.platform.security.Viewer;

/**
 * What staff do with appeals in the console. Every action locks the appeal row, checks the version the user acted
 * on (a stale one is refused with 409 and nothing is lost), and writes the state, the timeline, the audit entry and
 * the outgoing event in one transaction; the live feed gets the change after the commit.
 */
public class AppealActions {

    private static final Logger log = LoggerFactory.getLogger(AppealActions.class);

    public static final int MAX_REPLY_LENGTH = 4000;
    public static final int MAX_NOTE_LENGTH = 2000;

    /** The kanban moves staff may make by hand; ANSWERED comes only from a reply, FEDERAL only from escalation. */
    static final Map<AppealStatus, Set<AppealStatus>> MOVES = Map.of(
            AppealStatus.NEW, Set.of(AppealStatus.IN_PROGRESS),
            AppealStatus.IN_PROGRESS, Set.of(AppealStatus.NEW),
            AppealStatus.ANSWERED, Set.of(AppealStatus.CLOSED, AppealStatus.IN_PROGRESS),
            AppealStatus.CLOSED, Set.of(AppealStatus.IN_PROGRESS),
            AppealStatus.FEDERAL, Set.of());

    private final AppealRepository appeals;
    private final AuditTrail audit;
    private final AppealChanges changes;
    private final Users users;
    private final Outbox outbox;
    private final TransactionalOperator tx;

    public AppealActions(AppealRepository appeals, AuditTrail audit, AppealChanges changes, Users users,
                         Outbox outbox, TransactionalOperator tx) {
        this.appeals = appeals;
        this.audit = audit;
        this.changes = changes;
        this.users = users;
        this.outbox = outbox;
        this.tx = tx;
    }

    /**
     * Stores the reply, marks the appeal ANSWERED and emits {@code appeal.operator-replied} (followup delivers it to
     * the teacher). With {@code expectedVersion} a reply to a card that changed meanwhile is refused (409).
     */
    public Mono<ReplyView> reply(Viewer viewer, String id, String text, Long expectedVersion) {
        if (text == null || text.isBlank()) {
            return Mono.error(Problems.badRequest("Текст ответа не может быть пустым"));
        }
        int length = text.codePointCount(0, text.length());
        if (length > MAX_REPLY_LENGTH) {
            return Mono.error(Problems.badRequest("Ответ слишком длинный: " + length
                    + " символов, допускается не более " + MAX_REPLY_LENGTH));
        }
        String body = text.strip();
        return onLockedAppeal(viewer, id, expectedVersion, TEXT_KEPT, (appealId, row) -> {
                    if (row.status() == AppealStatus.FEDERAL && !viewer.seesAllRegions()) {
                        throw Problems.conflict("Обращение на федеральном контроле: ответ даёт федеральный специалист");
                    }
                    if (row.status() == AppealStatus.CLOSED) {
                        throw Problems.conflict("Обращение закрыто, ответ не отправлен");
                    }
                    UUID replyId = UUID.randomUUID();
                    Instant at = Instant.now();
                    return appeals.addMessage(replyId, appealId, MessageKind.OPERATOR_REPLY, viewer.username(), body,
                                    at)
                            .then(appeals.touch(appealId, AppealStatus.ANSWERED))
                            .flatMap(version -> audit.record(viewer.username(), "REPLY", appealId, row.region(),
                                            body.length() + " символов")
                                    .then(outbox.append(OperatorReplied.of(appealId, row.region(), row.teacherId(),
                                            replyId, viewer.username(), body)))
                                    .then(seen(appealId, viewer, version))
                                    .thenReturn(new ReplyView(replyId, appealId, viewer.username(), body, at,
                                            AppealStatus.ANSWERED, version)));
                })
                .doOnNext(r -> log.info("appeal {}: reply {} by {}", id, r.id(), viewer.username()));
    }

    /** верно / частично / неверно on the AI's answer or candidate → {@code appeal.ai-judged}. */
    public Mono<JudgementView> judge(Viewer viewer, String id, String verdictName, String comment,
                                     Long expectedVersion) {
        Verdict verdict = parseVerdict(verdictName);
        if (verdict == null) {
            return Mono.error(Problems.badRequest(
                    "Укажите оценку ответа ИИ: CORRECT (верно), PARTIAL (частично) или WRONG (неверно)"));
        }
        String note = comment == null || comment.isBlank() ? null : comment.strip();
        if (note != null && note.codePointCount(0, note.length()) > MAX_NOTE_LENGTH) {
            return Mono.error(Problems.badRequest("Комментарий слишком длинный: допускается не более "
                    + MAX_NOTE_LENGTH + " символов"));
        }
        return onLockedAppeal(viewer, id, expectedVersion, NOT_APPLIED, (appealId, row) -> {
                    if (row.aiAnswer() == null) {
                        throw Problems.conflict("У обращения нет ответа ИИ — оценивать нечего");
                    }
                    UUID judgementId = UUID.randomUUID();
                    Instant at = Instant.now();
                    String line = "Оценка ответа ИИ: " + verdictInRussian(verdict)
                            + (note == null ? "" : ". Комментарий: " + note);
                    return appeals.addJudgement(judgementId, appealId, viewer.username(), verdict, note, at)
                            .then(appeals.addMessage(UUID.randomUUID(), appealId, MessageKind.AI_JUDGEMENT,
                                    viewer.username(), line, at))
                            .then(appeals.touch(appealId, null))
                            .flatMap(version -> audit.record(viewer.username(), "AI_JUDGEMENT", appealId,
                                            row.region(), verdict.name())
                                    .then(outbox.append(AiJudged.of(appealId, row.region(), viewer.username(),
                                            verdict, note, null)))
                                    .then(seen(appealId, viewer, version))
                                    .thenReturn(new JudgementView(judgementId, appealId, viewer.username(), verdict,
                                            note, at, version)));
                });
    }

    /** The region hands the appeal to federal control → {@code appeal.escalated}; routing moves it on. */
    public Mono<AppealSummary> escalate(Viewer viewer, String id, String reason, Long expectedVersion) {
        if (viewer.seesAllRegions()) {
            return Mono.error(Problems.forbidden(
                    "Передать обращение на федеральный контроль может только сотрудник региона"));
        }
        if (reason == null || reason.isBlank()) {
            return Mono.error(Problems.badRequest("Укажите причину передачи на федеральный контроль"));
        }
        String why = reason.strip();
        if (why.codePointCount(0, why.length()) > MAX_NOTE_LENGTH) {
            return Mono.error(Problems.badRequest("Причина слишком длинная: допускается не более " + MAX_NOTE_LENGTH
                    + " символов"));
        }
        return onLockedAppeal(viewer, id, expectedVersion, NOT_APPLIED, (appealId, row) -> {
                    if (row.status() == AppealStatus.FEDERAL) {
                        throw Problems.conflict("Обращение уже на федеральном контроле");
                    }
                    if (row.status() == AppealStatus.CLOSED) {
                        throw Problems.conflict("Обращение закрыто, передать его нельзя");
                    }
                    return appeals.addMessage(UUID.randomUUID(), appealId, MessageKind.ESCALATION, viewer.username(),
                                    "Передано на федеральный контроль. Причина: " + why, Instant.now())
                            .then(appeals.touch(appealId, AppealStatus.FEDERAL))
                            .flatMap(version -> audit.record(viewer.username(), "ESCALATION", appealId, row.region(),
                                            why)
                                    .then(outbox.append(AppealEscalated.of(appealId, row.region(), viewer.username(),
                                            why)))
                                    .then(appeals.setEscalationReason(appealId, why))
                                    .then(seen(appealId, viewer, version)))
                            .then(current(appealId));
                });
    }

    /** Who the timeline and the audit name for the automatic escalation. */
    public static final String SYSTEM_ACTOR = "system";

    /**
     * followup-service says the appeal is still unanswered the configured working days after its deadline. The
     * decision is taken here, where the appeal's state is: only an appeal still waiting for a regional answer goes
     * to federal control — the same {@code appeal.escalated} the head's escalation writes (this service stays the
     * topic's one writer). Runs in the consumer's transaction; emits whether it escalated.
     */
    public Mono<Boolean> escalateAutomatically(UUID appealId, String reason, Instant at) {
        String why = reason == null || reason.isBlank() ? "Автоматически: нет ответа после истечения срока"
                : reason.strip();
        return appeals.lock(appealId)
                .filter(row -> !row.federal() && (row.status() == AppealStatus.NEW
                        || row.status() == AppealStatus.IN_PROGRESS))
                .flatMap(row -> appeals.addMessage(UUID.randomUUID(), appealId, MessageKind.ESCALATION, null,
                                "Передано на федеральный контроль автоматически. Причина: " + why, at)
                        .then(appeals.touch(appealId, AppealStatus.FEDERAL))
                        .then(appeals.setEscalationReason(appealId, why))
                        .then(audit.record(SYSTEM_ACTOR, "ESCALATION", appealId, row.region(), why))
                        .then(outbox.append(AppealEscalated.of(appealId, row.region(), SYSTEM_ACTOR, why)))
                        .then(changes.changed(appealId, null))
                        .doOnSuccess(v -> log.info("appeal {}: escalated automatically ({})", appealId, why))
                        .thenReturn(true))
                .defaultIfEmpty(false);
    }

    /**
     * A move on the kanban: NEW ⇄ IN_PROGRESS, ANSWERED → CLOSED, ANSWERED → IN_PROGRESS, CLOSED → IN_PROGRESS.
     * ANSWERED only comes from a reply and FEDERAL only from an escalation; any other move is refused (409).
     */
    public Mono<AppealSummary> changeStatus(Viewer viewer, String id, String statusName, Long expectedVersion) {
        if (statusName == null || statusName.isBlank()) {
            return Mono.error(Problems.badRequest("Укажите новый статус обращения"));
        }
        AppealStatus target = AppealStatus.parse(statusName).orElse(null);
        if (target == null) {
            return Mono.error(Problems.badRequest("Неизвестный статус: " + statusName
                    + ". Допустимые: NEW, IN_PROGRESS, ANSWERED, CLOSED, FEDERAL"));
        }
        return onLockedAppeal(viewer, id, expectedVersion, NOT_APPLIED, (appealId, row) -> {
                    AppealStatus from = row.status();
                    if (from == target) {
                        throw Problems.conflict("Обращение уже в статусе «" + target.title() + "»");
                    }
                    if (target == AppealStatus.ANSWERED) {
                        throw Problems.conflict("Статус «Ответ отправлен» ставится только отправкой ответа педагогу");
                    }
                    if (target == AppealStatus.FEDERAL) {
                        throw Problems.conflict("На федеральный контроль обращение передаётся кнопкой «Передать на "
                                + "федеральный контроль» с указанием причины");
                    }
                    if (!MOVES.get(from).contains(target)) {
                        throw Problems.conflict("Нельзя перевести обращение из «" + from.title() + "» в «"
                                + target.title() + "»");
                    }
                    String line = "Статус: «" + from.title() + "» → «" + target.title() + "»";
                    return appeals.addMessage(UUID.randomUUID(), appealId, MessageKind.SYSTEM, viewer.username(),
                                    line, Instant.now())
                            .then(appeals.touch(appealId, target))
                            .flatMap(version -> audit.record(viewer.username(), "STATUS", appealId, row.region(),
                                            from + " → " + target)
                                    .then(seen(appealId, viewer, version)))
                            .then(current(appealId));
                });
    }

    /**
     * A regional head (own region), federal staff or an admin hands the appeal to another operator of its region.
     * The console shows the new holder at once; {@code appeal.reassigned} tells routing-service, which moves the
     * load and confirms with {@code appeal.assigned} (routing stays the one writer of assignment decisions).
     */
    public Mono<AppealSummary> reassign(Viewer viewer, String id, String operatorName, String comment,
                                        Long expectedVersion) {
        if (!viewer.has("REGIONAL_HEAD") && !viewer.seesAllRegions()) {
            return Mono.error(Problems.forbidden(
                    "Передать обращение другому оператору может руководитель региона или федеральный специалист"));
        }
        if (operatorName == null || operatorName.isBlank()) {
            return Mono.error(Problems.badRequest("Укажите оператора, которому передать обращение"));
        }
        String note = comment == null || comment.isBlank() ? null : comment.strip();
        if (note != null && note.codePointCount(0, note.length()) > MAX_NOTE_LENGTH) {
            return Mono.error(Problems.badRequest("Комментарий слишком длинный: допускается не более "
                    + MAX_NOTE_LENGTH + " символов"));
        }
        String operator = operatorName.trim();
        return onLockedAppeal(viewer, id, expectedVersion, NOT_APPLIED, (appealId, row) -> {
                    if (row.status() != AppealStatus.NEW && row.status() != AppealStatus.IN_PROGRESS) {
                        throw Problems.conflict("Передать другому оператору можно только новое обращение или "
                                + "обращение в работе (сейчас — «" + row.status().title() + "»)");
                    }
                    if ("OPERATOR".equals(row.target()) && operator.equals(row.assignedOperator())) {
                        throw Problems.conflict("Обращение уже у оператора " + operator);
                    }
                    return users.find(operator)
                            .filter(u -> u.roles().contains(Role.OPERATOR) && row.region().equals(u.region()))
                            .switchIfEmpty(Mono.error(() -> Problems.badRequest("Оператор «" + operator
                                    + "» не работает в регионе «" + Regions.find(row.region())
                                    .map(Regions.Region::name).orElse(row.region()) + "»")))
                            .flatMap(user -> {
                                String from = "OPERATOR".equals(row.target()) ? row.assignedOperator() : null;
                                String line = "Обращение передано оператору " + operator
                                        + (from == null ? "" : " (было у " + from + ")")
                                        + (note == null ? "" : ". Комментарий: " + note);
                                return appeals.addMessage(UUID.randomUUID(), appealId, MessageKind.SYSTEM,
                                                viewer.username(), line, Instant.now())
                                        .then(appeals.setHolder(appealId, operator, "REASSIGNED:MANUAL_REASSIGNMENT"))
                                        .flatMap(version -> audit.record(viewer.username(), "REASSIGN", appealId,
                                                        row.region(), (from == null ? "очередь" : from) + " → "
                                                                + operator)
                                                .then(outbox.append(AppealReassigned.of(appealId, row.region(), from,
                                                        operator, viewer.username(), note)))
                                                .then(seen(appealId, viewer, version)))
                                        .then(current(appealId));
                            });
                })
                .doOnNext(s -> log.info("appeal {} reassigned to {} by {}", id, operator, viewer.username()));
    }

    /**
     * A federal specialist takes an appeal on federal control into their own hands: the status stays FEDERAL (the
     * kanban column), {@code controlledBy} and the holder become the specialist.
     */
    public Mono<AppealSummary> takeControl(Viewer viewer, String id, Long expectedVersion) {
        if (!viewer.has("FEDERAL")) {
            return Mono.error(Problems.forbidden(
                    "Взять обращение на контроль может только специалист Рособрнадзора"));
        }
        return onLockedAppeal(viewer, id, expectedVersion, NOT_APPLIED, (appealId, row) -> {
                    if (row.status() != AppealStatus.FEDERAL) {
                        throw Problems.conflict("Взять на контроль можно только обращение, переданное на федеральный "
                                + "контроль (сейчас — «" + row.status().title() + "»)");
                    }
                    if (viewer.username().equals(row.controlledBy())) {
                        throw Problems.conflict("Обращение уже у вас на контроле");
                    }
                    if (row.controlledBy() != null) {
                        throw Problems.conflict("Обращение уже на контроле у " + row.controlledBy());
                    }
                    return appeals.addMessage(UUID.randomUUID(), appealId, MessageKind.SYSTEM, viewer.username(),
                                    "Взято на федеральный контроль: " + viewer.username(), Instant.now())
                            .then(appeals.takeControl(appealId, viewer.username()))
                            .flatMap(version -> audit.record(viewer.username(), "TAKE_CONTROL", appealId,
                                            row.region(), null)
                                    .then(seen(appealId, viewer, version)))
                            .then(current(appealId));
                });
    }

    /**
     * A note on the appeal's timeline from another feature (e.g. the knowledge base), inside the caller's
     * transaction; the appeal's version moves on and the live feed gets it.
     */
    public Mono<Void> note(UUID appealId, String actor, String text) {
        return appeals.addMessage(UUID.randomUUID(), appealId, MessageKind.SYSTEM, actor, text, Instant.now())
                .then(appeals.touch(appealId, null))
                .flatMap(version -> appeals.markRead(appealId, actor, version))
                .then(changes.changed(appealId, actor));
    }

    /** The actor has seen what they just did; the others get it live. */
    private Mono<Void> seen(UUID appealId, Viewer viewer, long version) {
        return appeals.markRead(appealId, viewer.username(), version)
                .then(changes.changed(appealId, viewer.username()));
    }

    private Mono<AppealSummary> current(UUID appealId) {
        return appeals.find(appealId).map(AppealQueries::summary);
    }

    /**
     * Every console action on one appeal: an unknown or invisible id is 404, the row is locked for the transaction,
     * a stale {@code expectedVersion} is 409 (saying what became of the user's action), then the action runs.
     */
    private <T> Mono<T> onLockedAppeal(Viewer viewer, String id, Long expectedVersion, String consequence,
                                       BiFunction<UUID, AppealRow, Mono<T>> action) {
        UUID appealId = AppealQueries.parseId(id);
        if (appealId == null) {
            return Mono.error(Problems.notFound());
        }
        return AppealQueries.visible(viewer, appeals.lock(appealId), id)
                .flatMap(row -> {
                    checkVersion(row, expectedVersion, consequence);
                    return action.apply(appealId, row);
                })
                .as(tx::transactional);
    }

    private static void checkVersion(AppealRow row, Long expected, String consequence) {
        if (expected != null && expected != row.version()) {
            throw Problems.conflict("Обращение уже изменил другой сотрудник "
                    + "(версия " + row.version() + ", у вас " + expected + "). Обновите карточку: " + consequence);
        }
    }

    private static final String NOT_APPLIED = "ваше действие не выполнено, повторите его после обновления";
    /** A reply written against an old version: the text stays in the reply box and can be sent again. */
    private static final String TEXT_KEPT = "ваш текст не отправлен и не потерян, его можно отправить ещё раз";

    private static Verdict parseVerdict(String name) {
        if (name == null) {
            return null;
        }
        try {
            return Verdict.valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String verdictInRussian(Verdict v) {
        return switch (v) {
            case CORRECT -> "верно";
            case PARTIAL -> "частично";
            case WRONG -> "неверно";
        };
    }
}
