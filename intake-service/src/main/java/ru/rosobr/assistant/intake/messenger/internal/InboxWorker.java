package ru.rosobr.assistant.intake.messenger.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import ru.rosobr.assistant.contracts.Channel;
import ru.rosobr.assistant.intake.messenger.Inbox;
import ru.rosobr.assistant.intake.messenger.InboundDecoder;
import ru.rosobr.assistant.intake.messenger.IncomingUpdate;
import ru.rosobr.assistant.intake.teacher.Teacher;
import ru.rosobr.assistant.intake.teacher.Teachers;
import ru.rosobr.assistant.platform.worker.ReactiveWorker;

/**
 * Processes stored platform updates in the order they arrived, in transactions together with their "processed"
 * mark: the dialogue's effects (messages, appeal, events, queued replies) commit exactly once. An update that keeps
 * failing is kept as FAILED with the error after a few attempts.
 */
public class InboxWorker extends ReactiveWorker {

    private static final Logger log = LoggerFactory.getLogger(InboxWorker.class);
    private static final int BATCH = 200;
    private static final int MAX_ATTEMPTS = 5;

    private final InboxRepository repository;
    private final Inbox inbox;
    private final Map<Channel, InboundDecoder> decoders = new EnumMap<>(Channel.class);
    private final MessengerDialogue dialogue;
    private final TransactionalOperator tx;
    private final Teachers teachers;
    private final int concurrency;

    public InboxWorker(InboxRepository repository, Inbox inbox, List<InboundDecoder> decoders,
                       MessengerDialogue dialogue, Teachers teachers, TransactionalOperator tx, Duration pollInterval,
                       int concurrency) {
        super("messenger-inbox", pollInterval, inbox.wakeUps(), Integer.MAX_VALUE - 50);
        this.repository = repository;
        this.inbox = inbox;
        this.dialogue = dialogue;
        this.tx = tx;
        this.teachers = teachers;
        this.concurrency = concurrency;
        decoders.forEach(d -> this.decoders.put(d.channel(), d));
    }

    /**
     * One teacher's updates are processed in the order they arrived; different teachers' in parallel, so a burst
     * of questions from many teachers does not queue behind one transaction at a time. The senders of a round are
     * dealt into {@code concurrency} chunks and each chunk is one transaction: a burst of hundreds of updates costs
     * a handful of commits, one lock and one "processed" statement per chunk instead of per update.
     */
    @Override
    protected Mono<Void> drain() {
        return whileFull(this::round, BATCH);
    }

    /** One batch of waiting updates; emits how many there were. */
    private Mono<Integer> round() {
        return repository.waitingRows(BATCH).collectList()
                .flatMap(rows -> {
                    Map<String, List<Read>> bySender = new LinkedHashMap<>();
                    for (InboxRepository.Row row : rows) {
                        Read read = read(row);
                        bySender.computeIfAbsent(read.sender(), k -> new ArrayList<>()).add(read);
                    }
                    List<List<List<Read>>> chunks = new ArrayList<>();
                    int n = Math.min(concurrency, bySender.size());
                    for (int i = 0; i < n; i++) {
                        chunks.add(new ArrayList<>());
                    }
                    int next = 0;
                    for (List<Read> sender : bySender.values()) {
                        chunks.get(next++ % n).add(sender);
                    }
                    return Flux.fromIterable(chunks)
                            .flatMap(this::processChunk, concurrency)
                            .then(Mono.just(rows.size()));
                });
    }

