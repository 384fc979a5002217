package ru.rosobr.assistant.analytics.metrics.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;

import ru.rosobr.assistant.analytics.projection.Measure;
import ru.rosobr.assistant.analytics.summary.Breakdowns;
import ru.rosobr.assistant.analytics.summary.CampaignRates;
import ru.rosobr.assistant.analytics.summary.RegionSummary;
import ru.rosobr.assistant.analytics.summary.RegionStatistics;
import ru.rosobr.assistant.analytics.summary.Scope;
import ru.rosobr.assistant.platform.leader.Leadership;
import ru.rosobr.assistant.platform.reference.Regions;

/**
 * Prometheus view of the projection, per region: counters such as {@code assistant_appeals_received_total{region}}
 * and the gauge {@code assistant_rating_average{region}}, and the campaign messages'
 * {@code assistant_campaign_messages_(attempted|delivered|readable|read)_total{region}}. The values are read from
 * the database (the projection is the truth, committed exactly once), not incremented in memory — a retried
 * transaction cannot double them and a restart does not reset them.
 *
 * <p>Every replica reads the same totals, so only the leader among them ({@link Leadership}) exports these series:
 * {@code sum} over the scraped instances is the same figure with one replica or five. A replica that stops leading
 * removes its series at once; the new leader registers them as it takes over.
 *
 * <p>The campaign series exist for every region of the reference from the leader's first refresh, at 0 until the
 * region's first campaign message: a delivery-rate panel has its series before any campaign ran.
 */
