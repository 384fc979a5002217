package ru.rosobr.assistant.answer.gaps;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import reactor.core.publisher.Mono;

import ru.rosobr.assistant.answer.gaps.internal.GapClustering;
import ru.rosobr.assistant.answer.gaps.internal.GapClustering.Group;
import ru.rosobr.assistant.answer.gaps.internal.GapRepository;
import ru.rosobr.assistant.answer.gaps.internal.GapRepository.RoutedQuestion;
import ru.rosobr.assistant.answer.kb.KbEntry;
import ru.rosobr.assistant.answer.kb.KbRecord;
import ru.rosobr.assistant.answer.kb.KnowledgeBase;
import ru.rosobr.assistant.answer.matching.Matcher;
import ru.rosobr.assistant.platform.reference.Regions;

/**
 * The knowledge base's gaps: the routed questions of a period and of the period of the same length before it, grouped
 * by similarity with the matcher's own lemma analysis ({@link Matcher#lemmas}, weighted by IDF over the base's
 * questions and phrasings and the routed questions); each group with its size in both
 * periods, its regions and typical questions. A group an editor has since covered — a verified entry, verified after
 * the group's first question, with a question or phrasing close to the group ({@link #COVERS}) — is left out.
 * Computed on request: a period's routed questions are a few thousand at most, and the grouping follows the current
 * base (its word weights), so nothing is stored.
 */
public class KbGaps {

    /** Federal statistics count days in Moscow time. */
    public static final ZoneId ZONE = ZoneId.of("Europe/Moscow");
    /** Routed questions one report reads (the latest ones of the two periods). */
    public static final int MAX_QUESTIONS = 10_000;
    static final int SAMPLES = 5;
    /**
     * Least similarity of an entry's question or phrasing to a group for the entry to cover it: each question of the
     * test groups is at 0.64 or more from its group's centroid, so a phrasing made from them covers it; the closest
     * starter phrasing, sharing one word (специалист, возможность), reaches 0.29 ({@code GapClusteringTest}).
     */
    public static final double COVERS = 0.5;
    static final int TERMS = 5;

    private final GapRepository repository;
    private final Matcher matcher;
    private final KnowledgeBase kb;

    public KbGaps(GapRepository repository, Matcher matcher, KnowledgeBase kb) {
        this.repository = repository;
        this.matcher = matcher;
        this.kb = kb;
    }

    private record Asked(RoutedQuestion q, boolean current, Map<String, Double> lemmas) {
    }

    /**
     * The groups of [from, to] with at least {@code minSize} questions in it, of {@code region} (null: every region),
     * largest first.
     */
    public Mono<GapReport> report(LocalDate from, LocalDate to, String region, int minSize) {
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        LocalDate previousTo = from.minusDays(1);
        LocalDate previousFrom = from.minusDays(days);
        Instant currentFrom = from.atStartOfDay(ZONE).toInstant();
        return repository.routed(previousFrom, to, ZONE, region, MAX_QUESTIONS + 1).collectList()
                .zipWith(kb.list(KbEntry.Status.VERIFIED).collectList())
                .map(t -> {
                    List<RoutedQuestion> rows = t.getT1();
                    boolean truncated = rows.size() > MAX_QUESTIONS;
                    List<Asked> asked = new ArrayList<>(rows.size());
                    for (RoutedQuestion q : truncated ? rows.subList(1, rows.size()) : rows) {
                        asked.add(new Asked(q, !q.askedAt().isBefore(currentFrom), matcher.lemmas(q.text())));
                    }
                    List<Covering> coverings = coverings(t.getT2());
                    List<Set<String>> corpus = new ArrayList<>();
                    asked.forEach(a -> corpus.add(a.lemmas().keySet()));
                    coverings.forEach(c -> corpus.add(c.lemmas().keySet()));
                    GapClustering.Idf idf = GapClustering.Idf.of(corpus);
                    asked.replaceAll(a -> new Asked(a.q(), a.current(), idf.weigh(a.lemmas())));
                    coverings.replaceAll(c -> new Covering(c.since(), idf.weigh(c.lemmas())));
                    List<Group<Asked>> groups = GapClustering.cluster(asked, Asked::lemmas);
                    List<GapCluster> clusters = new ArrayList<>();
                    for (Group<Asked> g : groups) {
                        GapCluster c = cluster(g);
                        if (c != null && c.size() >= minSize && !covered(g, coverings)) {
                            clusters.add(c);
                        }
                    }
                    clusters.sort(Comparator.comparingInt(GapCluster::size).reversed()
                            .thenComparing(Comparator.comparingInt((GapCluster c) -> c.size() - c.previousSize())
                                    .reversed())
                            .thenComparing(GapCluster::key));
                    int current = (int) asked.stream().filter(Asked::current).count();
                    return new GapReport(from, to, previousFrom, previousTo, region, current, truncated, clusters);
                });
    }

    /** A verified entry's question or phrasing, analysed, and since when the entry answers with it. */
    private record Covering(Instant since, Map<String, Double> lemmas) {
    }

    private List<Covering> coverings(List<KbRecord> verified) {
        List<Covering> out = new ArrayList<>();
        for (KbRecord r : verified) {
            Instant since = r.verifiedAt() != null ? r.verifiedAt() : r.updatedAt();
            if (since == null) {
                continue;
            }
            out.add(new Covering(since, matcher.lemmas(r.entry().question())));
            for (String p : r.entry().phrasings()) {
                out.add(new Covering(since, matcher.lemmas(p)));
            }
        }
        return out;
    }

    /** Whether an entry verified after the group's first question says what the group asks. */
    private static boolean covered(Group<Asked> g, List<Covering> coverings) {
        Instant first = g.members().getFirst().q().askedAt();
        for (Covering c : coverings) {
            if (!c.since().isBefore(first) && g.similarity(c.lemmas()) >= COVERS) {
                return true;
            }
        }
        return false;
    }

    /** The group as the editors see it; null when none of its questions is of the period. */
    private static GapCluster cluster(Group<Asked> g) {
        List<Asked> current = g.members().stream().filter(Asked::current).toList();
        if (current.isEmpty()) {
            return null;
        }
        int previous = g.members().size() - current.size();
        Map<String, Integer> byRegion = new HashMap<>();
        for (Asked a : current) {
            byRegion.merge(a.q().region() == null ? "—" : a.q().region(), 1, Integer::sum);
        }
        List<GapCluster.RegionCount> regions = byRegion.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(e -> new GapCluster.RegionCount(e.getKey(),
                        Regions.find(e.getKey()).map(Regions.Region::name).orElse(null), e.getValue()))
                .toList();
        Set<String> samples = new LinkedHashSet<>();
        for (Asked a : GapClustering.closestFirst(new Group<>(current, g.centroid()), Asked::lemmas)) {
            if (samples.size() == SAMPLES) {
                break;
            }
            samples.add(a.q().text().strip());
        }
        List<String> terms = g.topTerms(TERMS);
        int size = current.size();
        GapCluster.Trend trend = previous == 0 ? GapCluster.Trend.NEW
                : size > previous ? GapCluster.Trend.UP
                : size < previous ? GapCluster.Trend.DOWN : GapCluster.Trend.SAME;
        return new GapCluster(String.join("+", terms), terms, size, previous, trend, regions, List.copyOf(samples),
                current.getFirst().q().askedAt().atZone(ZONE).toLocalDate(),
                current.getLast().q().askedAt().atZone(ZONE).toLocalDate());
    }
}
