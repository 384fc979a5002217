package ru.rosobr.assistant.testkit;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Reads a service's transactional outbox. An event the service decided to emit is in its outbox the moment the
 * deciding transaction commits, but on the topic only once the relay has sent it: before asserting that a topic
 * holds no (further) event, wait until the outbox rows written so far are published.
 */
public final class OutboxProbe {

    private OutboxProbe() {
    }

    /**
     * Waits until every outbox row that exists now has been sent to the broker ({@code published_at} set). Rows
     * written later do not hold it up, so a service that keeps emitting does not stall the wait.
     */
    public static void awaitPublished(DatabaseClient db, Duration timeout) {
        long last = db.sql("select coalesce(max(seq), 0) as s from outbox")
                .map((r, m) -> r.get("s", Long.class)).one().block(timeout);
        Awaitility.await("outbox rows up to seq " + last + " published").atMost(timeout)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> db.sql("select count(*) as n from outbox where seq <= :last and published_at is null")
                        .bind("last", last).map((r, m) -> r.get("n", Long.class)).one().block(timeout) == 0L);
    }
}
