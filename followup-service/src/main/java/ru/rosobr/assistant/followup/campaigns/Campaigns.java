package ru.rosobr.assistant.followup.campaigns;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import ru.rosobr.assistant.contracts.events.StaffActionAudited;
import ru.rosobr.assistant.contracts.events.OutboundDelivery;
import ru.rosobr.assistant.contracts.events.OutboundMessage;
import ru.rosobr.assistant.contracts.events.OutboundMessage.Button;
import ru.rosobr.assistant.contracts.events.TeacherChanged;
import ru.rosobr.assistant.followup.campaigns.internal.CampaignRepository;
import ru.rosobr.assistant.platform.calendar.CampaignEta;
import ru.rosobr.assistant.platform.calendar.DaytimeWindow;
import ru.rosobr.assistant.platform.outbox.Outbox;
import ru.rosobr.assistant.platform.reference.Regions;
import ru.rosobr.assistant.platform.worker.WakeUp;

/**
 * Campaigns: created as drafts, started now or at a set time, paused, resumed, cancelled; their progress counted
 * per region. Sending is the dispatcher's; the audience comes from the teacher.changed projection.
 */
public class Campaigns {

    private final CampaignRepository repository;
    private final TransactionalOperator tx;
    private final Clock clock;
    private final DaytimeWindow window;
    /** Signalled after a commit that set a campaign running. */
    private final WakeUp dispatcher;
    private final Outbox outbox;

    /** The actor of what the service does by itself (a scheduled start), as the audit log shows it. */
    public static final String SYSTEM_ACTOR = "system";

    /** @param outbox where each action goes to the console's audit log ({@code audit.followup}), in its transaction */
    public Campaigns(CampaignRepository repository, TransactionalOperator tx, Clock clock, DaytimeWindow window,
                     WakeUp dispatcher, Outbox outbox) {
        this.repository = repository;
        this.tx = tx;
        this.clock = clock;
        this.window = window;
        this.dispatcher = dispatcher;
        this.outbox = outbox;
    }

    /** A refused action: the reason, shown to the person. */
    public static final class Conflict extends RuntimeException {
        public Conflict(String message) {
            super(message);
        }
    }

    public Mono<Long> audienceSize(Audience audience) {
        return repository.audienceByRegion(audience).map(CampaignRepository.RegionCount::count)
                .reduce(0L, Long::sum);
    }

    public Flux<CampaignRepository.RegionCount> audienceByRegion(Audience audience) {
        return repository.audienceByRegion(audience);
    }

    public Mono<CampaignRow> create(String title, String text, List<Button> buttons,
                                    Audience audience, int rate, Instant scheduledAt, String createdBy,
                                    String ownerRegion) {
        UUID id = UUID.randomUUID();
        // a press names the campaign and the button: campaign:<id>:<n>
        List<Button> named = new java.util.ArrayList<>();
        for (int i = 0; i < buttons.size(); i++) {
            named.add(new Button(buttons.get(i).text(), "campaign:" + id + ":" + (i + 1)));
        }
        return audienceSize(audience).flatMap(size -> {
            CampaignRow row = new CampaignRow(id, title, text, named, audience, rate, CampaignStatus.DRAFT,
                    scheduledAt, createdBy, ownerRegion, clock.instant(), null, null, size, false);
            return tx.transactional(repository.insert(row)
                    .then(audit(createdBy, "CAMPAIGN_CREATE", row, "аудитория " + size))).thenReturn(row);
        });
    }

    public Mono<CampaignRow> find(UUID id) {
        return repository.find(id);
    }

    public Flux<CampaignRow> list(String region, int limit) {
        return repository.list(region, limit);
    }

    public Flux<RegionProgress> progress(UUID id) {
        return repository.progress(id);
    }

    public Flux<CampaignRepository.Failure> failures(UUID id) {
        return repository.failures(id);
    }

    /** DRAFT → RUNNING; the audience is counted again (the copy into the campaign follows in the dispatcher). */
    public Mono<CampaignRow> start(UUID id, String by) {
        return repository.find(id).flatMap(c -> audienceSize(c.audience())
                .flatMap(size -> move(c, by, "CAMPAIGN_START", List.of(CampaignStatus.DRAFT), CampaignStatus.RUNNING,
                        size, "запустить можно только черновик")));
    }

    public Mono<CampaignRow> pause(UUID id, String by) {
        return repository.find(id).flatMap(c -> move(c, by, "CAMPAIGN_PAUSE", List.of(CampaignStatus.RUNNING),
                CampaignStatus.PAUSED, null, "приостановить можно только идущую рассылку"));
    }

    public Mono<CampaignRow> resume(UUID id, String by) {
        return repository.find(id).flatMap(c -> move(c, by, "CAMPAIGN_RESUME", List.of(CampaignStatus.PAUSED),
                CampaignStatus.RUNNING, null, "продолжить можно только приостановленную рассылку"));
    }

    public Mono<CampaignRow> cancel(UUID id, String by) {
        return repository.find(id).flatMap(c -> move(c, by, "CAMPAIGN_CANCEL",
                List.of(CampaignStatus.DRAFT, CampaignStatus.RUNNING, CampaignStatus.PAUSED),
                CampaignStatus.CANCELLED, null, "завершённую или отменённую рассылку отменить нельзя"));
    }

    /** The audit log's entry of an action: the campaign's owner region (null: a federal one), id and title. */
    private Mono<Void> audit(String by, String action, CampaignRow c, String more) {
        String title = c.title().length() > 80 ? c.title().substring(0, 80) + "…" : c.title();
        return outbox.append(StaffActionAudited.of(by, action, c.ownerRegion(),
                "рассылка " + c.id() + " «" + title + "»" + (more == null ? "" : "; " + more)));
    }

