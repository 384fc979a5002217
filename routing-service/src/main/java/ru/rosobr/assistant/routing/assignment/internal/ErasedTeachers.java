package ru.rosobr.assistant.routing.assignment.internal;

import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

import ru.rosobr.assistant.contracts.events.TeacherErased;

/**
 * A teacher's erasure ({@code teacher.erased}) reaches routing's appeal snapshots: name and question go, the routing
 * facts (region, holder, times) stay. A later assignment of such an appeal (an escalation) carries the erased text.
 */
public class ErasedTeachers {

    static final String ERASED = "[удалено по запросу]";

    private final DatabaseClient db;

    public ErasedTeachers(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Void> onErased(TeacherErased e) {
        return db.sql("update routed_appeals set teacher_fio = :x, text = :x, teacher_id = null "
                        + "where appeal_id = any(:ids) or teacher_id = :t")
                .bind("x", ERASED).bind("ids", e.appealIds().toArray(UUID[]::new)).bind("t", e.teacherId())
                .then();
    }
}
