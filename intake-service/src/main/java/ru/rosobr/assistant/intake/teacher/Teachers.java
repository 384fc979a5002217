package ru.rosobr.assistant.intake.teacher;

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

    public Mono<Teacher> find(String teacherId) {
        return repository.findById(teacherId);
    }

    public Mono<Teacher> findByPlatformUser(Channel channel, String platformUserId) {
        return repository.findByPlatformUser(channel, platformUserId);
    }
}
