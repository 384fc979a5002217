package ru.rosobr.assistant.answer.gaps.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ru.rosobr.assistant.answer.gaps.KbGaps;
import ru.rosobr.assistant.answer.kb.StarterKb;
import ru.rosobr.assistant.answer.matching.Decision;
import ru.rosobr.assistant.answer.matching.Matcher;
import ru.rosobr.assistant.answer.matching.MatcherSettings;
import ru.rosobr.assistant.answer.matching.Matching;

/**
 * Grouping routed questions with the matcher's lemma analysis over the starter base: paraphrases of one missing
 * subject form one group, different subjects that share only field words do not.
 */
class GapClusteringTest {

    /** Routed questions of three subjects the starter base does not cover, and one of its own. */
    static final List<List<String>> SUBJECTS = List.of(
            List.of("Как подготовиться к аттестации на высшую категорию?",
                    "Когда мне проходить аттестацию на первую квалификационную категорию?",
                    "Можно ли пройти аттестацию на высшую категорию досрочно?",
                    "Что будет, если не пройти аттестацию на категорию вовремя?"),
            List.of("Обязан ли я быть наставником молодого специалиста?",
                    "Могут ли заставить быть наставником молодого специалиста без согласия?",
                    "Какие бумаги по наставничеству должен вести наставник?"),
            List.of("Как составить адаптированную программу для ребёнка с ОВЗ?",
                    "Нужно ли писать отдельную адаптированную программу для каждого ученика с ОВЗ?",
                    "Кто должен разрабатывать адаптированную программу для обучающегося с ОВЗ?"),
            List.of("Сколько раз в год проводится педсовет и нужно ли вести его протокол?"));

    static Matcher matcher;
    static GapClustering.Idf idf;

    @BeforeAll
    static void base() {
        matcher = Matching.create(MatcherSettings.defaults(), StarterKb.entries());
        // as the report weighs: over the base's questions and phrasings and the routed questions
        List<java.util.Set<String>> corpus = new java.util.ArrayList<>();
        for (var e : StarterKb.entries()) {
            corpus.add(matcher.lemmas(e.question()).keySet());
            e.phrasings().forEach(p -> corpus.add(matcher.lemmas(p).keySet()));
        }
        SUBJECTS.stream().flatMap(List::stream).forEach(q -> corpus.add(matcher.lemmas(q).keySet()));
        idf = GapClustering.Idf.of(corpus);
    }

    static Map<String, Double> vector(String text) {
        return idf.weigh(matcher.lemmas(text));
    }

    @Test
    void theQuestionsAreRouted() {
        for (List<String> subject : SUBJECTS) {
            for (String q : subject) {
                assertThat(matcher.match(q, null).decision()).as(q).isEqualTo(Decision.UNMATCHED);
            }
        }
    }

    @Test
    void paraphrasesOfOneSubjectFormOneGroupAndSubjectsStayApart() {
        List<String> all = SUBJECTS.stream().flatMap(List::stream).toList();
        List<GapClustering.Group<String>> groups = GapClustering.cluster(all, GapClusteringTest::vector);
        assertThat(groups).extracting(GapClustering.Group::members).containsExactlyElementsOf(SUBJECTS);
    }

    @Test
    /** A starter entry does not cover any of the groups; an entry phrased as any of a group's questions would. */
    void startersStayFarFromTheGroupsTheirQuestionsAreClose() {
        List<String> all = SUBJECTS.stream().flatMap(List::stream).toList();
        for (GapClustering.Group<String> g : GapClustering.cluster(all, GapClusteringTest::vector)) {
            double starter = 0;
            String closest = null;
            for (var e : StarterKb.entries()) {
                List<String> texts = new java.util.ArrayList<>(e.phrasings());
                texts.add(e.question());
                for (String t : texts) {
                    double sim = g.similarity(vector(t));
                    if (sim > starter) {
                        starter = sim;
                        closest = t;
                    }
                }
            }
            double own = g.members().stream().mapToDouble(m -> g.similarity(vector(m))).min().orElse(0);
            // a short starter phrasing sharing one word (специалист, возможность) reaches 0.25–0.29
            assertThat(starter).as("%s: %s", g.topTerms(3), closest).isLessThan(KbGaps.COVERS);
            assertThat(own).as("%s", g.topTerms(3)).isGreaterThanOrEqualTo(KbGaps.COVERS);
        }
    }

    @Test
    void sameQuestionsInTheSameOrderGiveTheSameGroups() {
        List<String> all = SUBJECTS.stream().flatMap(List::stream).toList();
        assertThat(GapClustering.cluster(all, GapClusteringTest::vector)).isEqualTo(GapClustering.cluster(all, GapClusteringTest::vector));
    }

    @Test
    void aTextWithoutContentWordsJoinsNoGroup() {
        assertThat(GapClustering.cluster(List.of("и", "?"), t -> Map.<String, Double>of())).isEmpty();
    }
}
