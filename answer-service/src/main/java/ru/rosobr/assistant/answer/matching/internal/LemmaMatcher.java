package ru.rosobr.assistant.answer.matching.internal;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ru.rosobr.assistant.answer.kb.KbEntry;
import ru.rosobr.assistant.answer.matching.Decision;
import ru.rosobr.assistant.answer.matching.MatchResult;
import ru.rosobr.assistant.answer.matching.MatchedTerm;
import ru.rosobr.assistant.answer.matching.Matcher;
import ru.rosobr.assistant.answer.matching.MatcherSettings;
import ru.rosobr.assistant.contracts.OrgType;
import ru.rosobr.assistant.contracts.events.KbEntryPublished.Audience;

/**
 * Matches a question against the verified entries by their lemmas.
 *
 * <p>Score of an entry = {@code coverageShare} × coverage + (1 − coverageShare) × phrasing similarity, both in
 * [0, 1]: <em>coverage</em> is the share of the question's weight that the entry explains (a word found in the
 * canonical question or a phrasing counts fully, one found only in the answer text counts {@code answerWeight});
 * <em>phrasing similarity</em> is the weighted cosine between the question and the entry's closest phrasing. Word
 * weights are inverse document frequencies over the entries, so words every entry uses (учитель, обязан) weigh
 * little and a content word the base has never seen (воспитатель, аттестация) weighs {@code unknownWeight}: it
 * stays unexplained and pulls the confidence down — that is what routes uncovered questions to an operator.
 *
 * <p>Decision: MATCHED when the score reaches {@code matchThreshold} and leads the best entry of another topic
 * by {@code minMargin}; otherwise OFF_TOPIC when the {@link DomainGate} finds no evidence that the question is
 * about documentary load, UNMATCHED (routed) when it does. Only entries for the asker's audience compete.
 *
 * <p>Thread-safety: readers use an immutable {@link IndexSnapshot} through a volatile field, ranked by a stateless
 * {@link Ranker}; writers
 * ({@link #reindex}, {@link #update}) are serialised and publish a new snapshot, so a published entry is
 * matched by the next question. An update builds the new snapshot from the current one by copying only what the
 * changed entry touches, and gives the same decisions and scores as a {@link #reindex} of the same entries.
 */
public final class LemmaMatcher implements Matcher {

    private static final int CANDIDATES = 12;
    /** Score at which an entry is answered even when the domain gate doubts the subject. */
    static final double STRONG_MATCH = 0.8;
    /** Score at which a question the domain gate doubts is answered when it speaks of paperwork or duties. */
    static final double PAPERWORK_MATCH = 0.6;
    /** Words of a question (of three or more) its entry must explain to answer it. */
    static final int MIN_EXPLAINED = 2;
    /** The least share of {@code minMargin} a strong match must still lead by. */
    static final double MIN_MARGIN_SHARE = 0.3;
    /**
     * Domain evidence below which an everyday paper word (a GENERIC cue) no longer keeps an unanswered question in
     * the subject; the lowest in-domain question with such a cue of the tuning sets scores about −3.
     */
    static final double CUE_OVERRULED = -4.0;

    /** Papers a question must name for a LISTED paper among them to lose its veto. */
    static final int LISTED_AMONG = 3;

    private final TextAnalyzer analyzer;
    private final Lexicon lexicon;
    private final MatcherSettings settings;
    /** The gate of the example corpora alone; every snapshot adds the entries' documents to it. */
    private final DomainGate baseGate;
    private final PaperworkCues paperwork;
    private final SubjectTerms subjectTerms;
    /** The route words as listed and as the analyser reads them (the stem of a word the dictionary lacks). */
    private final Set<String> routeForms;

    /** Serialises writers; readers never take it. */
    private final Object writeLock = new Object();
    private volatile IndexSnapshot index;
    private final Ranker ranker;

