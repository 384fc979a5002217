package ru.rosobr.assistant.operator.kb;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import ru.rosobr.assistant.contracts.events.KbEntryPublished;
import ru.rosobr.assistant.contracts.events.KbEntryPublished.Audience;
import ru.rosobr.assistant.operator.appeals.AppealActions;
import ru.rosobr.assistant.operator.appeals.AppealCard;
import ru.rosobr.assistant.operator.audit.AuditTrail;
import ru.rosobr.assistant.operator.appeals.AppealQueries;
import ru.rosobr.assistant.operator.appeals.MessageKind;
import ru.rosobr.assistant.operator.problems.Problems;
import ru.rosobr.assistant.operator.appeals.TimelineEntry;
import ru.rosobr.assistant.operator.kb.internal.DraftRepository;
import ru.rosobr.assistant.platform.outbox.Outbox;
import ru.rosobr.assistant.platform.security.Viewer;

/**
 * Publishing to the knowledge base: staff who work appeals (OPERATOR, REGIONAL_HEAD, FEDERAL) turn an appeal's
 * question and reply into a draft; a KB editor or a federal specialist verifies it (possibly edited) →
 * {@code kb.entry.published} (entry {@code op-<draft id>}, version 1), which answer-service applies live — or
 * rejects it with a reason. A draft is made only from an appeal the author may see (region isolation); regional staff
 * see only their own drafts.
 */
public class KbDrafts {

    private static final Logger log = LoggerFactory.getLogger(KbDrafts.class);

    static final int MAX_TOPIC = 100;
    static final int MAX_QUESTION = 2000;
    static final int MAX_ANSWER = 4000;
    static final int MAX_LEGAL_BASIS = 1000;
    static final int MAX_PHRASINGS = 20;
    static final int MAX_PHRASING = 500;
    static final int MAX_LIST = 500;

    private final DraftRepository drafts;
    private final AppealQueries appeals;
    private final AppealActions actions;
    private final AuditTrail audit;
    private final Outbox outbox;
    private final TransactionalOperator tx;

    public KbDrafts(DraftRepository drafts, AppealQueries appeals, AppealActions actions, AuditTrail audit,
                    Outbox outbox, TransactionalOperator tx) {
        this.drafts = drafts;
        this.appeals = appeals;
        this.actions = actions;
        this.audit = audit;
        this.outbox = outbox;
        this.tx = tx;
    }

    /** A draft from the appeal; missing fields come from it (question, the latest reply, the AI's topic). */
    public Mono<KbDraft> create(Viewer viewer, String appealId, KbDraftFields fields) {
        if (!viewer.has("OPERATOR") && !viewer.has("REGIONAL_HEAD") && !viewer.has("FEDERAL")) {
            return Mono.error(Problems.forbidden(
                    "Предложить ответ в базу знаний может оператор, руководитель региона или федеральный специалист"));
        }
        KbDraftFields given = fields == null ? KbDraftFields.NONE : fields;
        return appeals.peek(viewer, appealId).flatMap(card -> {
            KbDraftFields merged = new KbDraftFields(
                    given.topic() != null ? given.topic() : card.aiTopic(),
                    given.audience(),
                    given.question() != null ? given.question() : card.text(),
                    given.phrasings(),
                    given.answer() != null ? given.answer() : latestReply(card),
                    given.legalBasis());
            Checked c = check(merged);
            KbDraft draft = new KbDraft(UUID.randomUUID(), card.id(), card.region(), viewer.username(), c.topic(),
                    c.audience(), c.question(), c.phrasings(), c.answer(), c.legalBasis(), KbDraftStatus.DRAFT, null,
                    null, null, null, null, null);
            return drafts.insert(draft)
                    .flatMap(saved -> audit.record(viewer.username(), "KB_DRAFT", card.id(), card.region(),
                                    "черновик " + saved.id())
                            .then(actions.note(card.id(), viewer.username(),
                                    "Ответ предложен в базу знаний (тема «" + saved.topic() + "»), ждёт проверки"))
                            .thenReturn(saved))
                    .as(tx::transactional);
        }).doOnNext(d -> log.info("kb draft {} from appeal {} by {}", d.id(), d.appealId(), viewer.username()));
    }