public class RegionMetrics implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RegionMetrics.class);

    private static final Scope ALL_TIME = new Scope(null, null, null);

    private final RegionStatistics statistics;
    private final Breakdowns breakdowns;
    private final MeterRegistry registry;
    private final Duration interval;
    private final Leadership leadership;
    /** Strong references: Micrometer holds function meters' state objects weakly. */
    private final Map<String, AtomicReference<RegionSummary>> byRegion = new ConcurrentHashMap<>();
    private final Map<String, AtomicReference<CampaignRates>> campaignsByRegion = new ConcurrentHashMap<>();
    private final List<Meter> meters = new CopyOnWriteArrayList<>();
    private ScheduledExecutorService executor;
    private Disposable leadershipChanges;

    public RegionMetrics(RegionStatistics statistics, Breakdowns breakdowns, MeterRegistry registry,
                         Duration interval, Leadership leadership) {
        this.statistics = statistics;
        this.breakdowns = breakdowns;
        this.registry = registry;
        this.interval = interval;
        this.leadership = leadership;
    }

    /**
     * On the leader: re-reads the all-time totals and registers the meters of a region the first time it appears.
     * On any other replica: exports none of them.
     */
    public synchronized void refresh() {
        if (!leadership.isLeader()) {
            unregisterAll();
            return;
        }
        List<RegionSummary> totals = statistics.totals().block(Duration.ofSeconds(30));
        if (totals == null) {
            return;
        }
        for (RegionSummary s : totals) {
            byRegion.computeIfAbsent(s.region(), this::register).set(s);
        }
        List<CampaignRates> campaigns = breakdowns.campaigns(ALL_TIME).block(Duration.ofSeconds(30));
        if (campaigns == null) {
            return;
        }
        for (Regions.Region r : Regions.all()) {
            campaignsByRegion.computeIfAbsent(r.code(), this::registerCampaigns);
        }
        for (CampaignRates c : campaigns) {
            if (c.region() != null) {
                campaignsByRegion.computeIfAbsent(c.region(), this::registerCampaigns).set(c);
            }
        }
    }

    private void unregisterAll() {
        if (meters.isEmpty()) {
            return;
        }
        meters.forEach(registry::remove);
        meters.clear();
        byRegion.clear();
        campaignsByRegion.clear();
        log.info("region metrics withdrawn: another replica exports them");
    }

    private AtomicReference<RegionSummary> register(String region) {
        AtomicReference<RegionSummary> ref = new AtomicReference<>(RegionStatistics.empty(region));
        String name = ref.get().regionName() == null ? region : ref.get().regionName();
        Tags tags = Tags.of("region", region, "region_name", name);
        for (Measure m : Measure.values()) {
            Tags t = m.verdict() == null ? tags : tags.and("verdict", m.verdict());
            counter(m.metric(), ref, r -> value(r.get(), m), t, description(m));
        }
        counter("assistant.ratings", ref, r -> r.get().ratingCount(), tags,
                "Оценённые обращения (по последней оценке)");
        // every rating given and its points, re-ratings included: both only grow, so rate(points) / rate(given)
        // is the average of the ratings given in any window (the latest-rating sum steps down on a re-rating)
        counter("assistant.ratings.given", ref, r -> r.get().ratingsGiven(), tags,
                "Поставленные оценки, включая повторные");
        counter("assistant.rating.points", ref, r -> r.get().ratingPointsGiven(), tags,
                "Сумма баллов поставленных оценок, включая повторные");
        meters.add(Gauge.builder("assistant.rating.average", ref,
                        r -> r.get().ratingAvg() == null ? Double.NaN : r.get().ratingAvg())
                .tags(tags)
                .description("Средняя оценка ответов, 1–5")
                .register(registry));
        return ref;
    }

    /** Counters, all only growing (each counts a message once): rates are ratios of their increases. */
    private AtomicReference<CampaignRates> registerCampaigns(String region) {
        String name = Regions.find(region).map(Regions.Region::name).orElse(region);
        AtomicReference<CampaignRates> ref = new AtomicReference<>(
                new CampaignRates(region, name, 0, 0, 0, 0, 0, null, null, CampaignRates.READ_NOTE));
        Tags tags = Tags.of("region", region, "region_name", name);
        counter("assistant.campaign.messages.attempted", ref, r -> r.get().attempted(), tags,
                "Сообщения рассылок с итогом доставки (доставлено или ошибка)");
        counter("assistant.campaign.messages.delivered", ref, r -> r.get().delivered(), tags,
                "Доставленные сообщения рассылок");
        counter("assistant.campaign.messages.readable", ref, r -> r.get().readable(), tags,
                "Сообщения рассылок, доставленные в VK (MAX о прочтении не сообщает)");
        counter("assistant.campaign.messages.read", ref, r -> r.get().read(), tags,
                "Прочитанные сообщения рассылок (отчёты VK о прочтении)");
        return ref;
    }

    /** A counter read from the projection at scrape time, one of this replica's exported meters. */
    private <T> void counter(String metric, T ref, ToDoubleFunction<T> value, Tags tags,
                             String description) {
        meters.add(FunctionCounter.builder(metric, ref, value).tags(tags).description(description).register(registry));
    }

    private static double value(RegionSummary s, Measure m) {
        return switch (m) {
            case RECEIVED -> s.received();
            case AUTO_ANSWERED -> s.autoAnswered();
            case UNMATCHED -> s.unmatched();
            case HUMAN_REQUESTED -> s.humanRequested();
            case ROUTED -> s.routed();
            case ANSWERED -> s.answered();
            case OFFTOPIC -> s.offTopic();
            case OVERDUE -> s.overdue();
            case ESCALATED -> s.escalated();
            case REMINDED -> s.remindersSent();
            case AI_CORRECT -> s.aiCorrect();
            case AI_PARTIAL -> s.aiPartial();
            case AI_WRONG -> s.aiWrong();
        };
    }

    private static String description(Measure m) {
        return switch (m) {
            case RECEIVED -> "Поступившие обращения";
            case AUTO_ANSWERED -> "Обращения с ответом из базы знаний";
            case UNMATCHED -> "Обращения без проверенного ответа";
            case HUMAN_REQUESTED -> "Запросы «передать специалисту»";
            case ROUTED -> "Обращения, переданные специалистам";
            case ANSWERED -> "Обращения с ответом специалиста";
            case OFFTOPIC -> "Вопросы не по теме";
            case OVERDUE -> "Просроченные обращения";
            case ESCALATED -> "Переданные на федеральный уровень";
            case REMINDED -> "Отправленные напоминания об оценке";
            case AI_CORRECT, AI_PARTIAL, AI_WRONG -> "Оценки операторами ответа ИИ";
        };
    }

    private void tick() {
        try {
            refresh();
        } catch (RuntimeException e) {
            log.warn("metrics refresh failed, will retry: {}", e.toString());
        }
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "analytics-metrics");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(this::tick, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        // taking over or losing the lead shows at once, not at the next refresh
        ScheduledExecutorService ex = executor;
        leadershipChanges = leadership.changes().skip(1).subscribe(leads -> ex.execute(this::tick));
    }

    @Override
    public synchronized void stop() {
        if (leadershipChanges != null) {
            leadershipChanges.dispose();
            leadershipChanges = null;
        }
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