    public LemmaMatcher(TextAnalyzer analyzer, Lexicon lexicon, MatcherSettings settings) {
        this.analyzer = analyzer;
        this.lexicon = lexicon;
        this.settings = settings;
        List<Set<String>> outOfScopeDocs = lexicon.outOfScopeExamples().stream()
                .map(s -> DomainGate.features(analyzer.analyze(s).terms())).toList();
        List<Set<String>> offTopicDocs = lexicon.offTopicExamples().stream()
                .map(s -> DomainGate.features(analyzer.analyze(s).terms())).toList();
        this.baseGate = DomainGate.of(outOfScopeDocs, offTopicDocs);
        Map<String, PaperworkCues.Kind> cues = new java.util.HashMap<>();
        lexicon.paperworkCues().forEach((k, v) -> cues.put(k, PaperworkCues.Kind.valueOf(v)));
        this.paperwork = new PaperworkCues(Map.copyOf(cues));
        this.subjectTerms = SubjectTerms.load(analyzer);
        Set<String> route = new java.util.HashSet<>(lexicon.routeWords());
        for (String w : lexicon.routeWords()) {
            // one word only: an abbreviation expanded to a phrase (ОВЗ) would make its common words route words
            List<Term> read = analyzer.analyze(w).terms();
            if (read.size() == 1) {
                route.addAll(List.of(read.get(0).forms()));
            }
        }
        this.routeForms = Set.copyOf(route);
        this.ranker = new Ranker(analyzer.morphology());
        this.index = IndexSnapshot.build(List.of(), baseGate, settings.answerWeight());
    }

    public MatcherSettings settings() {
        return settings;
    }

    public TextAnalyzer analyzer() {
        return analyzer;
    }

    // ---------------------------------------------------------------------------------------------- writing

    @Override
    public void reindex(Collection<KbEntry> all) {
        synchronized (writeLock) {
            // as a LinkedHashMap: a repeated id keeps its first position and its last verified version
            Map<String, IndexedEntry> entries = new LinkedHashMap<>();
            for (KbEntry e : all) {
                if (e.status() == KbEntry.Status.VERIFIED) {
                    entries.put(e.id(), IndexedEntry.of(e, analyzer));
                }
            }
            index = IndexSnapshot.build(List.copyOf(entries.values()), baseGate, settings.answerWeight());
        }
    }

    /**
     * Derives the next snapshot from the current one by this entry alone (see {@link IndexSnapshot#with}): the cost
     * follows the entry's words, not the size of the base — under a millisecond at 10,000 entries instead of
     * a half-second rebuild. The entry is analysed before the lock is taken.
     */
    @Override
    public void update(KbEntry entry) {
        IndexedEntry analysed = entry.status() == KbEntry.Status.VERIFIED ? IndexedEntry.of(entry, analyzer) : null;
        synchronized (writeLock) {
            index = analysed == null ? index.without(entry.id()) : index.with(analysed);
        }
    }

    /** The current snapshot (tests compare snapshots built in different ways). */
    IndexSnapshot snapshot() {
        return index;
    }

    // ---------------------------------------------------------------------------------------------- reading

    @Override
    public MatchResult match(String question, OrgType orgType) {
        return explain(question, orgType).result();
    }

    @Override
    public Map<String, Double> lemmas(String text) {
        IndexSnapshot ix = index;
        TextAnalyzer.Analysis analysis = analyzer.analyzeQuestion(text == null ? "" : text);
        List<Term> terms = ranker.correctTypos(ix, analysis.terms(), lexicon);
        Map<String, Double> out = new LinkedHashMap<>();
        for (int i = 0; i < terms.size(); i++) {
            double focus = analysis.focus()[i];
            for (String form : terms.get(i).forms()) {
                out.merge(form, focus, Math::max);
            }
            // concept synonyms and word-family prefixes count as they do in ranking: weaker than the word itself
            for (String concept : terms.get(i).concepts()) {
                out.merge(concept, focus * Ranker.conceptFactor(concept, settings.conceptWeight()), Math::max);
            }
        }
        return out;
    }

    /** Everything the decision was based on (for evaluation and debugging). */
    public record Explanation(MatchResult result, Asker asker, List<Term> terms, double domainEvidence,
                              double coverage, double similarity, List<String> paperworkCues) {
    }

