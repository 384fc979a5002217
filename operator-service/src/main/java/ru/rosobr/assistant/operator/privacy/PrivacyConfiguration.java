package ru.rosobr.assistant.operator.privacy;

import java.util.UUID;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

import ru.rosobr.assistant.contracts.Topics;
import ru.rosobr.assistant.contracts.events.TeacherErased;
import ru.rosobr.assistant.platform.messaging.EventSubscription;
import ru.rosobr.assistant.platform.messaging.EventSubscriptions;

/**
 * A teacher's erasure ({@code teacher.erased}, from intake) reaches the console's copies: the name, the question and
 * the teacher's later messages of their appeals go; status, region, dates, the operators' replies, judgements and
 * ratings stay for the statistics and the audit trail.
 */
@Configuration(proxyBeanMethods = false)
public class PrivacyConfiguration {

    static final String ERASED = "[удалено по запросу]";

    @Bean
    EventSubscriptions privacySubscriptions(DatabaseClient db) {
        return EventSubscriptions.of(
                EventSubscription.on(Topics.TEACHER_ERASED, e -> erase(db, e)));
    }

    static Mono<Void> erase(DatabaseClient db, TeacherErased e) {
        UUID[] ids = e.appealIds().toArray(UUID[]::new);
        return db.sql("update appeals set teacher_fio = :x, text = :x, teacher_id = null, updated_at = now() "
                        + "where id = any(:ids) or teacher_id = :t")
                .bind("x", ERASED).bind("ids", ids).bind("t", e.teacherId()).then()
                .then(db.sql("update appeal_messages set text = :x where appeal_id = any(:ids) "
                                + "and kind in ('TEACHER_QUESTION', 'TEACHER_MESSAGE')")
                        .bind("x", ERASED).bind("ids", ids).then())
                .then(db.sql("update kb_drafts set question = :x where appeal_id = any(:ids) and status = 'DRAFT'")
                        .bind("x", ERASED).bind("ids", ids).then());
    }
}