    /** KB editors, federal staff and admins see every draft; the others their own. */
    public Flux<KbDraft> list(Viewer viewer, String statusName) {
        KbDraftStatus status = null;
        if (statusName != null && !statusName.isBlank()) {
            try {
                status = KbDraftStatus.valueOf(statusName.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                return Flux.error(Problems.badRequest("Неизвестный статус черновика: " + statusName
                        + ". Допустимые: DRAFT, PUBLISHED, REJECTED"));
            }
        }
        return drafts.list(seesAll(viewer) ? null : viewer.username(), status, MAX_LIST);
    }

    public Mono<KbDraft> get(Viewer viewer, String id) {
        return visible(viewer, id, false);
    }

    /** Verified by a KB editor or federal specialist, with their edits → {@code kb.entry.published}. */
    public Mono<KbDraft> verify(Viewer viewer, String id, KbDraftFields edits) {
        if (!mayReview(viewer)) {
            return Mono.error(Problems.forbidden(
                    "Проверять и публиковать ответы в базе знаний может редактор базы знаний или федеральный специалист"));
        }
        KbDraftFields e = edits == null ? KbDraftFields.NONE : edits;
        return visible(viewer, id, true)
                .flatMap(d -> {
                    requireDraft(d);
                    Checked c = check(new KbDraftFields(
                            e.topic() != null ? e.topic() : d.topic(),
                            e.audience() != null ? e.audience() : d.audience().name(),
                            e.question() != null ? e.question() : d.question(),
                            e.phrasings() != null ? e.phrasings() : d.phrasings(),
                            e.answer() != null ? e.answer() : d.answer(),
                            e.legalBasis() != null ? e.legalBasis() : d.legalBasis()));
                    String entryId = "op-" + d.id();
                    KbDraft edited = new KbDraft(d.id(), d.appealId(), d.region(), d.author(), c.topic(),
                            c.audience(), c.question(), c.phrasings(), c.answer(), c.legalBasis(), d.status(),
                            d.entryId(), d.reviewedBy(), d.reviewedAt(), d.rejectReason(), d.createdAt(),
                            d.updatedAt());
                    return drafts.publish(edited, viewer.username(), entryId)
                            .flatMap(published -> outbox.append(KbEntryPublished.of(entryId, 1, published.topic(),
                                            published.question(), published.phrasings(), published.answer(),
                                            published.legalBasis(), published.audience(), viewer.username(),
                                            published.appealId()))
                                    .then(audit.record(viewer.username(), "KB_PUBLISH", published.appealId(),
                                            published.region(), entryId))
                                    .then(published.appealId() == null ? Mono.empty()
                                            : actions.note(published.appealId(), viewer.username(),
                                            "Ответ опубликован в базе знаний: " + entryId))
                                    .thenReturn(published));
                })
                .as(tx::transactional)
                .doOnNext(d -> log.info("kb draft {} published as {} by {}", d.id(), d.entryId(), viewer.username()));
    }

    public Mono<KbDraft> reject(Viewer viewer, String id, String reason) {
        if (!mayReview(viewer)) {
            return Mono.error(Problems.forbidden(
                    "Проверять и публиковать ответы в базе знаний может редактор базы знаний или федеральный специалист"));
        }
        if (reason == null || reason.isBlank()) {
            return Mono.error(Problems.badRequest("Укажите причину отклонения"));
        }
        String why = reason.strip();
        if (why.length() > AppealActions.MAX_NOTE_LENGTH) {
            return Mono.error(Problems.badRequest("Причина слишком длинная: допускается не более "
                    + AppealActions.MAX_NOTE_LENGTH + " символов"));
        }
        return visible(viewer, id, true)
                .flatMap(d -> {
                    requireDraft(d);
                    return drafts.reject(d.id(), viewer.username(), why)
                            .flatMap(rejected -> audit.record(viewer.username(), "KB_REJECT", rejected.appealId(),
                                            rejected.region(), why)
                                    .then(rejected.appealId() == null ? Mono.empty()
                                            : actions.note(rejected.appealId(), viewer.username(),
                                            "Черновик для базы знаний отклонён. Причина: " + why))
                                    .thenReturn(rejected));
                })
                .as(tx::transactional);
    }

    private Mono<KbDraft> visible(Viewer viewer, String id, boolean lock) {
        UUID draftId = AppealQueries.parseId(id);
        if (draftId == null) {
            return Mono.error(Problems.notFound("Черновик не найден"));
        }
        return (lock ? drafts.lock(draftId) : drafts.find(draftId))
                .filter(d -> seesAll(viewer) || viewer.username().equals(d.author()))
                .switchIfEmpty(Mono.error(() -> Problems.notFound("Черновик не найден")));
    }

    private static void requireDraft(KbDraft d) {
        if (d.status() == KbDraftStatus.PUBLISHED) {
            throw Problems.conflict("Черновик уже опубликован (" + d.entryId() + ")");
        }
        if (d.status() == KbDraftStatus.REJECTED) {
            throw Problems.conflict("Черновик уже отклонён");
        }
    }

    private static boolean seesAll(Viewer viewer) {
        return viewer.has("KB_EDITOR") || viewer.seesAllRegions();
    }

    private static boolean mayReview(Viewer viewer) {
        return viewer.has("KB_EDITOR") || viewer.has("FEDERAL");
    }

    private static String latestReply(AppealCard card) {
        String last = null;
        for (TimelineEntry t : card.timeline()) {
            if (t.kind() == MessageKind.OPERATOR_REPLY) {
                last = t.text();
            }
        }
        return last;
    }

    private record Checked(String topic, Audience audience, String question, List<String> phrasings, String answer,
                           String legalBasis) {
    }

    private static Checked check(KbDraftFields f) {
        String topic = required(f.topic(), "Укажите тему записи базы знаний", MAX_TOPIC, "Тема");
        String question = required(f.question(), "Укажите вопрос", MAX_QUESTION, "Вопрос");
        String answer = required(f.answer(), "Укажите ответ: у обращения ещё нет ответа оператора", MAX_ANSWER,
                "Ответ");
        Audience audience = Audience.ALL;
        if (f.audience() != null && !f.audience().isBlank()) {
            try {
                audience = Audience.valueOf(f.audience().trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw Problems.badRequest("Неизвестная аудитория: " + f.audience()
                        + ". Допустимые: ALL, SCHOOL, SPO, DOO");
            }
        }
        List<String> phrasings = new ArrayList<>();
        for (String p : f.phrasings() == null ? List.<String>of() : f.phrasings()) {
            if (p == null || p.isBlank()) {
                continue;
            }
            String one = p.strip();
            if (one.length() > MAX_PHRASING) {
                throw Problems.badRequest("Формулировка вопроса слишком длинная: допускается не более "
                        + MAX_PHRASING + " символов");
            }
            if (!phrasings.contains(one)) {
                phrasings.add(one);
            }
        }
        if (phrasings.size() > MAX_PHRASINGS) {
            throw Problems.badRequest("Слишком много формулировок: допускается не более " + MAX_PHRASINGS);
        }
        String legalBasis = f.legalBasis() == null || f.legalBasis().isBlank() ? null : f.legalBasis().strip();
        if (legalBasis != null && legalBasis.length() > MAX_LEGAL_BASIS) {
            throw Problems.badRequest("Правовое основание слишком длинное: допускается не более " + MAX_LEGAL_BASIS
                    + " символов");
        }
        return new Checked(topic, audience, question, List.copyOf(phrasings), answer, legalBasis);
    }

    private static String required(String value, String missing, int max, String name) {
        if (value == null || value.isBlank()) {
            throw Problems.badRequest(missing);
        }
        String v = value.strip();
        int length = v.codePointCount(0, v.length());
        if (length > max) {
            throw Problems.badRequest(name + " слишком длинный: " + length + " символов, допускается не более " + max);
        }
        return v;
    }
}
