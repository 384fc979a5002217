package ru.rosobr.assistant.answer.kb;

import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import ru.rosobr.assistant.answer.kb.KbEntry.Status;
import ru.rosobr.assistant.answer.kb.KbException.Kind;
import ru.rosobr.assistant.answer.kb.internal.KbRepository;
import ru.rosobr.assistant.contracts.events.StaffActionAudited;
import ru.rosobr.assistant.platform.outbox.Outbox;

/**
 * The knowledge base: entries, their lifecycle (DRAFT → VERIFIED → RETIRED; an edit makes a new DRAFT version)
 * and version history. Every change notifies all replicas in its transaction (they re-read the entry at commit);
 * listeners on this replica (the matcher's index) also hear about an admin change as soon as it has committed, so
 * verify, retire and edit take effect on the next question here and within milliseconds everywhere else.
 */
public class KnowledgeBase {

    private static final Logger log = LoggerFactory.getLogger(KnowledgeBase.class);
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{1,79}");
    private static final String CYRILLIC = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя";
    private static final String[] LATIN = {"a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n",
        "o", "p", "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya"};

    private final KbRepository repository;
    private final TransactionalOperator tx;
    private final List<Consumer<KbEntry>> listeners = new CopyOnWriteArrayList<>();

    private final LongSupplier indexVersion;
    private final Outbox outbox;

    /**
     * @param indexVersion the version of the base as this replica's index has it (decisions record it)
     * @param outbox       where the editor's changes go to the console's audit log ({@code audit.answer}), in the
     *                     transaction of the change
     */
    public KnowledgeBase(KbRepository repository, TransactionalOperator tx, LongSupplier indexVersion, Outbox outbox) {
        this.repository = repository;
        this.tx = tx;
        this.indexVersion = indexVersion;
        this.outbox = outbox;
    }

    /** The editor's change for the audit log: the action kind names the change, the line the entry and version. */
    private Mono<KbEntry> audited(KbEntry saved, String by, KbVersion.Change change) {
        return outbox.append(StaffActionAudited.of(by, "KB_ENTRY_" + change.name(), null,
                        "запись " + saved.id() + " v" + saved.version() + " (" + saved.topic() + ")"))
                .thenReturn(saved);
    }

    public void onChange(Consumer<KbEntry> listener) {
        listeners.add(listener);
    }

    private KbEntry announce(KbEntry entry) {
        listeners.forEach(l -> l.accept(entry));
        return entry;
    }

    public Flux<KbEntry> all() {
        return repository.findAll();
    }

    public Flux<KbRecord> list(Status status) {
        return repository.findRecords(status);
    }

    public Flux<KbRecord> search(String q) {
        return repository.search(q.strip());
    }

    public Mono<KbRecord> find(String id) {
        return repository.findRecord(id).switchIfEmpty(Mono.error(notFound(id)));
    }

    public Flux<KbVersion> versions(String id) {
        return repository.exists(id).flatMapMany(exists -> exists ? repository.versions(id)
                : Flux.error(notFound(id)));
    }

    /**
     * Monotonic version of the whole base as the index that decides questions has it: changes whenever any entry
     * changes. Read on every question, so it comes from memory, not from a count over the versions table.
     */
    public Mono<Long> version() {
        return Mono.fromSupplier(indexVersion::getAsLong);
    }

    /**
     * Stores an entry as given (a published entry from operator-service, or the starter base); the caller owns
     * the transaction. Every replica's index (this one's too) gets the entry from the change notification, i.e.
     * only once the caller's transaction has committed.
     */
    public Mono<KbEntry> save(KbEntry entry, String by, KbVersion.Change change) {
        return saveAndNotify(entry, by, change);
    }

    private Mono<KbEntry> saveAndNotify(KbEntry entry, String by, KbVersion.Change change) {
        return repository.save(entry, by, change)
                .flatMap(saved -> repository.notifyChanged(saved.id()).thenReturn(saved));
    }

