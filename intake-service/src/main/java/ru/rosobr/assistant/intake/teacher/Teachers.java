package ru.rosobr.assistant.intake.teacher;

import java.util.List;

import reactor.core.publisher.Mono;

import ru.rosobr.assistant.contracts.Channel;
import ru.rosobr.assistant.contracts.OrgType;
import ru.rosobr.assistant.intake.teacher.internal.TeacherRepository;

/** The teacher registry: maps a channel's user to intake's teacher id and holds ФИО, region and verification. */
public class Teachers {

    private final TeacherRepository repository;

    public Teachers(TeacherRepository repository) {
        this.repository = repository;
    }

    /** Adds or updates a verified teacher; the intake id of an existing (channel, user) stays the same. */
    public Mono<Teacher> upsertVerified(Channel channel, String platformUserId, String fio, String region,
                                        OrgType orgType) {
        return repository.upsert(channel, platformUserId, fio, region, orgType, true);
    }

    /** The teacher behind a messenger user; an unknown user is recorded as an unverified contact. */
    public Mono<Teacher> contact(Channel channel, String platformUserId, String displayName) {
        return repository.contact(channel, platformUserId, displayName);
    }

    /** Adds or updates verified teachers of a checked registry import. Call inside a transaction. */
    public Mono<ImportResult> importVerified(List<RegistryEntry> entries) {
        return repository.importVerified(entries);
    }

    public Mono<Teacher> find(String teacherId) {
        return repository.findById(teacherId);
    }

    /** The known ones of these teachers, by id (one statement). */
    public Mono<java.util.Map<String, Teacher>> findAll(java.util.Collection<String> teacherIds) {
        return repository.findAll(teacherIds).collectMap(Teacher::id);
    }

    public Mono<Teacher> findByPlatformUser(Channel channel, String platformUserId) {
        return repository.findByPlatformUser(channel, platformUserId);
    }

    /** Emits true the first time only: the greeting is sent once. */
    public Mono<Boolean> markGreeted(String teacherId) {
        return repository.markGreeted(teacherId);
    }

    /** Keeps a question until the teacher has chosen the region (null clears it). */
    public Mono<Void> setPendingQuestion(String teacherId, String text, String externalId) {
        return repository.setPendingQuestion(teacherId, text, externalId);
    }

    public Mono<Teacher> setRegion(String teacherId, String region) {
        return repository.setRegion(teacherId, region);
    }
}
