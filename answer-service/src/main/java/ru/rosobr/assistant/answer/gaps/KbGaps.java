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
import java.util.function.Function;

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
     * Least similarity of an entry's question or phrasing to a group for the entry to cover it. Measured on the
     * teachers' labelled questions of the evaluation sets ({@code GapThresholdsTest}, README «Пробелы базы знаний:
     * пороги»): the highest value at which an entry drafted from a group's samples still hides that group every time;
     * a lower one lets entries on neighbouring subjects hide real gaps (at 0.5, all 20 starter entries as new hide 21 %
     * of the uncovered questions; at 0.6, 12 %).
     */
    public static final double COVERS = 0.6;
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
                    List<Covering> coverings = new ArrayList<>();
                    t.getT2().forEach(r -> coverings.addAll(coverings(matcher, r)));
                    List<Gap<Asked>> gaps = gaps(asked, Asked::lemmas, a -> a.q().askedAt(), coverings,
                            GapClustering.JOIN, COVERS);
                    List<GapCluster> clusters = new ArrayList<>();
                    for (Gap<Asked> g : gaps) {
                        GapCluster c = cluster(g.group());
                        if (c != null && c.size() >= minSize && g.coveredBy() == null) {
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

    /** A verified entry's question or phrasing, analysed (unweighed lemmas), and since when the entry answers with it. */
    record Covering(String entryId, Instant since, Map<String, Double> lemmas) {
    }

    /** A routed question with its lemmas weighed by the report's IDF. */
    record Weighed<T>(T item, Map<String, Double> vector) {
    }

    /**
     * A group of routed questions and the closest entry text that covers it ({@code null}: none does, the group is
     * shown).
     */
    record Gap<T>(Group<Weighed<T>> group, Covering coveredBy) {
    }

    /** The question and phrasings of a verified entry, analysed; none when the entry has no verification time. */
    static List<Covering> coverings(Matcher matcher, KbRecord r) {
        Instant since = r.verifiedAt() != null ? r.verifiedAt() : r.updatedAt();
        if (since == null) {
            return List.of();
        }
        List<Covering> out = new ArrayList<>();
        out.add(new Covering(r.entry().id(), since, matcher.lemmas(r.entry().question())));
        for (String p : r.entry().phrasings()) {
            out.add(new Covering(r.entry().id(), since, matcher.lemmas(p)));
        }
        return out;
    }

    /**
     * What the report does with routed questions, apart from periods and regions (one code path for the report and
     * {@code GapThresholdsTest}): weighs their lemmas by IDF over the questions and the entry texts, groups them in the
     * given (time) order at least {@code join} similar, and finds for each group the closest text of an entry verified
     * after the group's first question that is at least {@code covers} similar to it.
     */
    static <T> List<Gap<T>> gaps(List<T> asked, Function<T, Map<String, Double>> lemmasOf,
                                 Function<T, Instant> askedAt, List<Covering> coverings, double join, double covers) {
        List<Set<String>> corpus = new ArrayList<>();
        asked.forEach(a -> corpus.add(lemmasOf.apply(a).keySet()));
        coverings.forEach(c -> corpus.add(c.lemmas().keySet()));
        GapClustering.Idf idf = GapClustering.Idf.of(corpus);
        List<Weighed<T>> weighed = new ArrayList<>(asked.size());
        asked.forEach(a -> weighed.add(new Weighed<>(a, idf.weigh(lemmasOf.apply(a)))));
        List<Map<String, Double>> texts = new ArrayList<>(coverings.size());
        coverings.forEach(c -> texts.add(GapClustering.unit(idf.weigh(c.lemmas()))));
        List<Gap<T>> out = new ArrayList<>();
        for (Group<Weighed<T>> g : GapClustering.cluster(weighed, Weighed::vector, join)) {
            Instant first = askedAt.apply(g.members().getFirst().item());
            double[] sims = g.similarities(texts);
            Covering best = null;
            double bestSim = 0;
            for (int i = 0; i < sims.length; i++) {
                if (sims[i] >= covers && sims[i] > bestSim && !coverings.get(i).since().isBefore(first)) {
                    best = coverings.get(i);
                    bestSim = sims[i];
                }
            }
            out.add(new Gap<>(g, best));
        }
        return out;
    }

    /** The group as the editors see it; null when none of its questions is of the period. */
    private static GapCluster cluster(Group<Weighed<Asked>> g) {
        List<Weighed<Asked>> current = g.members().stream().filter(w -> w.item().current()).toList();
        if (current.isEmpty()) {
            return null;
        }
        int previous = g.members().size() - current.size();
        Map<String, Integer> byRegion = new HashMap<>();
        for (Weighed<Asked> w : current) {
            String region = w.item().q().region();
            byRegion.merge(region == null ? "—" : region, 1, Integer::sum);
        }
        List<GapCluster.RegionCount> regions = byRegion.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(e -> new GapCluster.RegionCount(e.getKey(),
                        Regions.find(e.getKey()).map(Regions.Region::name).orElse(null), e.getValue()))
                .toList();
        Set<String> samples = new LinkedHashSet<>();
        for (Weighed<Asked> w : GapClustering.closestFirst(new Group<>(current, g.centroid()), Weighed::vector)) {
            if (samples.size() == SAMPLES) {
                break;
            }
            samples.add(w.item().q().text().strip());
        }
        List<String> terms = g.topTerms(TERMS);
        int size = current.size();
        GapCluster.Trend trend = previous == 0 ? GapCluster.Trend.NEW
                : size > previous ? GapCluster.Trend.UP
                : size < previous ? GapCluster.Trend.DOWN : GapCluster.Trend.SAME;
        return new GapCluster(String.join("+", terms), terms, size, previous, trend, regions, List.copyOf(samples),
                current.getFirst().item().q().askedAt().atZone(ZONE).toLocalDate(),
                current.getLast().item().q().askedAt().atZone(ZONE).toLocalDate());
    }
}
