package ru.rosobr.assistant.testkit.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import reactor.core.publisher.Mono;

import ru.rosobr.assistant.contracts.Topics;
import ru.rosobr.assistant.contracts.events.AnswerMatched;
import ru.rosobr.assistant.contracts.events.AppealOffTopic;
import ru.rosobr.assistant.contracts.events.AppealRated;
import ru.rosobr.assistant.platform.messaging.EventSubscription;
import ru.rosobr.assistant.platform.outbox.Outbox;
import ru.rosobr.assistant.testkit.KafkaProbe;
import ru.rosobr.assistant.testkit.ServiceTestSupport;

/**
 * The platform on real Kafka and PostgreSQL: a consumer's effect and the events it emits commit together, a
 * redelivered event is applied once, a poison record is dead-lettered without blocking the next one, and a failed
 * effect leaves neither state nor events behind.
 */
@SpringBootTest(classes = PlatformIT.App.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
class PlatformIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @SpringBootApplication
    static class App {
        /** Remembers each off-topic event and emits a rating for it; fails for teacher "fail". */
        @Bean
        EventSubscription<AppealOffTopic> onOffTopic(DatabaseClient db, Outbox outbox) {
            return EventSubscription.on(Topics.APPEAL_OFFTOPIC, e -> db
                    .sql("insert into seen (event_id, teacher_id) values (:id, :t)")
                    .bind("id", e.eventId()).bind("t", e.teacherId()).then()
                    .then(outbox.append(AppealRated.of(e.appealId(), e.region(), e.teacherId(), 4)))
                    .then(Mono.defer(() -> "fail".equals(e.teacherId())
                            ? Mono.error(new IllegalStateException("effect failed on purpose"))
                            : Mono.empty())));
        }
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        ServiceTestSupport.register(registry, "platform");
    }

    @Autowired
    DatabaseClient db;

    @Autowired
    Outbox outbox;

    private long count(String sql, Object id) {
        return db.sql(sql).bind("id", id).map((r, m) -> r.get(0, Long.class)).one().block();
    }

    @Test
    void effectAndEmittedEventCommitTogetherAndARedeliveryIsAppliedOnce() {
        AppealOffTopic e = AppealOffTopic.of(UUID.randomUUID(), "58", "teacher-1", 0.1);
        KafkaProbe.publish(Topics.APPEAL_OFFTOPIC, e);
        KafkaProbe.publish(Topics.APPEAL_OFFTOPIC, e);

        AppealRated rated = KafkaProbe.await(Topics.APPEAL_RATED, r -> r.appealId().equals(e.appealId()), WAIT);
        assertThat(rated.rating()).isEqualTo(4);
        await().atMost(WAIT).until(() -> count(
                "select count(*) from processed_events where event_id = :id", e.eventId()) == 1);
        assertThat(count("select count(*) from seen where event_id = :id", e.eventId())).isEqualTo(1);
        assertThat(KafkaProbe.all(Topics.APPEAL_RATED, r -> r.appealId().equals(e.appealId()))).hasSize(1);
    }

    @Test
    void poisonRecordIsDeadLetteredAndTheNextEventStillFlows() {
        String marker = "not json " + UUID.randomUUID();
        KafkaProbe.publishRaw(Topics.APPEAL_OFFTOPIC.name(), "k", marker);
        AppealOffTopic next = AppealOffTopic.of(UUID.randomUUID(), "33", "teacher-2", 0.2);
        KafkaProbe.publish(Topics.APPEAL_OFFTOPIC, next);

        KafkaProbe.await(Topics.APPEAL_RATED, r -> r.appealId().equals(next.appealId()), WAIT);
        await().atMost(WAIT).until(() -> count("select count(*) from dead_letters where payload = :id", marker) == 1);
    }

    @Test
    void failedEffectLeavesNoStateAndNoEventAndIsKeptAsADeadLetter() {
        AppealOffTopic failing = AppealOffTopic.of(UUID.randomUUID(), "58", "fail", 0.1);
        KafkaProbe.publish(Topics.APPEAL_OFFTOPIC, failing);
        await().atMost(WAIT).until(() -> count(
                "select count(*) from dead_letters where payload like '%' || :id || '%'",
                failing.eventId().toString()) == 1);
        assertThat(count("select count(*) from seen where event_id = :id", failing.eventId())).isZero();
        assertThat(count("select count(*) from outbox where payload like '%' || :id || '%'",
                failing.appealId().toString())).isZero();
    }

    @Test
    void aServiceCannotWriteATopicItDoesNotOwn() {
        AnswerMatched foreign = AnswerMatched.of(UUID.randomUUID(), "58", "t", "ktp", "ktp-1", 1, 0.9, "a", "b");
        assertThatThrownBy(() -> outbox.append(foreign).block())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("answer-service");
    }
}
