package ru.rosobr.assistant.answer.kb.internal;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import ru.rosobr.assistant.answer.kb.KbEntry;
import ru.rosobr.assistant.answer.kb.KbIndex;
import ru.rosobr.assistant.platform.notify.PgNotifications;
import ru.rosobr.assistant.platform.notify.PgNotifications.Notification;
import ru.rosobr.assistant.platform.notify.PgNotifications.Signal;

/**
 * Keeps this replica's matcher index in step with the knowledge base in the database, whichever replica made the
 * change. The database is the truth: a change notifies {@code answer_kb_changed} with the entry id in its
 * transaction; every replica re-reads that entry and applies it incrementally. Versions only grow, so an entry is
 * applied only when it is newer than what the index has — a late or repeated read never takes the index back.
 * Notifications can be missed (a dropped connection), so after every reconnection and every poll interval the
 * replica compares all entry versions with its own and applies what differs.
 */
public class KbSync implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(KbSync.class);

    private final KbRepository repository;
    private final KbIndex index;
    private final Flux<Signal> signals;
    private final Duration pollInterval;
    private final Object lock = new Object();
    /** Version of each entry as the index has it (verified or not: a retired entry is "applied" as absent). */
    private final Map<String, Integer> applied = new HashMap<>();
    /** The sum of the applied versions: the number of entry versions the index reflects (the base's version). */
    private volatile long version;
    private volatile boolean loaded;
    private volatile Disposable work;

    public KbSync(KbRepository repository, KbIndex index, PgNotifications notifications, Duration pollInterval) {
        this.repository = repository;
        this.index = index;
        this.pollInterval = pollInterval;
        // declared at construction: the LISTEN is in place before the service is ready
        this.signals = notifications.listen(KbRepository.CHANGES_CHANNEL);
    }

    /** The whole base at start-up: one full build. Changes seen before it are caught up right after. */
    public void load(Collection<KbEntry> entries) {
        synchronized (lock) {
            index.reindex(entries);
            applied.clear();
            entries.forEach(e -> applied.put(e.id(), e.version()));
            version = applied.values().stream().mapToLong(Integer::longValue).sum();
            loaded = true;
        }
        log.info("knowledge base loaded: {} entries", entries.size());
    }

    /** Applies a committed version of an entry unless the index already has it or a newer one. */
    public boolean apply(KbEntry entry) {
        if (!loaded) {
            return false; // the start-up load and its catch-up will have it
        }
        synchronized (lock) {
            Integer have = applied.get(entry.id());
            if (have != null && have >= entry.version()) {
                return false;
            }
            index.update(entry);
            applied.put(entry.id(), entry.version());
            version += entry.version() - (have == null ? 0 : have);
        }
        log.info("kb entry {} v{} ({}) applied to the index", entry.id(), entry.version(), entry.status());
        return true;
    }

    /**
     * The version of the base as this replica's index has it — versions run 1, 2, … per entry, so this equals the
     * number of stored entry versions once the index is in step — read without a database query.
     */
    public long version() {
        return version;
    }

    /** Compares every entry's version with the index and applies what is newer; emits how many were applied. */
    public Mono<Long> catchUp() {
        if (!loaded) {
            return Mono.just(0L);
        }
        return repository.entryVersions()
                .filter(v -> {
                    synchronized (lock) {
                        Integer have = applied.get(v.getKey());
                        return have == null || have < v.getValue();
                    }
                })
                .concatMap(v -> repository.findEntry(v.getKey()))
                .filter(this::apply)
                .count()
                .doOnNext(n -> {
                    if (n > 0) {
                        log.info("knowledge base caught up: {} entries applied", n);
                    }
                });
    }

    /** The safety-net poll's tick. */
    private static final Object POLL = new Object();

    private Mono<?> on(Object signal) {
        if (!loaded) {
            return Mono.empty();
        }
        Mono<?> step = signal instanceof Notification n ? repository.findEntry(n.payload()).doOnNext(this::apply)
                : catchUp(); // a reconnection (notifications may have been missed) or the poll
        return step.onErrorResume(e -> {
            log.warn("knowledge base sync failed ({}); the next check catches up", e.toString());
            return Mono.empty();
        });
    }

    @Override
    public void start() {
        Flux<Object> polls = Flux.interval(pollInterval, pollInterval).onBackpressureDrop().map(t -> POLL);
        work = Flux.merge(signals.cast(Object.class), polls).concatMap(this::on).subscribe();
    }

    @Override
    public void stop() {
        Disposable w = work;
        if (w != null) {
            w.dispose();
        }
        work = null;
    }

    @Override
    public boolean isRunning() {
        return work != null;
    }
}
