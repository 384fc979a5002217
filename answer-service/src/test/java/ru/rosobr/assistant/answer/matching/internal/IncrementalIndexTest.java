package ru.rosobr.assistant.answer.matching.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import ru.rosobr.assistant.answer.kb.KbEntry;
import ru.rosobr.assistant.answer.kb.StarterKb;
import ru.rosobr.assistant.answer.matching.MatchResult;
import ru.rosobr.assistant.answer.matching.MatcherSettings;
import ru.rosobr.assistant.contracts.OrgType;
import ru.rosobr.assistant.contracts.events.KbEntryPublished.Audience;

/**
 * A live update changes only what the entry touches ({@link IndexSnapshot#with}, {@link IndexSnapshot#without}); these tests prove
 * that a matcher fed entry by entry through {@link LemmaMatcher#update} — publications, an edit, a retirement, a
 * draft and a re-verification — decides every question exactly as a matcher given the same entries by
 * {@link LemmaMatcher#reindex}: same decision, entries, scores to the last bit, same analysis.
 */
class IncrementalIndexTest {

    private static final Lexicon LEXICON = Lexicon.standard();
    private static final TextAnalyzer ANALYZER = new TextAnalyzer(Morphology.get(), LEXICON);

    private static LemmaMatcher matcher() {
        return new LemmaMatcher(ANALYZER, LEXICON, MatcherSettings.defaults());
    }

    private static KbEntry entry(String id, String topic, String question, List<String> phrasings, String answer,
                                 Set<Audience> audience, KbEntry.Status status, int version) {
        return new KbEntry(id, topic, question, phrasings, answer, "ч. 6.2 ст. 47 № 273-ФЗ", audience, status,
                version);
    }

    private static KbEntry starter(String id) {
        return StarterKb.entries().stream().filter(e -> e.id().equals(id)).findFirst().orElseThrow();
    }

    /** New entries, with words the starter base does not have (взаимопосещение, самообследование, логопед). */
    private static final KbEntry MUTUAL_VISITS = entry("mutual-visits", "lesson-plans",
            "Обязан ли учитель вести тетрадь взаимопосещения уроков?",
            List.of("тетрадь взаимопосещения", "журнал взаимопосещений коллег", "нужно ли записывать посещённые уроки"),
            "Нет. Отдельная тетрадь взаимопосещения в перечень обязательных документов не входит.",
            Set.of(Audience.ALL), KbEntry.Status.VERIFIED, 1);
    private static final KbEntry SELF_EXAMINATION = entry("self-examination", "self-examination",
            "Должен ли преподаватель колледжа писать отчёт по самообследованию?",
            List.of("самообследование колледжа", "отчёт о самообследовании от преподавателя"),
            "Отчёт о самообследовании готовит организация, а не преподаватель; собирать его с педагогов отдельной "
                    + "бумагой не требуется.",
            Set.of(Audience.SPO), KbEntry.Status.VERIFIED, 1);
    private static final KbEntry SPEECH_THERAPIST = entry("speech-therapist", "speech-therapist",
            "Какие документы ведёт логопед в детском саду?",
            List.of("документы логопеда ДОУ", "речевые карты логопеда"),
            "Логопед ведёт речевые карты и журнал посещаемости занятий; прочие отчёты — по решению заведующего.",
            Set.of(Audience.DOO), KbEntry.Status.VERIFIED, 1);

    /** Questions of our own: the new words, typos of them, audiences, the edited and the retired entry. */
    private static final List<String> OWN_QUESTIONS = List.of(
            "Обязан ли учитель вести тетрадь взаимопосещения уроков?",
            "нужна ли тетрадь взаимопосещеня",
            "надо ли вести журнал взаимопосещений",
            "Я преподаватель колледжа, нужно ли мне писать самообследование?",
            "отчёт по самообследовнию обязателен?",
            "Какие документы ведёт логопед в детском саду?",
            "логопед обязан заполнять речевые карты?",
            "Нужно ли вести КТП отдельно от рабочей программы?",
            "календарно-тематическое планирование на бумаге обязательно?",
            "КТП в электронном виде нужно дублировать?",
            "В какое время можно писать родителям в чат?",
            "родители пишут в вотсап ночью, обязан ли я отвечать",
            "Обязан ли я писать поурочные планы?",
            "обязан ли учитель заполнять электроный журнл",
            "Какие документы собрать на аттестацию на высшую категорию?",
            "Как приготовить борщ со сметаной?",
            "Что умеет бот?",
            "   ");

