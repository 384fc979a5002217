package ru.rosobr.assistant.followup.campaigns.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import ru.rosobr.assistant.contracts.events.OutboundMessage;
import ru.rosobr.assistant.followup.campaigns.CampaignSettings;
import ru.rosobr.assistant.followup.campaigns.Campaigns;
import ru.rosobr.assistant.platform.calendar.DaytimeWindow;
import ru.rosobr.assistant.platform.outbox.Outbox;
import ru.rosobr.assistant.platform.reference.Regions;
import ru.rosobr.assistant.platform.worker.PollingWorker;
import ru.rosobr.assistant.platform.worker.WakeUp;

/**
 * Sends the running campaigns, tick by tick. Per campaign and tick, one transaction: the campaign row is locked
 * ({@code FOR UPDATE SKIP LOCKED}: replicas never work on the same campaign at once, and a pause waits for the
 * tick in flight), the next chunk of the audience is copied in while the copy is not complete, the sending budget
 * accrued since the last tick (rate × database time, at most a quarter second's worth) is spent on queued teachers of
 * regions that are now within 08:00–19:00, and their messages go to the outbox together with the recipients'
 * SENT mark. A crash loses nothing and repeats nothing: what committed is sent (exactly once — the recipient row
 * is SENT and intake de-duplicates the message id), what did not commit is still QUEUED.
 */
public class CampaignDispatcher extends PollingWorker {

    private static final Logger log = LoggerFactory.getLogger(CampaignDispatcher.class);
    private static final int MORE = 1;
    /** Budget a late tick may catch up (at rates of 4/s and more): any second carries at most 1.25 × the rate. */
    private static final Duration MAX_BURST = Duration.ofMillis(250);
    /** The wait between looks while no campaign runs. */
    private static final Duration IDLE = Duration.ofSeconds(1);
    private volatile boolean active = true;

    private final CampaignRepository repository;
    private final Campaigns campaigns;
    private final Outbox outbox;
    private final TransactionalOperator tx;
    private final Clock clock;
    private final DaytimeWindow window;
    private final CampaignSettings settings;

    public CampaignDispatcher(CampaignRepository repository, Campaigns campaigns, Outbox outbox,
                              TransactionalOperator tx, Clock clock, DaytimeWindow window,
                              CampaignSettings settings, WakeUp wakeUp) {
        // stops before the outbox relay so that what was handed out last is still published
        super("followup-campaigns", settings.tick(), MORE, Integer.MAX_VALUE - 150, wakeUp);
        this.repository = repository;
        this.campaigns = campaigns;
        this.outbox = outbox;
        this.tx = tx;
        this.clock = clock;
        this.window = window;
        this.settings = settings;
    }

    @Override
    protected int processBatch() {
        Instant now = clock.instant();
        List<UUID> due = repository.dueScheduled(now).collectList().block(Duration.ofSeconds(30));
        for (UUID id : due == null ? List.<UUID>of() : due) {
            campaigns.start(id, Campaigns.SYSTEM_ACTOR).onErrorResume(Campaigns.Conflict.class, e -> Mono.empty())
                    .doOnNext(c -> log.info("campaign {} started as scheduled", id))
                    .block(Duration.ofSeconds(30));
        }
        List<UUID> running = repository.running().collectList().block(Duration.ofSeconds(30));
        active = running != null && !running.isEmpty();
        boolean more = false;
        for (UUID id : running == null ? List.<UUID>of() : running) {
            more |= tick(id, now);
        }
        // a full transaction (a lifted limit) or an unfinished copy: go on at once instead of waiting a tick
        return more ? MORE : 0;
    }

    /**
     * A tick while a campaign runs; otherwise a second — no campaign to send most of the time, and a start or resume
     * here wakes the dispatcher at once (another replica's start is seen within that second).
     */
    @Override
    protected Duration nextWait() {
        return active ? settings.tick() : IDLE.compareTo(settings.tick()) > 0 ? IDLE : settings.tick();
    }

    /** One campaign's tick; true when there is more to do at once. */
    boolean tick(UUID id, Instant now) {
        long started = System.nanoTime();
        Boolean more = tx.transactional(repository.lockRunning(id).flatMap(c -> {
                    Mono<Boolean> copy = c.enqueued() ? Mono.just(false)
                            : repository.enqueueChunk(id, settings.enqueueChunk()).map(done -> !done);
                    return copy.flatMap(copying -> send(c, now).map(full -> full || copying));
                }))
                .defaultIfEmpty(false)
                .block(Duration.ofSeconds(120));
        if (log.isDebugEnabled()) {
            log.debug("campaign {}: tick in {} ms, more at once: {}", id, (System.nanoTime() - started) / 1_000_000,
                    more);
        }
        return Boolean.TRUE.equals(more);
    }

    private Mono<Boolean> send(CampaignRepository.Locked c, Instant now) {
        Instant from = c.tokensAt() == null ? c.dbNow() : c.tokensAt();
        // at least one message's worth, or a rate below 4/s would never accrue a whole message
        Duration burst = Duration.ofNanos(Math.max(MAX_BURST.toNanos(), (long) Math.ceil(1e9 / c.ratePerSecond())));
        if (from.isBefore(c.dbNow().minus(burst))) {
            from = c.dbNow().minus(burst);
        }
        double seconds = Math.max(0, Duration.between(from, c.dbNow()).toNanos() / 1e9);
        int budget = (int) Math.min(settings.maxPerTransaction(), Math.floor(seconds * c.ratePerSecond()));
        if (budget <= 0) {
            return Mono.just(false);
        }
        List<String> open = openRegions(now);
        if (open.isEmpty()) {
            return Mono.just(false);
        }
        Instant start = from;
        int regions = open.size();
        int allowed = budget;
        return repository.pick(c.id(), open, budget).collectList().flatMap(picked -> {
            log.debug("campaign {}: budget {} at {}/s, {} regions open, {} picked", c.id(), allowed,
                    c.ratePerSecond(), regions, picked.size());
            if (picked.isEmpty()) {
                return repository.finishIfDone(c.id(), now)
                        .doOnNext(done -> {
                            if (done) {
                                log.info("campaign {}: everything sent, DONE", c.id());
                            }
                        })
                        .thenReturn(false);
            }
            long spentNanos = (long) (picked.size() * 1e9 / c.ratePerSecond());
            return Flux.fromIterable(picked)
                    .concatMap(r -> outbox.append(new OutboundMessage(r.messageId(), now, OutboundMessage.VERSION,
                            r.teacherId(), r.region(), null, OutboundMessage.Kind.CAMPAIGN, false, c.text(),
                            c.buttons())), 0)
                    .then(repository.markSent(c.id(), picked))
                    .then(repository.setTokensAt(c.id(), start.plusNanos(spentNanos)))
                    .thenReturn(picked.size() >= settings.maxPerTransaction());
        });
    }

    /** Regions whose teachers are within 08:00–19:00 now, in a random order: no region always goes first. */
    private List<String> openRegions(Instant now) {
        List<String> open = new ArrayList<>();
        for (Regions.Region r : Regions.all()) {
            if (window.nextAllowed(now, r.zone()).equals(now)) {
                open.add(r.code());
            }
        }
        Collections.shuffle(open, ThreadLocalRandom.current());
        return open;
    }
}
