package ru.rosobr.assistant.platform.leader;

import java.time.Duration;

import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.spi.ConnectionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import ru.rosobr.assistant.platform.notify.DedicatedSession;

/**
 * One leader among the replicas of a service for a named duty: the replica whose dedicated PostgreSQL session holds
 * the session advisory lock {@code hashtextextended(name, 0)}. The others try again every retry interval; when the
 * leader dies or its connection drops, PostgreSQL releases the lock with the session and another replica takes it.
 *
 * <p>A replica learns that its session is gone at the next check ({@code select 1}), so for at most one check
 * interval an old leader may still believe it leads; duties that must never overlap need a lock of their own.
 */
public final class Leadership implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Leadership.class);

    private final String name;
    private final Duration retry;
    private final DedicatedSession session;
    private final Sinks.Many<Boolean> changes = Sinks.many().replay().latestOrDefault(Boolean.FALSE);
    private volatile boolean leader;

    /**
     * @param name  the duty, unique in the database (the lock space is shared by every schema): e.g.
     *              {@code analytics-service/metrics}
     * @param retry how often a follower tries to take the lock, and how often the leader checks its session
     */
    public Leadership(ConnectionFactory connections, String name, Duration retry) {
        this.name = name;
        this.retry = retry;
        this.session = new DedicatedSession(connections, "leadership " + name, retry, this::whileOpen);
    }

    public boolean isLeader() {
        return leader;
    }

    /** The current state at once, then every change. */
    public Flux<Boolean> changes() {
        return changes.asFlux();
    }

    private Flux<Object> whileOpen(PostgresqlConnection connection) {
        return Flux.interval(Duration.ZERO, retry).onBackpressureDrop()
                .concatMap(tick -> Flux.from(connection.createStatement(
                                        "select pg_try_advisory_lock(hashtextextended($1, 0)) as won")
                                .bind(0, name).execute())
                        .flatMap(r -> r.map((row, meta) -> Boolean.TRUE.equals(row.get("won", Boolean.class))))
                        .next())
                .filter(Boolean::booleanValue)
                .next()
                .doOnNext(won -> set(true))
                // the lock is held for as long as this session lives
                .thenMany(Flux.never())
                .doFinally(signal -> set(false));
    }

    private synchronized void set(boolean value) {
        if (leader != value) {
            leader = value;
            log.info("{}: {}", name, value ? "this replica leads" : "this replica no longer leads");
            changes.tryEmitNext(value);
        }
    }

    @Override
    public void start() {
        session.start();
    }

    @Override
    public void stop() {
        session.stop();
        set(false);
    }

    @Override
    public boolean isRunning() {
        return session.isRunning();
    }

    /** Gives up the duty after the work that uses it has stopped. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 1000;
    }

    /** For tests and diagnostics: waits until this replica leads, or the timeout passes. */
    public Mono<Boolean> awaitLeading(Duration timeout) {
        return changes().filter(Boolean::booleanValue).next().timeout(timeout, Mono.just(false));
    }
}
