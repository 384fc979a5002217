package ru.rosobr.assistant.operator.appeals;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import ru.rosobr.assistant.contracts.events.AiJudged;
import ru.rosobr.assistant.contracts.events.AiJudged.Verdict;
import ru.rosobr.assistant.contracts.events.AppealEscalated;
import ru.rosobr.assistant.contracts.events.OperatorReplied;
import ru.rosobr.assistant.operator.appeals.internal.AppealRepository;
import ru.rosobr.assistant.operator.appeals.internal.AppealRow;
import ru.rosobr.assistant.operator.security.Viewer;
import ru.rosobr.assistant.platform.outbox.Outbox;
import ru.rosobr.assistant.platform.reference.Regions;

/**
 * What staff do with appeals in the console. Region isolation is enforced here: an appeal of another region is
 * answered exactly like an unknown one (404), so its existence does not leak. Every change writes the state, the
 * timeline, the audit entry and the outgoing event in one transaction.
 */
public class ConsoleService {

    private static final Logger log = LoggerFactory.getLogger(ConsoleService.class);

    public static final int MAX_REPLY_LENGTH = 4000;
    public static final int MAX_NOTE_LENGTH = 2000;

    private final AppealRepository appeals;
    private final AuditTrail audit;
    private final Outbox outbox;
    private final TransactionalOperator tx;

    public ConsoleService(AppealRepository appeals, AuditTrail audit, Outbox outbox, TransactionalOperator tx) {
        this.appeals = appeals;
        this.audit = audit;
        this.outbox = outbox;
        this.tx = tx;
    }

    public Flux<AppealSummary> list(Viewer viewer, AppealQuery q) {
        if (q.region() != null && !Regions.exists(q.region())) {
            return Flux.error(badRequest("Неизвестный код региона: " + q.region()));
        }
        if (q.limit() < 1 || q.limit() > AppealQuery.MAX_LIMIT || q.offset() < 0) {
            return Flux.error(badRequest("Параметр limit должен быть от 1 до " + AppealQuery.MAX_LIMIT
                    + ", offset — не меньше 0"));
        }
        String ownRegion = null;
        if (!viewer.seesAllRegions()) {
            if (viewer.region() == null) {
                return Flux.empty(); // regional role without a region: nothing to see
            }
            ownRegion = viewer.region();
        }
        return appeals.list(ownRegion, q.region(), q.status(), q.overdue(), q.limit(), q.offset())
                .map(ConsoleService::summary);
    }

    public Mono<AppealCard> card(Viewer viewer, String id) {
        UUID appealId = parseId(id);
        if (appealId == null) {
            return Mono.error(notFound());
        }
        return visible(viewer, appeals.find(appealId), id)
                .flatMap(row -> appeals.timeline(appealId).collectList().map(timeline -> {
                    var region = Regions.find(row.region());
                    return new AppealCard(row.id(), row.status(), row.region(),
                            region.map(Regions.Region::name).orElse(null),
                            region.map(r -> r.zone().getId()).orElse(null), row.teacherId(), row.teacherFio(),
                            row.orgType(), row.text(), row.receivedAt(), row.createdAt(), row.target(),
                            row.assignedOperator(), row.assignmentReason(), row.assignedAt(), row.aiTopic(),
                            row.aiAnswer(), row.aiScore(), row.overdue(), row.overdueDeadline(), row.version(),
                            timeline);
                }));
    }

    /**
     * Stores the reply, marks the appeal ANSWERED and emits {@code appeal.operator-replied} (followup delivers it to
     * the teacher). With {@code expectedVersion} a reply to a card that changed meanwhile is refused (409).
     */
    public Mono<ReplyView> reply(Viewer viewer, String id, String text, Long expectedVersion) {
        if (text == null || text.isBlank()) {
            return Mono.error(badRequest("Текст ответа не может быть пустым"));
        }
        int length = text.codePointCount(0, text.length());
        if (length > MAX_REPLY_LENGTH) {
            return Mono.error(badRequest("Ответ слишком длинный: " + length + " символов, допускается не более "
                    + MAX_REPLY_LENGTH));
        }
        UUID appealId = parseId(id);
        if (appealId == null) {
            return Mono.error(notFound());
        }
        String body = text.strip();
        return visible(viewer, appeals.lock(appealId), id)
                .flatMap(row -> {
                    checkVersion(row, expectedVersion);
                    if (row.status() == AppealStatus.FEDERAL && !viewer.seesAllRegions()) {
                        throw conflict("Обращение на федеральном контроле: ответ даёт федеральный специалист");
                    }
                    if (row.status() == AppealStatus.CLOSED) {
                        throw conflict("Обращение закрыто, ответ не отправлен");
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
                                    .thenReturn(new ReplyView(replyId, appealId, viewer.username(), body, at,
                                            AppealStatus.ANSWERED, version)));
                })
                .as(tx::transactional)
                .doOnNext(r -> log.info("appeal {}: reply {} by {}", appealId, r.id(), viewer.username()));
    }