    /**
     * Processes a chunk of senders' updates in one transaction, each sender's in order. The chunk locks its rows
     * first; a sender's update that another instance holds (or already processed) ends that sender's part of the
     * chunk, so its later updates never overtake it. Should any update fail, the chunk rolls back and its updates
     * are processed one by one, so one bad update costs only itself.
     */
    private Mono<Void> processChunk(List<List<Read>> senders) {
        List<Read> all = senders.stream().flatMap(List::stream).toList();
        if (all.size() == 1) {
            return process(all.getFirst());
        }
        List<Long> ids = all.stream().map(r -> r.row().id()).toList();
        return tx.transactional(repository.lockIfNew(ids).collect(Collectors.toSet()).flatMap(locked -> {
                    List<Read> mine = new ArrayList<>();
                    for (List<Read> sender : senders) {
                        for (Read read : sender) {
                            if (!locked.contains(read.row().id())) {
                                break;
                            }
                            mine.add(read);
                        }
                    }
                    if (mine.isEmpty()) {
                        return Mono.empty();
                    }
                    // each sender's first update finds its teacher in one statement for the whole chunk; a later
                    // update of the same sender records its contact itself and so sees what the earlier one changed
                    Map<Read, Teachers.Contact> first = new LinkedHashMap<>();
                    Set<String> seen = new HashSet<>();
                    for (Read read : mine) {
                        if (seen.add(read.sender()) && read.update().isPresent()
                                && !(read.update().get() instanceof IncomingUpdate.Read)) {
                            IncomingUpdate u = read.update().get();
                            first.put(read, new Teachers.Contact(read.row().channel(), u.platformUserId(),
                                    u.displayName(), u.dialogId()));
                        }
                    }
                    return teachers.contactAll(List.copyOf(first.values()))
                            .flatMap(contacted -> Flux.fromIterable(mine)
                                    .concatMap(read -> handle(read, first.containsKey(read)
                                            ? contacted.get(read.sender()) : null), 0)
                                    .then(repository.markDone(mine.stream().map(r -> r.row().id()).toList())));
                }))
                .onErrorResume(e -> {
                    log.debug("inbound updates {}: the chunk failed ({}), processed one by one", ids, e.toString());
                    return Flux.fromIterable(senders)
                            .concatMap(sender -> Flux.fromIterable(sender).concatMap(this::process, 0), 0)
                            .then();
                });
    }

    /**
     * A stored update as its channel's decoder reads it — once: the sender groups it and the dialogue handles it.
     * {@code decoder} is null for a channel without one; {@code failure} is what decoding threw.
     */
    private record Read(InboxRepository.Row row, InboundDecoder decoder, Optional<IncomingUpdate> update,
                        RuntimeException failure) {

        /** Who sent the update (the unit of ordering); an update that cannot be read is its own unit. */
        String sender() {
            return update.map(u -> Teachers.contactKey(row.channel(), u.platformUserId())).orElse("#" + row.id());
        }
    }

    private Read read(InboxRepository.Row row) {
        InboundDecoder decoder = decoders.get(row.channel());
        if (decoder == null) {
            return new Read(row, null, Optional.empty(), null);
        }
        try {
            return new Read(row, decoder, decoder.decode(row.updateType(), row.payload()), null);
        } catch (RuntimeException e) {
            return new Read(row, decoder, Optional.empty(), e);
        }
    }

    private Mono<Void> process(Read read) {
        long id = read.row().id();
        return tx.transactional(repository.lockIfNew(id)
                        .flatMap(row -> handle(read).then(repository.markDone(row.id()))))
                .onErrorResume(e -> {
                    log.warn("inbound update {} failed: {}", id, e.toString());
                    return repository.markFailed(id, e.toString(), MAX_ATTEMPTS)
                            .onErrorResume(again -> Mono.empty());
                });
    }

    private Mono<Void> handle(Read read) {
        return handle(read, null);
    }

    /** @param contacted the sender's teacher found for the whole chunk, or null */
    private Mono<Void> handle(Read read, Teacher contacted) {
        InboxRepository.Row row = read.row();
        if (read.decoder() == null) {
            log.warn("inbound update {}: no decoder for channel {}", row.id(), row.channel());
            return Mono.empty();
        }
        if (read.failure() != null) {
            return Mono.error(read.failure());
        }
        return read.update()
                .map(u -> dialogue.handle(row.channel(), u, contacted))
                .orElseGet(() -> {
                    log.debug("inbound update {} ({} {}) is not for the bot: ignored", row.id(), row.channel(),
                            row.updateType());
                    return Mono.empty();
                });
    }
}
