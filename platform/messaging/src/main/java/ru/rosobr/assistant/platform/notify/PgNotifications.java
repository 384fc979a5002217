package ru.rosobr.assistant.platform.notify;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.spi.ConnectionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.BufferOverflowStrategy;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * PostgreSQL {@code LISTEN/NOTIFY} between the replicas of a service. A change notifies inside the transaction that
 * makes it ({@link #notify(DatabaseClient, String, String)}); PostgreSQL delivers the notification at commit — never
 * for a rolled-back change — to every session listening on the channel, the sender's own included. Each replica
 * listens on one dedicated connection ({@link DedicatedSession}), re-established when it drops.
 *
 * <p>Notifications are a wake-up, not a log: one sent while a replica was disconnected is lost to it. So every
 * (re)connection is announced as {@link Connected} on each channel, and a listener that must not miss a change
 * catches up from the database then (and keeps a slow safety-net poll).
 */
public final class PgNotifications implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PgNotifications.class);
    private static final Pattern CHANNEL = Pattern.compile("[a-z][a-z0-9_]{0,62}");
    /** PostgreSQL refuses payloads of 8000 bytes and more. */
    public static final int MAX_PAYLOAD_BYTES = 7999;
    /** Per subscriber: a slow one loses the oldest notifications (and should catch up from the database). */
    private static final int BUFFER = 10_000;
    private static final Duration FIRST_CONNECT = Duration.ofSeconds(15);

    /** What a listener hears on a channel. */
    public sealed interface Signal permits Notification, Connected {
    }

    /** One notification, as sent. */
    public record Notification(String channel, String payload) implements Signal {
    }

    /** The replica is listening again (first start or after a lost connection): whatever was sent meanwhile is lost. */
    public record Connected(String channel) implements Signal {
    }

    private final Map<String, Sinks.Many<Signal>> channels = new ConcurrentHashMap<>();
    private final Set<String> listening = ConcurrentHashMap.newKeySet();
    private final DedicatedSession session;
    private volatile PostgresqlConnection current;
    private volatile CountDownLatch firstConnect = new CountDownLatch(1);

    public PgNotifications(ConnectionFactory connections, Duration checkInterval) {
        this.session = new DedicatedSession(connections, "pg-notifications", checkInterval, this::whileOpen);
    }

    /** Sends a notification; inside a transaction it is delivered when (and only if) that transaction commits. */
    public static Mono<Void> notify(DatabaseClient db, String channel, String payload) {
        checkChannel(channel);
        if (payload.getBytes(StandardCharsets.UTF_8).length > MAX_PAYLOAD_BYTES) {
            return Mono.error(new IllegalArgumentException("notification payload over " + MAX_PAYLOAD_BYTES
                    + " bytes on " + channel + ": send ids and read the rest from the database"));
        }
        return db.sql("select pg_notify(:channel, :payload)")
                .bind("channel", channel)
                .bind("payload", payload)
                .then();
    }

    private static void checkChannel(String channel) {
        if (!CHANNEL.matcher(channel).matches()) {
            throw new IllegalArgumentException("channel name: " + channel);
        }
    }

    /**
     * The channel's signals, hot: notifications from the moment of subscription, and {@link Connected} after every
     * (re)connection. Declare the channel before the service starts (a bean's construction) so that the first
     * {@code LISTEN} is in place when the service is ready.
     */
    public Flux<Signal> listen(String channel) {
        checkChannel(channel);
        Sinks.Many<Signal> sink = channels.computeIfAbsent(channel, c -> {
            Sinks.Many<Signal> s = Sinks.many().multicast().directBestEffort();
            PostgresqlConnection c0 = current;
            if (c0 != null) {
                // declared while running: listen on the open connection too
                listenOn(c0, c).subscribe(v -> { }, e -> log.warn("LISTEN {} failed: {}", c, e.toString()));
            } else if (isRunning()) {
                session.start();
            }
            return s;
        });
        return sink.asFlux()
                .onBackpressureBuffer(BUFFER, dropped -> log.warn("{}: notification dropped (slow listener)",
                        channel), BufferOverflowStrategy.DROP_OLDEST);
    }

    /** Whether the channel's LISTEN is in place now. */
    public boolean isListening(String channel) {
        return current != null && listening.contains(channel);
    }

    private Flux<Object> whileOpen(PostgresqlConnection connection) {
        // notifications are subscribed to before LISTEN: none arriving in between is dropped
        Flux<Object> notifications = connection.getNotifications().doOnNext(n -> {
            Sinks.Many<Signal> sink = channels.get(n.getName());
            if (sink != null) {
                emit(sink, new Notification(n.getName(), n.getParameter() == null ? "" : n.getParameter()));
            }
        }).cast(Object.class);
        Mono<Object> listenAll = Flux.fromIterable(channels.keySet())
                .concatMap(c -> listenOn(connection, c))
                .then(Mono.fromRunnable(() -> {
                    current = connection;
                    channels.forEach((c, sink) -> emit(sink, new Connected(c)));
                    log.info("listening on {}", channels.keySet());
                    firstConnect.countDown();
                }));
        return Flux.merge(notifications, listenAll)
                .doFinally(s -> {
                    if (current == connection) {
                        current = null;
                    }
                    listening.clear();
                });
    }

    private Mono<Void> listenOn(PostgresqlConnection connection, String channel) {
        return Flux.from(connection.createStatement("LISTEN \"" + channel + "\"").execute())
                .flatMap(r -> r.getRowsUpdated())
                .then(Mono.fromRunnable(() -> listening.add(channel)));
    }

    // the driver and the HTTP handlers emit from different threads: emissions must not overlap
    private static void emit(Sinks.Many<Signal> sink, Signal signal) {
        synchronized (sink) {
            Sinks.EmitResult result = sink.tryEmitNext(signal);
            if (result.isFailure() && result != Sinks.EmitResult.FAIL_ZERO_SUBSCRIBER) {
                log.warn("notification not handed on ({}): {}", result, signal);
            }
        }
    }

    /** Opens the session when a channel is declared; waits (bounded) for the first LISTEN so that readiness means it. */
    @Override
    public void start() {
        running = true;
        if (channels.isEmpty()) {
            return;
        }
        session.start();
        try {
            if (!firstConnect.await(FIRST_CONNECT.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("not listening on {} after {}; will keep trying", channels.keySet(), FIRST_CONNECT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private volatile boolean running;

    @Override
    public void stop() {
        running = false;
        session.stop();
        current = null;
        firstConnect = new CountDownLatch(1);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Starts before the consumers and the web server, stops after them. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 1000;
    }
}
