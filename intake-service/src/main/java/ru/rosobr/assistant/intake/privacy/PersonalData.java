package ru.rosobr.assistant.intake.privacy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

import ru.rosobr.assistant.contracts.Channel;
import ru.rosobr.assistant.contracts.events.TeacherErased;
import ru.rosobr.assistant.intake.privacy.internal.PersonalDataRepository;
import ru.rosobr.assistant.intake.teacher.Teacher;
import ru.rosobr.assistant.intake.teacher.Teachers;
import ru.rosobr.assistant.platform.outbox.Outbox;

/**
 * A teacher's personal data on request (152-ФЗ): the export of everything intake holds about them, and the erasure —
 * intake's copy and, through {@code teacher.erased}, every other service's, in the transaction that announces it.
 * The appeal statistics stay: counts by region, dates and ratings keep no name and no text.
 */
public class PersonalData {

    private static final Logger log = LoggerFactory.getLogger(PersonalData.class);

    private final Teachers teachers;
    private final PersonalDataRepository repository;
    private final Outbox outbox;
    private final TransactionalOperator tx;

    public PersonalData(Teachers teachers, PersonalDataRepository repository, Outbox outbox,
                        TransactionalOperator tx) {
        this.teachers = teachers;
        this.repository = repository;
        this.outbox = outbox;
        this.tx = tx;
    }

    /** Everything about the teacher; empty for an unknown one. */
    public Mono<Map<String, Object>> export(Channel channel, String platformUserId) {
        return teachers.findByPlatformUser(channel, platformUserId).flatMap(t -> Mono.zip(
                        repository.appeals(t.id()), repository.messages(t.id()), repository.ratings(t.id()))
                .map(parts -> {
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("exportedAt", Instant.now());
                    out.put("teacher", teacher(t));
                    out.put("appeals", parts.getT1());
                    out.put("messages", parts.getT2());
                    out.put("ratings", parts.getT3());
                    out.put("note", "Копии ФИО и текстов обращений есть также у специалистов, которым передавались "
                            + "обращения; при удалении они удаляются и там.");
                    return out;
                }))
                .doOnNext(x -> log.info("personal data of a {} teacher exported on request", channel));
    }

    /** Erases the teacher's personal data; emits how many appeals were anonymised, empty for an unknown teacher. */
    public Mono<Integer> erase(Channel channel, String platformUserId) {
        return teachers.findByPlatformUser(channel, platformUserId)
                .flatMap(t -> repository.erase(t.id())
                        .flatMap(appeals -> outbox.append(TeacherErased.of(t.id(), appeals)).thenReturn(appeals.size())))
                .as(tx::transactional)
                .doOnNext(n -> log.info("personal data of a {} teacher erased on request ({} appeals anonymised)",
                        channel, n));
    }

    private static Map<String, Object> teacher(Teacher t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("teacherId", t.id());
        m.put("channel", t.channel());
        m.put("platformUserId", t.platformUserId());
        m.put("fio", t.fio());
        m.put("region", t.region());
        m.put("orgType", t.orgType());
        m.put("verified", t.verified());
        m.put("disabled", t.disabled());
        return m;
    }
}