    private static List<String> questions() throws Exception {
        List<String> qs = new ArrayList<>(OWN_QUESTIONS);
        // the texts of the held-out set (columns id, expected, text[, orgType]; # starts a comment)
        for (String line : Files.readAllLines(Path.of("src/test/resources/eval/held-out-questions.tsv"))) {
            if (!line.isBlank() && !line.startsWith("#") && !line.startsWith("id\t")) {
                qs.add(line.split("\t")[2].strip());
            }
        }
        return qs;
    }

    /** Everything a decision is based on, with scores at full precision. */
    private static String decisionOf(LemmaMatcher m, String question, OrgType orgType) {
        LemmaMatcher.Explanation x = m.explain(question, orgType);
        MatchResult r = x.result();
        return String.join(" | ", r.decision().name(), r.best() == null ? "-" : r.best().id() + "@" + r.best().version(),
                Double.toString(r.score()), r.runnerUp() == null ? "-" : r.runnerUp().id(),
                Double.toString(r.runnerUpScore()), x.asker().name(), Double.toString(x.domainEvidence()),
                Double.toString(x.coverage()), Double.toString(x.similarity()), x.terms().toString());
    }

    private static void assertSameDecisions(LemmaMatcher incremental, LemmaMatcher rebuilt) throws Exception {
        List<String> a = new ArrayList<>();
        List<String> b = new ArrayList<>();
        for (String q : questions()) {
            for (OrgType o : new OrgType[] {null, OrgType.SCHOOL, OrgType.SPO, OrgType.DOO}) {
                a.add(q + " [" + o + "] " + decisionOf(incremental, q, o));
                b.add(q + " [" + o + "] " + decisionOf(rebuilt, q, o));
            }
        }
        assertThat(a).containsExactlyElementsOf(b);
        assertThat(incremental.snapshot().describe()).isEqualTo(rebuilt.snapshot().describe());
    }

    /** Applies the change to the matcher, and to the model of the verified entries a reindex would be given. */
    private static void apply(LemmaMatcher m, Map<String, KbEntry> verified, KbEntry change) {
        m.update(change);
        if (change.status() == KbEntry.Status.VERIFIED) {
            verified.put(change.id(), change);
        } else {
            verified.remove(change.id());
        }
    }

    private static LemmaMatcher reindexed(Map<String, KbEntry> verified) {
        LemmaMatcher m = matcher();
        m.reindex(List.copyOf(verified.values()));
        return m;
    }

    @Test
    void entriesAppliedOneByOneDecideExactlyAsAReindexOfTheSameEntries() throws Exception {
        LemmaMatcher live = matcher();
        Map<String, KbEntry> verified = new LinkedHashMap<>();
        for (KbEntry e : StarterKb.entries()) {
            apply(live, verified, e);
        }
        apply(live, verified, MUTUAL_VISITS);
        apply(live, verified, SELF_EXAMINATION);
        apply(live, verified, SPEECH_THERAPIST);
        assertSameDecisions(live, reindexed(verified));

        // an edited entry: new question and answer, one phrasing dropped, one added (keeps its place)
        KbEntry ktp = starter("ktp-1");
        List<String> phrasings = new ArrayList<>(ktp.phrasings().subList(1, ktp.phrasings().size()));
        phrasings.add("нужно ли дублировать календарно-тематическое планирование на бумаге");
        KbEntry edited = new KbEntry(ktp.id(), ktp.topic(), "Обязательно ли вести КТП, и в каком виде?", phrasings,
                "КТП входит в рабочую программу; отдельный документ и бумажная копия не требуются.",
                ktp.legalBasis(), ktp.audience(), KbEntry.Status.VERIFIED, ktp.version() + 1);
        apply(live, verified, edited);
        assertThat(live.match("КТП в электронном виде нужно дублировать?", null).best().version())
                .isEqualTo(ktp.version() + 1);
        assertSameDecisions(live, reindexed(verified));

        // a retired entry, and a new entry taken back to draft for an edit: neither answers any more
        apply(live, verified, starter("chat-rules-1").withStatus(KbEntry.Status.RETIRED, 2));
        apply(live, verified, SPEECH_THERAPIST.withStatus(KbEntry.Status.DRAFT, 2));
        assertThat(live.snapshot().size()).isEqualTo(20 + 3 - 2);
        assertSameDecisions(live, reindexed(verified));

        // verified again after the edit: it comes back at the end, as it would in a fresh reindex
        apply(live, verified, SPEECH_THERAPIST.withStatus(KbEntry.Status.VERIFIED, 3));
        // a change of a non-indexed entry to a non-verified status changes nothing
        apply(live, verified, MUTUAL_VISITS.withStatus(KbEntry.Status.RETIRED, 2));
        IndexSnapshot before = live.snapshot();
        live.update(MUTUAL_VISITS.withStatus(KbEntry.Status.RETIRED, 3));
        assertThat(live.snapshot()).isSameAs(before);
        assertSameDecisions(live, reindexed(verified));
    }

