package ru.rosobr.assistant.answer.gaps.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import reactor.core.publisher.Flux;

/** Routed questions (decision UNMATCHED) from match_decisions: text, region and when asked — nothing of the teacher. */
public class GapRepository {

    /** A routed question; {@code askedAt} falls back to the decision time for rows stored before it was kept. */
    public record RoutedQuestion(UUID appealId, String text, String region, Instant askedAt) {
    }

    private final DatabaseClient db;

    public GapRepository(DatabaseClient db) {
        this.db = db;
    }

    /**
     * The routed questions asked in [from, to] (days in {@code zone}), of {@code region} or of every region when it
     * is null, oldest first; at most {@code limit} — the latest ones.
     */
    public Flux<RoutedQuestion> routed(LocalDate from, LocalDate to, ZoneId zone, String region, int limit) {
        return db.sql("""
                        select * from (
                            select appeal_id, question, region, coalesce(asked_at, decided_at) as at
                              from match_decisions
                             where decision = 'UNMATCHED'
                               and coalesce(asked_at, decided_at) >= :from and coalesce(asked_at, decided_at) < :to
                               and (cast(:region as text) is null or region = :region)
                             order by at desc, appeal_id desc
                             limit :limit) q
                         order by at, appeal_id""")
                .bind("from", from.atStartOfDay(zone).toInstant())
                .bind("to", to.plusDays(1).atStartOfDay(zone).toInstant())
                .bind("region", Parameter.fromOrEmpty(region, String.class))
                .bind("limit", limit)
                .map(r -> new RoutedQuestion(r.get("appeal_id", UUID.class), r.get("question", String.class),
                        r.get("region", String.class), r.get("at", Instant.class)))
                .all();
    }
}