    public Explanation explain(String question, OrgType orgType) {
        IndexSnapshot ix = index;
        TextAnalyzer.Analysis analysis = analyzer.analyzeQuestion(question == null ? "" : question);
        List<Term> terms = ranker.correctTypos(ix, analysis.terms(), lexicon);
        Asker asker = analysis.asker() != null ? analysis.asker() : asker(orgType);
        boolean askerKnown = analysis.asker() != null || orgType != null;
        double evidence = ix.gate().evidence(terms);
        if (terms.isEmpty()) {
            return new Explanation(new MatchResult(Decision.OFF_TOPIC, null, 0, null, 0), asker, terms, evidence,
                    0, 0, List.of());
        }
        // a word in another sense («школьная форма») names no entry's subject
        List<Term> naming = paperwork.withoutOtherSenses(terms);
        Ranker.Ranked ranked = ranker.rank(ix, terms, analysis.focus(), askerWords(terms), asker, askerKnown,
                settings, CANDIDATES, e -> subjectTerms.named(e.entry().id(), naming));
        IndexedEntry best = ranked.best();
        IndexedEntry second = ranked.runnerUp();
        double score = ranked.bestScore();
        double secondScore = ranked.runnerUpScore();
        Decision decision;
        // a question about a teacher's paperwork or duties is in the subject, whatever the gate's statistics say
        List<String> paperworkCues = paperwork.find(terms);
        // a question about pay or a platform's password is not the service's, however many field words it has
        String otherSubject = paperworkCues.isEmpty() ? otherSubject(terms) : null;
        boolean gateDoubts = evidence < settings.offTopicThreshold() || otherSubject != null;
        // an everyday paper word named in passing does not save a question whose other words all point away from
        // the field («заполнить заявление на отпуск», «распечатать документ с телефона»); a teacher's paper,
        // attestation or an imposed duty always does
        boolean offTopic = gateDoubts && (paperworkCues.isEmpty()
                || evidence < CUE_OVERRULED && !paperwork.certain(naming));
        // below the domain gate only a strong match may still be answered; a doubted question that names a
        // teacher's paper or an imposed duty needs less (PAPERWORK_MATCH): the cue makes the field's reading of
        // its words the likely one, though not a certain one («план-конспект урока по литературе» stays routed)
        double doubted = paperworkCues.isEmpty() ? STRONG_MATCH : PAPERWORK_MATCH;
        double threshold = gateDoubts ? Math.max(settings.matchThreshold(), doubted) : settings.matchThreshold();
        String gap = best == null ? null
                : uncoveredRouteWord(terms, best, paperwork.papers(paperworkCues), paperwork.asksDuty(terms));
        List<MatchedTerm> explained = best == null ? List.of() : matchedTerms(terms, best);
        // one shared word is no answer to a question of several ("ставить двойки за поведение" is not about the
        // journal because «ставить» occurs in its entry): the entry must explain two of its words
        boolean enough = terms.size() < MIN_EXPLAINED + 1 || explained.size() >= MIN_EXPLAINED;
        boolean named = best != null && subjectTerms.named(best.entry().id(), naming);
        if (best != null && gap == null && named && enough && score >= threshold
                && score - secondScore >= requiredMargin(score)) {
            decision = Decision.MATCHED;
        } else if (offTopic) {
            decision = Decision.OFF_TOPIC;
        } else {
            decision = Decision.UNMATCHED;
        }
        KbEntry bestEntry = decision == Decision.OFF_TOPIC || best == null ? null : best.entry();
        MatchResult result = new MatchResult(decision, bestEntry, decision == Decision.OFF_TOPIC ? 0 : score,
                second == null ? null : second.entry(), secondScore,
                bestEntry == null ? List.of() : explained);
        return new Explanation(result, asker, terms, evidence, ranked.bestCoverage(), ranked.bestSimilarity(),
                paperworkCues);
    }

    /**
     * The lead over the best entry of another topic that a match needs: the full {@code minMargin} at the
     * threshold, less as the score grows — a question its entry explains almost entirely is answered even when
     * a neighbouring topic explains much of it too (rules of chats and the choice of messenger share most
     * words) — but never below {@value #MIN_MARGIN_SHARE} of it.
     */
    double requiredMargin(double score) {
        double span = STRONG_MATCH - settings.matchThreshold();
        double share = span <= 0 ? 1 : (STRONG_MATCH - score) / span;
        return settings.minMargin() * Math.max(MIN_MARGIN_SHARE, Math.min(1, share));
    }