    /**
     * The status change waits for the dispatcher's lock on the campaign (one short transaction), so once a pause
     * has answered, nothing more of the campaign is handed to delivery.
     */
    private Mono<CampaignRow> move(CampaignRow c, String by, String action, List<CampaignStatus> from,
                                   CampaignStatus to, Long size, String refused) {
        UUID id = c.id();
        return tx.transactional(repository.transition(id, from, to, clock.instant(), size)
                        .flatMap(moved -> moved ? audit(by, action, c, size == null ? null : "аудитория " + size)
                                .thenReturn(true) : Mono.just(false)))
                .doOnNext(moved -> {
                    if (moved && to == CampaignStatus.RUNNING) {
                        dispatcher.signal();
                    }
                })
                .flatMap(moved -> moved ? repository.find(id) : Mono.error(new Conflict(refused)));
    }

    /** The campaign with its counters, split into queued and held by the regions' windows now, and the ETA. */
    public Mono<CampaignView> view(CampaignRow c) {
        return repository.progress(c.id()).collectList().map(regions -> view(c, regions, clock.instant()));
    }

    CampaignView view(CampaignRow c, List<RegionProgress> regions, Instant now) {
        long enqueuedTotal = 0;
        long sent = 0;
        long delivered = 0;
        long failed = 0;
        long read = 0;
        long readable = 0;
        long queued = 0;
        long held = 0;
        Map<String, Long> remaining = new HashMap<>();
        for (RegionProgress r : regions) {
            enqueuedTotal += r.total();
            sent += r.sent();
            delivered += r.delivered();
            failed += r.failed();
            read += r.read();
            readable += r.readable();
            remaining.put(r.region(), r.remaining());
            if (window.nextAllowed(now, Regions.zoneOf(r.region())).equals(now)) {
                queued += r.remaining();
            } else {
                held += r.remaining();
            }
        }
        long total = c.enqueued() ? enqueuedTotal : Math.max(c.audienceSize(), enqueuedTotal);
        // not copied into the campaign yet: counted as queued until the copy tells their regions
        queued += total - enqueuedTotal;
        long cancelled = 0;
        Instant eta = null;
        switch (c.status()) {
            case DRAFT -> {
                queued = total;
                held = 0;
            }
            case DONE -> {
                queued = 0;
                held = 0;
            }
            case CANCELLED -> {
                cancelled = queued + held;
                queued = 0;
                held = 0;
            }
            case RUNNING, PAUSED -> eta = CampaignEta.finish(now, remaining, c.ratePerSecond(), window);
        }
        Long etaSeconds = eta == null ? null : Math.max(0, Duration.between(now, eta).toSeconds());
        return new CampaignView(c.id(), c.title(), c.text(), c.buttons(), c.audience(), c.ratePerSecond(), c.status(),
                total, queued, held, sent, delivered, read, failed, cancelled, c.scheduledAt(), c.createdBy(),
                c.createdAt(), c.startedAt(), c.finishedAt(), eta, etaSeconds, readable,
                RegionProgress.rate(delivered, delivered + failed), RegionProgress.rate(read, readable),
                CampaignView.READ_REPORTED_BY, CampaignView.READ_NOTE);
    }

    /** Whether the region's teachers are within 08:00–19:00 now. */
    public boolean inWindow(String region) {
        Instant now = clock.instant();
        return window.nextAllowed(now, Regions.zoneOf(region)).equals(now);
    }

    // ---- consumers ----

    /** teacher.changed: the audience projection (a registry import of many thousands: a few statements). */
    public Mono<Void> onTeacherChanged(List<TeacherChanged> events) {
        return repository.upsertAudience(events);
    }

    /** Campaign messages belong to no appeal; an event without a kind (older intake) may be one. */
    public static boolean concernsCampaigns(OutboundDelivery d) {
        return d.appealId() == null && (d.kind() == null || d.kind() == OutboundMessage.Kind.CAMPAIGN);
    }

    /**
     * A run of outbound.delivery reports, in two statements at most: the outcomes (per message its last word — a
     * delivery wins over a failure, as delivered is final) and the reads after them. HELD (intake's own check) keeps
     * a message "sent"; a delivery through a channel that reports reads counts into the read rate's base.
     */
    public Mono<Void> onDeliveries(List<OutboundDelivery> events) {
        Map<UUID, CampaignRepository.Outcome> outcomes = new LinkedHashMap<>();
        List<UUID> reads = new ArrayList<>();
        List<Instant> readAt = new ArrayList<>();
        for (OutboundDelivery d : events) {
            if (!concernsCampaigns(d)) {
                // an answer or a status message: campaign messages belong to no appeal, so nothing is spent here
                continue;
            }
            switch (d.status()) {
                case DELIVERED -> outcomes.put(d.messageId(), new CampaignRepository.Outcome(d.messageId(),
                        "DELIVERED", null, d.channel() != null
                        && CampaignView.READ_REPORTED_BY.contains(d.channel().name())));
                case FAILED -> {
                    CampaignRepository.Outcome before = outcomes.get(d.messageId());
                    if (before == null || !before.status().equals("DELIVERED")) {
                        outcomes.put(d.messageId(), new CampaignRepository.Outcome(d.messageId(), "FAILED",
                                d.reason(), false));
                    }
                }
                case READ -> {
                    reads.add(d.messageId());
                    readAt.add(d.occurredAt() != null ? d.occurredAt() : clock.instant());
                }
                case HELD -> {
                }
            }
        }
        return repository.recordOutcomes(List.copyOf(outcomes.values()))
                .then(repository.recordReads(reads, readAt));
    }
}