    /** верно / частично / неверно on the AI's answer or candidate → {@code appeal.ai-judged}. */
    public Mono<JudgementView> judge(Viewer viewer, String id, String verdictName, String comment,
                                     Long expectedVersion) {
        Verdict verdict = parseVerdict(verdictName);
        if (verdict == null) {
            return Mono.error(badRequest(
                    "Укажите оценку ответа ИИ: CORRECT (верно), PARTIAL (частично) или WRONG (неверно)"));
        }
        String note = comment == null || comment.isBlank() ? null : comment.strip();
        if (note != null && note.codePointCount(0, note.length()) > MAX_NOTE_LENGTH) {
            return Mono.error(badRequest("Комментарий слишком длинный: допускается не более " + MAX_NOTE_LENGTH
                    + " символов"));
        }
        UUID appealId = parseId(id);
        if (appealId == null) {
            return Mono.error(notFound());
        }
        return visible(viewer, appeals.lock(appealId), id)
                .flatMap(row -> {
                    checkVersion(row, expectedVersion);
                    if (row.aiAnswer() == null) {
                        throw conflict("У обращения нет ответа ИИ — оценивать нечего");
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
                                    .thenReturn(new JudgementView(judgementId, appealId, viewer.username(), verdict,
                                            note, at, version)));
                })
                .as(tx::transactional);
    }

    /** The region hands the appeal to federal control → {@code appeal.escalated}; routing moves it on. */
    public Mono<AppealSummary> escalate(Viewer viewer, String id, String reason, Long expectedVersion) {
        if (viewer.seesAllRegions()) {
            return Mono.error(new ResponseStatusException(HttpStatus.FORBIDDEN,
                    "Передать обращение на федеральный контроль может только сотрудник региона"));
        }
        if (reason == null || reason.isBlank()) {
            return Mono.error(badRequest("Укажите причину передачи на федеральный контроль"));
        }
        String why = reason.strip();
        if (why.codePointCount(0, why.length()) > MAX_NOTE_LENGTH) {
            return Mono.error(badRequest("Причина слишком длинная: допускается не более " + MAX_NOTE_LENGTH
                    + " символов"));
        }
        UUID appealId = parseId(id);
        if (appealId == null) {
            return Mono.error(notFound());
        }
        return visible(viewer, appeals.lock(appealId), id)
                .flatMap(row -> {
                    checkVersion(row, expectedVersion);
                    if (row.status() == AppealStatus.FEDERAL) {
                        throw conflict("Обращение уже на федеральном контроле");
                    }
                    if (row.status() == AppealStatus.CLOSED) {
                        throw conflict("Обращение закрыто, передать его нельзя");
                    }
                    return appeals.addMessage(UUID.randomUUID(), appealId, MessageKind.ESCALATION, viewer.username(),
                                    "Передано на федеральный контроль. Причина: " + why, Instant.now())
                            .then(appeals.touch(appealId, AppealStatus.FEDERAL))
                            .then(audit.record(viewer.username(), "ESCALATION", appealId, row.region(), why))
                            .then(outbox.append(AppealEscalated.of(appealId, row.region(), viewer.username(), why)))
                            .then(appeals.find(appealId))
                            .map(ConsoleService::summary);
                })
                .as(tx::transactional);
    }

    /** The audit log: regional heads see their region, federal staff and admins everything. */
    public Flux<AuditEntry> audit(Viewer viewer, String appealIdParam, int limit) {
        boolean head = viewer.has("REGIONAL_HEAD");
        if (!head && !viewer.seesAllRegions()) {
            return Flux.error(new ResponseStatusException(HttpStatus.FORBIDDEN,
                    "Журнал действий доступен руководителю региона и федеральным сотрудникам"));
        }
        if (limit < 1 || limit > AppealQuery.MAX_LIMIT) {
            return Flux.error(badRequest("Параметр limit должен быть от 1 до " + AppealQuery.MAX_LIMIT));
        }
        UUID appealId = null;
        if (appealIdParam != null) {
            appealId = parseId(appealIdParam);
            if (appealId == null) {
                return Flux.error(badRequest("Некорректный идентификатор обращения: " + appealIdParam));
            }
        }
        if (viewer.seesAllRegions()) {
            return audit.find(null, appealId, limit);
        }
        return viewer.region() == null ? Flux.empty() : audit.find(viewer.region(), appealId, limit);
    }

    /** The row if it exists and the viewer may see it; otherwise 404 (the same answer for both). */
    private static Mono<AppealRow> visible(Viewer viewer, Mono<AppealRow> row, String id) {
        return row.filter(r -> {
                    boolean ok = viewer.canSee(r.region());
                    if (!ok) {
                        log.warn("{} (region {}) asked for appeal {} of region {}: refused as not found",
                                viewer.username(), viewer.region(), id, r.region());
                    }
                    return ok;
                })
                .switchIfEmpty(Mono.error(notFound()));
    }

    private static void checkVersion(AppealRow row, Long expected) {
        if (expected != null && expected != row.version()) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "Обращение уже изменил другой сотрудник "
                    + "(версия " + row.version() + ", у вас " + expected + "). Обновите карточку: "
                    + "ваш текст не отправлен и не потерян, его можно отправить ещё раз");
        }
    }

    static AppealSummary summary(AppealRow r) {
        return new AppealSummary(r.id(), r.status(), r.region(),
                Regions.find(r.region()).map(Regions.Region::name).orElse(null), r.teacherFio(), r.orgType(),
                r.text(), r.createdAt(), r.target(), r.assignedOperator(), r.overdue(), r.aiScore(), r.version());
    }

    private static UUID parseId(String id) {
        try {
            return id == null ? null : UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

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

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "Обращение не найдено");
    }

    private static ResponseStatusException badRequest(String reason) {
        return new ResponseStatusException(HttpStatus.BAD_REQUEST, reason);
    }

    private static ResponseStatusException conflict(String reason) {
        return new ResponseStatusException(HttpStatus.CONFLICT, reason);
    }
}
