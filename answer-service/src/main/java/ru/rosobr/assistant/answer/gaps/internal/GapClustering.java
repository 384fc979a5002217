package ru.rosobr.assistant.answer.gaps.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups questions by the similarity of their lemmas: cosine between a question's weighted lemma vector (the
 * matcher's own weights, see {@code Matcher.lemmas}) and a group's centroid (the sum of its members' unit vectors).
 * One pass in the given order; a question joins the most similar group when the similarity reaches {@link #JOIN},
 * otherwise starts a group of its own. The same questions in the same order always give the same groups.
 */
public final class GapClustering {

    /**
     * Least cosine to a group's centroid for a question to join it. Measured on the teachers' labelled questions of the
     * evaluation sets ({@code GapThresholdsTest}, README «Пробелы базы знаний: пороги»): groups of one topic at purity
     * 0.85, B-cubed F1 0.37; lower values group better by F1 but mix subjects, so an entry for one hides the real gaps
     * mixed into it; higher ones leave most questions alone, below the list's least group size. 0.25 shows the editors
     * the most uncovered questions.
     */
    public static final double JOIN = 0.25;

    private GapClustering() {
    }

    /** A group: its members in the order they joined, and its centroid. */
    public record Group<T>(List<T> members, Map<String, Double> centroid) {

        /** The centroid's heaviest lemmas, at most {@code n}, heaviest first (ties by the lemma). */
        public List<String> topTerms(int n) {
            return centroid.entrySet().stream()
                    .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .limit(n).map(Map.Entry::getKey).toList();
        }

        /** Similarity of a lemma vector to this group. */
        public double similarity(Map<String, Double> vector) {
            return cosine(unit(vector), centroid);
        }

        /** Similarity of many lemma vectors to this group (the centroid's norm once). */
        public double[] similarities(List<Map<String, Double>> unitVectors) {
            double norm = norm(centroid);
            double[] out = new double[unitVectors.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = cosine(unitVectors.get(i), centroid, norm);
            }
            return out;
        }
    }

    /**
     * Inverse document frequencies over a corpus of lemma sets (the base's questions and phrasings and the routed
     * questions themselves): words every question uses (нужно, учитель, обязанность) weigh little, the words that
     * name a missing subject (аттестация, наставник) much. A lemma outside the corpus weighs as one seen once.
     */
    public record Idf(Map<String, Integer> df, int documents) {

        public static Idf of(java.util.Collection<? extends java.util.Collection<String>> corpus) {
            Map<String, Integer> df = new HashMap<>();
            for (java.util.Collection<String> doc : corpus) {
                for (String lemma : new java.util.HashSet<>(doc)) {
                    df.merge(lemma, 1, Integer::sum);
                }
            }
            return new Idf(Map.copyOf(df), corpus.size());
        }

        /** The focus weights of a text times the lemmas' IDF. */
        public Map<String, Double> weigh(Map<String, Double> focus) {
            Map<String, Double> out = new HashMap<>();
            focus.forEach((lemma, f) -> out.put(lemma,
                    f * Math.log((documents + 1.0) / (df.getOrDefault(lemma, 1) + 0.5))));
            return out;
        }
    }

    /** Groups {@code items} (in this order) by the lemma vectors {@code vectorOf} gives them. */
    public static <T> List<Group<T>> cluster(List<T> items, java.util.function.Function<T, Map<String, Double>> vectorOf) {
        return cluster(items, vectorOf, JOIN);
    }

    /** As {@link #cluster(List, java.util.function.Function)} with another least similarity (the threshold evaluation). */
    public static <T> List<Group<T>> cluster(List<T> items, java.util.function.Function<T, Map<String, Double>> vectorOf,
                                             double join) {
        List<List<T>> members = new ArrayList<>();
        List<Map<String, Double>> centroids = new ArrayList<>();
        // squared norms kept as centroids grow: recomputing them made a pass quadratic in the group sizes
        List<Double> norms2 = new ArrayList<>();
        for (T item : items) {
            Map<String, Double> v = unit(vectorOf.apply(item));
            if (v.isEmpty()) {
                continue;
            }
            int best = -1;
            double bestSim = 0;
            for (int g = 0; g < centroids.size(); g++) {
                double sim = cosine(v, centroids.get(g), Math.sqrt(norms2.get(g)));
                if (sim > bestSim) {
                    best = g;
                    bestSim = sim;
                }
            }
            if (best >= 0 && bestSim >= join) {
                members.get(best).add(item);
                Map<String, Double> c = centroids.get(best);
                double n2 = norms2.get(best);
                for (Map.Entry<String, Double> e : v.entrySet()) {
                    double old = c.getOrDefault(e.getKey(), 0.0);
                    double now = old + e.getValue();
                    c.put(e.getKey(), now);
                    n2 += now * now - old * old;
                }
                norms2.set(best, n2);
            } else {
                members.add(new ArrayList<>(List.of(item)));
                centroids.add(new HashMap<>(v));
                norms2.add(1.0);
            }
        }
        List<Group<T>> out = new ArrayList<>(members.size());
        for (int g = 0; g < members.size(); g++) {
            out.add(new Group<>(List.copyOf(members.get(g)), Map.copyOf(centroids.get(g))));
        }
        return out;
    }

    /** The members of a group ordered by their similarity to its centroid, closest first (stable). */
    public static <T> List<T> closestFirst(Group<T> group, java.util.function.Function<T, Map<String, Double>> vectorOf) {
        Map<T, Double> sim = new HashMap<>();
        for (T m : group.members()) {
            sim.put(m, group.similarity(vectorOf.apply(m)));
        }
        List<T> sorted = new ArrayList<>(group.members());
        sorted.sort(Comparator.comparingDouble((T m) -> sim.get(m)).reversed());
        return sorted;
    }

    /** The vector scaled to length 1, non-positive weights dropped. */
    public static Map<String, Double> unit(Map<String, Double> v) {
        double norm = 0;
        for (double w : v.values()) {
            norm += w * w;
        }
        if (norm == 0) {
            return new HashMap<>();
        }
        double n = Math.sqrt(norm);
        Map<String, Double> out = new HashMap<>();
        v.forEach((k, w) -> {
            if (w > 0) {
                out.put(k, w / n);
            }
        });
        return out;
    }

    static double cosine(Map<String, Double> unitVector, Map<String, Double> other) {
        return cosine(unitVector, other, norm(other));
    }

    static double norm(Map<String, Double> v) {
        double norm = 0;
        for (double w : v.values()) {
            norm += w * w;
        }
        return Math.sqrt(norm);
    }

    static double cosine(Map<String, Double> unitVector, Map<String, Double> other, double otherNorm) {
        if (otherNorm == 0) {
            return 0;
        }
        double dot = 0;
        for (Map.Entry<String, Double> e : unitVector.entrySet()) {
            Double w = other.get(e.getKey());
            if (w != null) {
                dot += e.getValue() * w;
            }
        }
        return dot / otherNorm;
    }
}
