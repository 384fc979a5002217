package ru.rosobr.assistant.operator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.core.publisher.Mono;

import ru.rosobr.assistant.platform.retention.RetentionPurge;

/** The retention purge: only what is past its period goes, and two replicas purging at once share the work. */
class RetentionIT extends OperatorTestBase {

    @Autowired
    RetentionPurge purge;

    @Test
    void purgesWhatIsPastItsRetentionAndKeepsTheRest() {
        assertThat(purge.rules()).extracting(r -> r.table())
                .contains("processed_events", "dead_letters", "audit_log", "sessions");
        String tag = UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 120; i++) {
            db.sql("insert into processed_events (consumer, event_id, processed_at) values (:c, :id, now() - interval '41 days')")
                    .bind("c", "old-" + tag).bind("id", UUID.randomUUID()).then().block();
        }
        db.sql("insert into processed_events (consumer, event_id) values (:c, :id)")
                .bind("c", "new-" + tag).bind("id", UUID.randomUUID()).then().block();
        db.sql("insert into dead_letters (consumer, topic, kafka_partition, kafka_offset, payload, error, failed_at) "
                + "values ('old-" + tag + "', 't', 0, 0, '{}', 'x', now() - interval '91 days'), "
                + "('new-" + tag + "', 't', 0, 1, '{}', 'x', now())").then().block();
        // an audit entry older than the retention: the one delete the database allows
        db.sql("alter table audit_log disable trigger audit_log_no_update").then().block();
        db.sql("insert into audit_log (actor, action, at) values ('old-" + tag + "', 'LOGIN', now() - interval '4 years'), "
                + "('new-" + tag + "', 'LOGIN', now())").then().block();
        db.sql("alter table audit_log enable trigger audit_log_no_update").then().block();

        // two replicas at once (FOR UPDATE SKIP LOCKED): neither fails, the rows go exactly once
        List<Map<String, Long>> passes = Mono.zip(purge.purgeOnce(), purge.purgeOnce())
                .map(t -> List.of(t.getT1(), t.getT2())).block(Duration.ofSeconds(60));
        long deletedEvents = passes.stream().mapToLong(m -> m.getOrDefault("processed_events", 0L)).sum();
        assertThat(deletedEvents).isGreaterThanOrEqualTo(120);

        assertThat(count("processed_events", "consumer = 'old-" + tag + "'")).isZero();
        assertThat(count("processed_events", "consumer = 'new-" + tag + "'")).isEqualTo(1);
        assertThat(count("dead_letters", "consumer = 'old-" + tag + "'")).isZero();
        assertThat(count("dead_letters", "consumer = 'new-" + tag + "'")).isEqualTo(1);
        assertThat(count("audit_log", "actor = 'old-" + tag + "'")).isZero();
        assertThat(count("audit_log", "actor = 'new-" + tag + "'")).isEqualTo(1);
    }

    private long count(String table, String where) {
        return db.sql("select count(*) as n from " + table + " where " + where)
                .map((r, m) -> r.get("n", Long.class)).one().block();
    }
}
