package ru.rosobr.assistant.platform.notify;

import java.time.Duration;
import java.util.function.Function;

import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Wrapped;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * A long-lived PostgreSQL connection of its own, outside the pool, kept open for as long as the service runs: what
 * lives in a session (LISTEN, a session advisory lock) is lost when the connection drops, so the session is watched
 * ({@code select 1} every check interval) and opened again, and {@code whileOpen} runs again on the new connection.
 * The session ends — and is re-established after a short backoff — when {@code whileOpen} terminates, the check
 * fails or the server closes the connection.
 */
public final class DedicatedSession {

    private static final Logger log = LoggerFactory.getLogger(DedicatedSession.class);
    private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(5);

    private final ConnectionFactory factory;
    private final String name;
    private final Duration checkInterval;
    private final Function<PostgresqlConnection, Publisher<?>> whileOpen;
    private volatile Disposable loop;

    /**
     * @param connections the service's connection factory; a pool is unwrapped so that the session does not hold
     *                    one of the pool's connections for ever
     * @param whileOpen   what the session does on each new connection; runs until the connection goes
     */
    public DedicatedSession(ConnectionFactory connections, String name, Duration checkInterval,
                            Function<PostgresqlConnection, Publisher<?>> whileOpen) {
        this.factory = unpooled(connections);
        this.name = name;
        this.checkInterval = checkInterval;
        this.whileOpen = whileOpen;
    }

    static ConnectionFactory unpooled(ConnectionFactory factory) {
        ConnectionFactory f = factory;
        while (f instanceof Wrapped<?> wrapped && wrapped.unwrap() instanceof ConnectionFactory inner && inner != f) {
            f = inner;
        }
        return f;
    }

    public synchronized void start() {
        if (loop != null) {
            return;
        }
        loop = Flux.usingWhen(Mono.from(factory.create()),
                        connection -> Mono.just(Boolean.TRUE).concatWith(run(connection)),
                        connection -> Mono.from(connection.close()).onErrorResume(e -> Mono.empty()))
                .doOnError(e -> log.warn("{}: PostgreSQL session lost ({}); reconnecting", name, e.toString()))
                // the attempt counter resets on every successful connection: a drop after hours retries at once
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(100)).maxBackoff(Duration.ofSeconds(5))
                        .transientErrors(true))
                .subscribe(connected -> log.debug("{}: PostgreSQL session open", name),
                        e -> log.error("{}: PostgreSQL session given up: {}", name, e.toString()));
    }

    private Mono<Boolean> run(Connection connection) {
        if (!(connection instanceof PostgresqlConnection pg)) {
            return Mono.error(new IllegalStateException("a PostgreSQL connection is needed, got "
                    + connection.getClass().getName()));
        }
        Mono<Void> work = Flux.from(whileOpen.apply(pg)).then();
        // a check slower than the interval skips ticks instead of failing the session
        Mono<Void> check = Flux.interval(checkInterval, checkInterval).onBackpressureDrop()
                .concatMap(tick -> Flux.from(pg.createStatement("select 1").execute())
                        .flatMap(r -> r.map((row, meta) -> 1))
                        .then()
                        .timeout(CHECK_TIMEOUT))
                .then();
        // whichever ends first ends the session; the other is cancelled
        return Mono.firstWithSignal(work, check)
                .then(Mono.error(new IllegalStateException("session ended")));
    }

    public synchronized void stop() {
        if (loop != null) {
            loop.dispose();
            loop = null;
        }
    }

    public boolean isRunning() {
        Disposable l = loop;
        return l != null && !l.isDisposed();
    }
}
