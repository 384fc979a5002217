package ru.rosobr.assistant.intake.teacher;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import reactor.core.publisher.Mono;

import ru.rosobr.assistant.contracts.Channel;
import ru.rosobr.assistant.contracts.OrgType;
import ru.rosobr.assistant.contracts.events.StaffActionAudited;
import ru.rosobr.assistant.contracts.events.TeacherChanged;
import ru.rosobr.assistant.intake.teacher.internal.TeacherRepository;
import ru.rosobr.assistant.platform.outbox.Outbox;
import ru.rosobr.assistant.platform.transaction.TransactionBuffers;

/**
 * The teacher registry: maps a channel's user to intake's teacher id and holds ФИО, region and verification.
 * Every change of what an audience is chosen by (channel, region, organisation type, verification) is announced on
 * teacher.changed in the same transaction, so that followup-service picks campaign audiences from its own copy.
 */
public class Teachers {

    private final TeacherRepository repository;
    private final Outbox outbox;
    private final Clock clock;
    /** The key of a transaction's set of teachers greeted in it. */
    private final Object greeted = new Object();

    public Teachers(TeacherRepository repository, Outbox outbox, Clock clock) {
        this.repository = repository;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Adds or updates a verified teacher; the intake id of an existing (channel, user) stays the same. */
    public Mono<Teacher> upsertVerified(Channel channel, String platformUserId, String fio, String region,
                                        OrgType orgType) {
        return repository.findByPlatformUser(channel, platformUserId).map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(before -> repository.upsert(channel, platformUserId, fio, region, orgType, true)
                        .flatMap(after -> before.isPresent() && sameAudience(before.get(), after) ? Mono.just(after)
                                : announce(after).thenReturn(after)));
    }

    private static boolean sameAudience(Teacher a, Teacher b) {
        return a.admitted() == b.admitted() && Objects.equals(a.region(), b.region()) && a.orgType() == b.orgType()
                && a.channel() == b.channel();
    }

    private Mono<Void> announce(Teacher t) {
        // a disabled teacher leaves every audience like an unverified one: «verified» is what campaigns may address
        return outbox.append(TeacherChanged.of(clock.instant(), t.id(), t.channel(), t.region(), t.orgType(),
                t.admitted()));
    }

    /**
     * The teacher behind a messenger user; an unknown user is recorded as an unverified contact.
     *
     * @param dialogId the platform's id of the bot's dialogue with the user, when the update told one (MAX chat_id):
     *                 kept, so that a message left in doubt by a crash can be looked up there; null keeps the known one
     */
    public Mono<Teacher> contact(Channel channel, String platformUserId, String displayName, String dialogId) {
        return repository.contact(channel, platformUserId, displayName, dialogId);
    }

    /**
     * {@link #contact} for several messenger users at once (each at most once), in one statement; emits each
     * teacher as it is now, keyed by {@link #contactKey}.
     */
    public Mono<Map<String, Teacher>> contactAll(List<Contact> contacts) {
        return repository.contactAll(contacts).collectMap(t -> contactKey(t.channel(), t.platformUserId()));
    }

    /** A messenger user who sent an update (see {@link #contactAll}). */
    public record Contact(Channel channel, String platformUserId, String displayName, String dialogId) {
    }

    /** The key of a messenger user in {@link #contactAll}. */
    public static String contactKey(Channel channel, String platformUserId) {
        return channel + ":" + platformUserId;
    }

    /**
     * The platform named the bot's dialogue with the teacher when it took a message (MAX chat_id): kept unless an
     * update told it before.
     */
    public Mono<Void> dialogLearned(String teacherId, String dialogId) {
        return repository.dialogLearned(teacherId, dialogId);
    }

    /** Adds or updates verified teachers of a checked registry import. Call inside a transaction. */
    public Mono<ImportResult> importVerified(List<RegistryEntry> entries) {
        return repository.importVerified(entries)
                .concatMap(row -> outbox.append(TeacherChanged.of(clock.instant(), row.teacherId(), row.channel(),
                        row.region(), row.orgType(), !row.disabled())).thenReturn(row.created()), 0)
                .reduce(new int[2], (acc, created) -> {
                    acc[created ? 0 : 1]++;
                    return acc;
                })
                .map(acc -> new ImportResult(entries.size(), acc[0], acc[1]));
    }

    /**
     * Disables (or enables) a teacher and announces it: a disabled teacher's messages get a polite refusal and no
     * appeal, and campaigns leave the teacher out; the change goes to the console's audit log ({@code audit.intake}).
     * Emits the teacher as it is now; empty when unknown. Call inside a transaction.
     */
    public Mono<Teacher> setDisabled(Channel channel, String platformUserId, boolean disabled, String actor) {
        return repository.setDisabled(channel, platformUserId, disabled, actor)
                .flatMap(t -> t.verified() ? announce(t).thenReturn(t) : Mono.just(t))
                .flatMap(t -> outbox.append(StaffActionAudited.of(actor, disabled ? "TEACHER_DISABLE" : "TEACHER_ENABLE",
                        t.region(), "педагог " + t.id())).thenReturn(t))
                .switchIfEmpty(Mono.defer(() -> repository.findByPlatformUser(channel, platformUserId)));
    }

    /** A page of the registry for the console. */
    public Mono<TeacherPage> search(TeacherQuery query) {
        return repository.search(query);
    }

    /** The known ones of these teachers, by id (one statement). */
    public Mono<java.util.Map<String, Teacher>> findAll(java.util.Collection<String> teacherIds) {
        return repository.findAll(teacherIds).collectMap(Teacher::id);
    }

    public Mono<Teacher> findByPlatformUser(Channel channel, String platformUserId) {
        return repository.findByPlatformUser(channel, platformUserId);
    }

    /**
     * Emits true the first time only: the greeting is sent once. Inside a transaction the marks of all its updates
     * are written in one statement just before it commits; a teacher marked earlier in the same transaction gets
     * false, so the caller must have read the teacher (and its mark) in this transaction, as the dialogue's contact
     * upsert does.
     */
    public Mono<Boolean> markGreeted(String teacherId) {
        return TransactionBuffers.<Set<String>>current(greeted, LinkedHashSet::new, repository::markGreeted, ids -> {
                })
                .map(ids -> ids.add(teacherId))
                .switchIfEmpty(Mono.defer(() -> repository.markGreeted(teacherId)));
    }

    /** Keeps a question until the teacher has chosen the region (null clears it). */
    public Mono<Void> setPendingQuestion(String teacherId, String text, String externalId) {
        return repository.setPendingQuestion(teacherId, text, externalId);
    }

    public Mono<Teacher> setRegion(String teacherId, String region) {
        return repository.setRegion(teacherId, region)
                .flatMap(t -> t.verified() ? announce(t).thenReturn(t) : Mono.just(t));
    }
}