    /** The topic transliterated into the id alphabet: editors write topics in Russian, ids are Latin. */
    static String slug(String topic) {
        StringBuilder out = new StringBuilder();
        for (char c : topic.toLowerCase(java.util.Locale.ROOT).toCharArray()) {
            int cyr = CYRILLIC.indexOf(c);
            if (cyr >= 0) {
                out.append(LATIN[cyr]);
            } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                out.append(c);
            } else if (!out.isEmpty() && out.charAt(out.length() - 1) != '-') {
                out.append('-');
            }
            if (out.length() >= 60) {
                break;
            }
        }
        String slug = out.toString().replaceAll("^-+|-+$", "");
        return slug.length() < 2 ? "entry" : slug;
    }

    /** A new entry, as a DRAFT (it answers nobody until verified). The id is made from the topic when absent. */
    public Mono<KbRecord> create(KbEntry draft, String by) {
        validate(draft);
        String id = draft.id() == null || draft.id().isBlank()
                ? slug(draft.topic()) + "-" + UUID.randomUUID().toString().substring(0, 8) : draft.id().strip();
        if (!ID.matcher(id).matches()) {
            return Mono.error(new KbException(Kind.INVALID,
                    "Идентификатор записи: 2–80 символов, строчные латинские буквы, цифры, точка, дефис, подчёркивание"));
        }
        KbEntry entry = new KbEntry(id, draft.topic().strip(), draft.question().strip(), draft.phrasings(),
                draft.answer().strip(), draft.legalBasis(), draft.audience(), Status.DRAFT, 1);
        return repository.exists(id)
                .flatMap(exists -> exists
                        ? Mono.<KbEntry>error(new KbException(Kind.CONFLICT, "Запись «" + id + "» уже существует"))
                        : saveAndNotify(entry, by, KbVersion.Change.CREATED)
                                .flatMap(saved -> audited(saved, by, KbVersion.Change.CREATED)))
                .as(tx::transactional)
                .map(this::announce)
                .then(find(id))
                .doOnNext(r -> log.info("kb entry {} created by {}", id, by));
    }

    /** A new version with new content; it becomes a DRAFT and stops answering until verified again. */
    public Mono<KbRecord> edit(String id, Integer expectedVersion, KbEntry content, String by) {
        validate(content);
        return change(id, expectedVersion, current -> new KbEntry(id, content.topic().strip(),
                        content.question().strip(), content.phrasings(), content.answer().strip(),
                        content.legalBasis(), content.audience(), Status.DRAFT, current.entry().version() + 1),
                by, KbVersion.Change.EDITED);
    }

    /**
     * Marks the current version verified: from now on it answers teachers. The verifier must be someone other
     * than the author of this version (four eyes), unless {@code mayVerifyOwn} (administrators).
     */
    public Mono<KbRecord> verify(String id, Integer expectedVersion, String by, boolean mayVerifyOwn) {
        return change(id, expectedVersion, current -> {
            if (current.entry().status() == Status.VERIFIED) {
                throw new KbException(Kind.CONFLICT, "Запись «" + id + "» уже проверена (версия "
                        + current.entry().version() + ")");
            }
            if (current.entry().status() == Status.RETIRED) {
                throw new KbException(Kind.CONFLICT, "Запись «" + id + "» снята с использования; чтобы вернуть её, "
                        + "отредактируйте и проверьте новую версию");
            }
            if (!mayVerifyOwn && Objects.equals(current.updatedBy(), by)) {
                throw new KbException(Kind.FORBIDDEN, "Проверить запись должен другой сотрудник, не автор этой версии");
            }
            return current.entry().withStatus(Status.VERIFIED, current.entry().version() + 1);
        }, by, KbVersion.Change.VERIFIED);
    }

    /** Takes the entry out of use (kept with its history). */
    public Mono<KbRecord> retire(String id, Integer expectedVersion, String by) {
        return change(id, expectedVersion, current -> {
            if (current.entry().status() == Status.RETIRED) {
                throw new KbException(Kind.CONFLICT, "Запись «" + id + "» уже снята с использования");
            }
            return current.entry().withStatus(Status.RETIRED, current.entry().version() + 1);
        }, by, KbVersion.Change.RETIRED);
    }

    /**
     * Puts a retired entry back in use in the status it had before it was retired: a verified entry answers
     * again at once (its content was verified and has not changed since), a retired draft becomes a draft again.
     */
    public Mono<KbRecord> restore(String id, Integer expectedVersion, String by) {
        return repository.versions(id).collectList().flatMap(history -> change(id, expectedVersion, current -> {
            if (current.entry().status() != Status.RETIRED) {
                throw new KbException(Kind.CONFLICT, "Запись «" + id + "» не снята с использования");
            }
            Status before = Status.DRAFT;
            for (KbVersion v : history) {
                if (v.content().version() < current.entry().version()) {
                    before = v.content().status();
                }
            }
            return current.entry().withStatus(before == Status.RETIRED ? Status.DRAFT : before,
                    current.entry().version() + 1);
        }, by, KbVersion.Change.RESTORED));
    }

    /**
     * Adds a phrasing to a verified entry (learned from an operator's judgement) as a new verified version; the
     * caller owns the transaction. Empty when the entry is not verified or already has that phrasing.
     */
    public Mono<KbEntry> learnPhrasing(String id, String phrasing, String by) {
        String wording = phrasing == null ? "" : phrasing.strip();
        return repository.lock(id).flatMap(current -> {
            KbEntry e = current.entry();
            boolean known = e.question().equalsIgnoreCase(wording)
                    || e.phrasings().stream().anyMatch(p -> p.equalsIgnoreCase(wording));
            if (e.status() != Status.VERIFIED || wording.isEmpty() || known) {
                return Mono.empty();
            }
            List<String> phrasings = new java.util.ArrayList<>(e.phrasings());
            phrasings.add(wording);
            KbEntry next = new KbEntry(id, e.topic(), e.question(), phrasings, e.answer(), e.legalBasis(),
                    e.audience(), Status.VERIFIED, e.version() + 1);
            return repository.save(next, current.verifiedBy(), KbVersion.Change.LEARNED, by)
                    .flatMap(saved -> repository.notifyChanged(id).thenReturn(saved));
        });
    }

    private Mono<KbRecord> change(String id, Integer expectedVersion,
                                  java.util.function.Function<KbRecord, KbEntry> next, String by,
                                  KbVersion.Change change) {
        return repository.lock(id)
                .switchIfEmpty(Mono.error(notFound(id)))
                .flatMap(current -> {
                    if (expectedVersion != null && expectedVersion != current.entry().version()) {
                        return Mono.error(new KbException(Kind.CONFLICT, "Запись «" + id + "» уже изменена: текущая "
                                + "версия " + current.entry().version() + ", а вы правили версию "
                                + expectedVersion + ". Обновите страницу"));
                    }
                    return saveAndNotify(next.apply(current), by, change)
                            .flatMap(saved -> audited(saved, by, change));
                })
                .as(tx::transactional)
                .map(this::announce)
                .doOnNext(e -> log.info("kb entry {} v{} {} by {}", e.id(), e.version(), change, by))
                .then(find(id));
    }

    private static void validate(KbEntry e) {
        if (e.topic() == null || e.topic().isBlank()) {
            throw new KbException(Kind.INVALID, "Укажите тему (topic) записи");
        }
        if (e.question() == null || e.question().isBlank()) {
            throw new KbException(Kind.INVALID, "Укажите основной вопрос (question)");
        }
        if (e.answer() == null || e.answer().isBlank()) {
            throw new KbException(Kind.INVALID, "Укажите текст ответа (answer)");
        }
        if (e.phrasings().stream().anyMatch(p -> p == null || p.isBlank())) {
            throw new KbException(Kind.INVALID, "Формулировки (phrasings) не могут быть пустыми");
        }
    }

    private static KbException notFound(String id) {
        return new KbException(Kind.NOT_FOUND, "Запись «" + id + "» не найдена");
    }
}