    /** The question's words the entry explains, the way the ranking counts them (word, then concept). */
    static List<MatchedTerm> matchedTerms(List<Term> terms, IndexedEntry entry) {
        List<MatchedTerm> out = new java.util.ArrayList<>();
        for (Term t : terms) {
            MatchedTerm m = matched(t, entry.phraseFeatures(), false);
            if (m == null) {
                m = matched(t, entry.answerFeatures(), true);
            }
            if (m != null && out.stream().noneMatch(x -> x.word().equals(t.surface()))) {
                out.add(m);
            }
        }
        return out;
    }

    private static MatchedTerm matched(Term t, Set<String> features, boolean inAnswer) {
        for (String f : t.forms()) {
            if (features.contains(f)) {
                return new MatchedTerm(t.surface(), f, false, inAnswer);
            }
        }
        for (String c : t.concepts()) {
            if (!c.startsWith(TextAnalyzer.PREFIX_MARK) && features.contains(c)) {
                return new MatchedTerm(t.surface(), c, true, inAnswer);
            }
        }
        for (String c : t.concepts()) {
            if (features.contains(c)) {
                return new MatchedTerm(t.surface(), c.substring(TextAnalyzer.PREFIX_MARK.length()) + "…", true,
                        inAnswer);
            }
        }
        return null;
    }

    /** Which terms describe the asker ({@code matching/asker-words.txt}); null when none does. */
    private boolean[] askerWords(List<Term> terms) {
        boolean[] out = null;
        for (int i = 0; i < terms.size(); i++) {
            for (String f : terms.get(i).forms()) {
                if (lexicon.askerWords().contains(f)) {
                    if (out == null) {
                        out = new boolean[terms.size()];
                    }
                    out[i] = true;
                    break;
                }
            }
        }
        return out;
    }

    /** A word naming a subject outside the service ({@code matching/offtopic-cues.txt}), or null. */
    private String otherSubject(List<Term> terms) {
        for (int i = 0; i < terms.size(); i++) {
            for (String f : terms.get(i).forms()) {
                if (lexicon.offTopicCues().contains(f)) {
                    return f;
                }
                // two adjacent lemmas: «школьная форма» is another subject, «форма» alone is not
                if (i + 1 < terms.size()) {
                    for (String g : terms.get(i + 1).forms()) {
                        if (lexicon.offTopicCues().contains(f + " " + g)) {
                            return f + " " + g;
                        }
                    }
                }
            }
        }
        return null;
    }

    /**
     * A word of a known gap (аттестация, выговор…) that the entry does not itself speak about, or null. A paper
     * marked LISTED in {@code paperwork-cues.tsv} (протокол, ведомость) does not veto when the question lists it
     * among {@value #LISTED_AMONG} or more papers: «план, протоколы, листы учёта — что из этого обязательно?» asks
     * about the list, which the entry answers, not about the one paper. A sanction (CONSEQUENCE: выговор, лишить
     * премии) does not veto a question that asks whether something is a duty: «…а кто не придёт — лишат
     * стимулирующих. Обязательно ли участвовать?» asks about the duty, the threat is its story.
     */
    private String uncoveredRouteWord(List<Term> terms, IndexedEntry entry, int papers, boolean asksDuty) {
        for (Term t : terms) {
            for (String f : t.forms()) {
                if (routeForms.contains(f) && !entry.phraseFeatures().contains(f)
                        && !entry.answerFeatures().contains(f) && !(papers >= LISTED_AMONG && paperwork.listed(f))
                        && !(asksDuty && paperwork.consequence(f))) {
                    return f;
                }
            }
        }
        return null;
    }

    static Asker asker(OrgType orgType) {
        return orgType == null ? Asker.SCHOOL : Asker.valueOf(orgType.name());
    }

    /** An entry written for exactly the asker's kind of organisation (the СПО entry for a college teacher). */
    static boolean specific(Set<Audience> audience, Asker asker) {
        return audience.size() == 1 && asker != Asker.OTHER && audience.contains(Audience.valueOf(asker.name()));
    }

    static boolean fits(Set<Audience> audience, Asker asker) {
        if (audience.contains(Audience.ALL)) {
            return true;
        }
        return switch (asker) {
            case SCHOOL -> audience.contains(Audience.SCHOOL);
            case SPO -> audience.contains(Audience.SPO);
            case DOO -> audience.contains(Audience.DOO);
            case OTHER -> false;
        };
    }
}