    @Test
    void aLiveUpdateCopiesOnlyWhatTheEntryTouches() {
        LemmaMatcher live = matcher();
        live.reindex(StarterKb.entries());
        IndexSnapshot before = live.snapshot();
        live.update(MUTUAL_VISITS);
        IndexSnapshot after = live.snapshot();
        IndexedEntry added = IndexedEntry.of(MUTUAL_VISITS, ANALYZER);
        // postings of the entry's own features change; every other feature's postings are the very same object
        @SuppressWarnings("unchecked")
        Set<String> features = ((Map<String, ?>) before.describe().get("postings")).keySet();
        Set<String> own = new java.util.HashSet<>(added.phraseFeatures());
        own.addAll(added.answerFeatures());
        int shared = 0;
        for (String f : features) {
            if (own.contains(f)) {
                assertThat(after.postings(f)).isNotSameAs(before.postings(f));
                assertThat(after.postings(f).slots()).hasSize(before.postings(f).slots().length + 1);
            } else {
                assertThat(after.postings(f)).isSameAs(before.postings(f));
                shared++;
            }
        }
        assertThat(shared).isGreaterThan(own.size());
        // a word new to the base (взаимопосещения) gets postings of its own
        List<String> fresh = own.stream().filter(f -> !features.contains(f)).toList();
        assertThat(fresh).isNotEmpty();
        for (String f : fresh) {
            assertThat(after.postings(f).slots()).hasSize(1);
        }
        // the previous snapshot is untouched, so readers that hold it are unaffected
        assertThat(before.size()).isEqualTo(20);
        assertThat(after.size()).isEqualTo(21);
        assertThat(before.describe()).isEqualTo(reindexed(new LinkedHashMap<>(byId(StarterKb.entries())))
                .snapshot().describe());
    }

    @Test
    void manyRetirementsCompactTheSnapshotWithoutChangingDecisions() throws Exception {
        LemmaMatcher live = matcher();
        Map<String, KbEntry> verified = new LinkedHashMap<>();
        for (KbEntry e : StarterKb.entries()) {
            apply(live, verified, e);
        }
        // each retire and re-verify leaves an empty slot behind; past the limit the snapshot is rebuilt compactly
        int cycles = 1_100;
        for (int i = 0; i < cycles; i++) {
            KbEntry e = i % 2 == 0 ? MUTUAL_VISITS : SELF_EXAMINATION;
            apply(live, verified, e.withStatus(KbEntry.Status.VERIFIED, 2 * i + 1));
            apply(live, verified, e.withStatus(KbEntry.Status.RETIRED, 2 * i + 2));
        }
        apply(live, verified, MUTUAL_VISITS.withStatus(KbEntry.Status.VERIFIED, 3 * cycles));
        assertThat(live.snapshot().capacity()).isLessThan(cycles);
        assertThat(live.snapshot().size()).isEqualTo(21);
        assertSameDecisions(live, reindexed(verified));
    }

    private static Map<String, KbEntry> byId(List<KbEntry> entries) {
        Map<String, KbEntry> m = new LinkedHashMap<>();
        entries.forEach(e -> m.put(e.id(), e));
        return m;
    }
}
