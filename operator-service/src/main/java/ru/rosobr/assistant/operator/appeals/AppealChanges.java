package ru.rosobr.assistant.operator.appeals;

import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import ru.rosobr.assistant.operator.appeals.internal.AppealRepository;
import ru.rosobr.assistant.platform.notify.PgNotifications;
import ru.rosobr.assistant.platform.notify.PgNotifications.Notification;

/**
 * The live feed of appeal changes behind {@code GET /api/console/stream}, across replicas. Every console action and
 * every consumed event that changes an appeal calls {@link #changed} inside its transaction: that sends the appeal id
 * and the actor on {@code operator_appeal_changed}, which PostgreSQL delivers at commit — never for a rolled-back
 * change — to every replica. Each replica that has stream subscribers reads the appeal as committed and puts its
 * summary on its local feed; the stream filters it by the subscriber's rights (region isolation stays on the
 * server). The local sink is multicast and best-effort: with no subscribers nothing is read or kept; each
 * subscriber buffers on its own.
 */
public class AppealChanges implements DisposableBean, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AppealChanges.class);
    /** Database-wide, hence the service prefix. */
    static final String CHANNEL = "operator_appeal_changed";

    /**
     * One committed change.
     *
     * @param actor the user who made it (null: an event from another service); it is «read» for them
     */
    public record Change(AppealSummary appeal, String actor) {
    }

    private final Sinks.Many<Change> sink = Sinks.many().multicast().directBestEffort();
    /** Anew at every start: a stopped context can be started again (the test framework pauses cached ones). */
    private volatile Sinks.Empty<Void> closing = Sinks.empty();
    private volatile boolean running;
    private final AppealRepository appeals;
    private final DatabaseClient db;
    private final Disposable listening;

    public AppealChanges(AppealRepository appeals, DatabaseClient db, PgNotifications notifications) {
        this.appeals = appeals;
        this.db = db;
        // declared at construction: the LISTEN is in place before the service is ready
        this.listening = notifications.listen(CHANNEL)
                .ofType(Notification.class)
                .concatMap(this::read)
                .subscribe(this::publish);
    }

    public Flux<Change> feed() {
        return sink.asFlux();
    }

    /**
     * Completes when the service begins to shut down: open streams end then, so the web server's graceful shutdown
     * does not wait its whole timeout for them, and the consoles reconnect to another replica.
     */
    public Mono<Void> closing() {
        return Mono.defer(() -> closing.asMono());
    }

    @Override
    public void start() {
        if (!running) {
            closing = Sinks.empty();
        }
        running = true;
    }

    /** The highest phase: stopped before the web server begins its graceful shutdown. */
    @Override
    public void stop() {
        running = false;
        closing.tryEmitEmpty();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /**
     * Announces the change to every replica's feed once the surrounding transaction commits (at once without a
     * transaction). Only ids travel: the payload stays far below NOTIFY's 8000 bytes whatever the appeal holds.
     */
    public Mono<Void> changed(UUID appealId, String actor) {
        return PgNotifications.notify(db, CHANNEL, actor == null ? appealId.toString() : appealId + " " + actor);
    }

    private Mono<Change> read(Notification n) {
        if (sink.currentSubscriberCount() == 0) {
            return Mono.empty(); // nobody watches this replica's stream: no read
        }
        String[] parts = n.payload().split(" ", 2);
        String actor = parts.length > 1 ? parts[1] : null;
        return Mono.fromCallable(() -> UUID.fromString(parts[0]))
                .flatMap(appeals::find)
                .map(row -> new Change(AppealQueries.summary(row), actor))
                .onErrorResume(e -> {
                    log.warn("live update {} not read: {}", n.payload(), e.toString());
                    return Mono.empty();
                });
    }

    // emissions from several threads (notifications of reconnected sessions) must not overlap
    private synchronized void publish(Change change) {
        Sinks.EmitResult result = sink.tryEmitNext(change);
        if (result.isFailure() && result != Sinks.EmitResult.FAIL_ZERO_SUBSCRIBER) {
            log.warn("appeal {}: live update not delivered ({})", change.appeal().id(), result);
        }
    }

    @Override
    public void destroy() {
        listening.dispose();
    }
}
