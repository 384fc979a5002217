package ru.rosobr.assistant.answer.matching.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.tartarus.snowball.ext.RussianStemmer;

/**
 * Russian text → content terms. Steps: case and ё/е folding; tokens; the field's abbreviations and slang expanded
 * (ЭЖ → электронный журнал, кл. рук → классный руководитель, поурочку → поурочный план); lemmas from the
 * morfologik dictionary; the Lucene Snowball stem for words the dictionary does not know (slang, typos, names);
 * stop words dropped; concept synonyms attached. Also spots who is asking (колледж → SPO, детский сад → DOO).
 * Thread-safe: the only per-call state is local (the Snowball stemmer is created per call; it is tiny).
 */
public final class TextAnalyzer {

    /**
     * The result: content terms in text order, the audience cue if the text names one, and per term how much it
     * says about what is asked ({@code focus}: 1 in the sentence that asks, {@link #STORY} in the story around it,
     * times {@link #CONTEXT} for a context word and {@link #NUMBER} for a number).
     */
    public record Analysis(List<Term> terms, Asker asker, double[] focus) {

        public Analysis(List<Term> terms, Asker asker) {
            this(terms, asker, ones(terms.size()));
        }
    }

    /**
     * Weight of a term told in the story around the question ("В этом году у нас новый завуч… Она имеет право?"):
     * the story gives context, but the sentence that asks decides what is asked.
     */
    public static final double STORY = 0.4;
    /** Share of the weight of a context word (директор, говорить, прислать…): it tells the story, not the subject. */
    public static final double CONTEXT = 0.35;
    /** Share of the weight of a number (25 лет, в 11 вечера) the base does not know: it is rarely the subject. */
    public static final double NUMBER = 0.35;
    /** A question sentence with fewer content terms ("Это законно?") borrows the sentence before it. */
    static final int SHORT_QUESTION = 3;

    private record Token(String surface, String[] lemmas) {
    }

    /**
     * Words of one family share their first letters (дублировать, дублирование; распечатка, распечатывать):
     * the first {@value #PREFIX} letters of a lemma of 7+ letters are a weak extra feature, marked with
     * {@value #PREFIX_MARK}.
     */
    public static final int PREFIX = 6;
    public static final String PREFIX_MARK = "~";

    private final Morphology morphology;
    private final Lexicon lexicon;
    /** Alias key → its expansion, already lemmatised. */
    private final Map<String, List<Token>> aliases = new HashMap<>();
    /** Snowball stem of a one-word alias key → expansion: catches inflected slang (поурочки, технокарту). */
    private final Map<String, List<Token>> aliasStems = new HashMap<>();

    public TextAnalyzer(Morphology morphology, Lexicon lexicon) {
        this.morphology = morphology;
        this.lexicon = lexicon;
        RussianStemmer stemmer = new RussianStemmer();
        lexicon.aliases().forEach((key, expansion) -> {
            List<Token> tokens = new ArrayList<>();
            for (String w : TextNormalizer.tokens(expansion)) {
                tokens.add(token(w));
            }
            aliases.put(key, tokens);
            if (!key.contains(" ") && morphology.lemmas(key).length == 0 && key.length() >= 4) {
                aliasStems.put(stem(stemmer, key), tokens);
            }
        });
    }

    public Morphology morphology() {
        return morphology;
    }

    /**
     * Analyses a text sentence by sentence. In a text of several sentences the terms of the sentences that ask
     * (with a question mark; otherwise the last one) keep their full focus and the rest of the story
     * gets {@link #STORY}; a short question sentence shares its focus with the sentence before it.
     */
    public Analysis analyze(String text) {
        return analyze(text, false);
    }

    /**
     * As {@link #analyze(String)}, for a teacher's question: a word addressing the service («вы», «вам», «ты»,
     * «сюда») becomes a term of the service ({@link #SERVICE}). Only questions are read so: the base's answers
     * address the teacher with the same «вы».
     */
    public Analysis analyzeQuestion(String text) {
        return analyze(text, true);
    }

    private Analysis analyze(String text, boolean question) {
        List<String> sentences = TextNormalizer.sentences(text);
        if (sentences.size() <= 1) {
            return analyzeSentence(text, question);
        }
        List<Analysis> parts = new ArrayList<>(sentences.size());
        for (String sentence : sentences) {
            parts.add(analyzeSentence(sentence, question));
        }
        boolean[] asks = new boolean[parts.size()];
        boolean anyQuestion = false;
        for (int i = 0; i < sentences.size(); i++) {
            asks[i] = sentences.get(i).indexOf('?') >= 0 && !parts.get(i).terms().isEmpty();
            anyQuestion |= asks[i];
        }
        if (!anyQuestion) {
            for (int i = parts.size() - 1; i >= 0; i--) {
                if (!parts.get(i).terms().isEmpty()) {
                    asks[i] = true;
                    break;
                }
            }
        }
        boolean[] focused = asks.clone();
        boolean storyNamesPaper = false;
        for (int i = 0; i < parts.size(); i++) {
            storyNamesPaper |= !asks[i] && namesPaper(parts.get(i).terms());
        }
        for (int i = 0; i < parts.size(); i++) {
            if (asks[i] && parts.get(i).terms().size() < SHORT_QUESTION) {
                for (int j = i - 1; j >= 0; j--) {
                    if (!parts.get(j).terms().isEmpty()) {
                        // "…сижу до ночи. Это обязательно?": when the story names a paper, that is what a short
                        // question asks about (heard in full below), not the filler sentence just before it
                        focused[j] |= !storyNamesPaper || namesPaper(parts.get(j).terms());
                        break;
                    }
                }
            }
        }
        // "She demands X every Friday. May she?": when the sentences that ask name no paper, the paper the story
        // names is what is asked about — the story sentences that name one are heard in full too
        boolean askedNamesPaper = false;
        for (int i = 0; i < parts.size(); i++) {
            askedNamesPaper |= focused[i] && namesPaper(parts.get(i).terms());
        }
        if (!askedNamesPaper) {
            for (int i = 0; i < parts.size(); i++) {
                focused[i] |= namesPaper(parts.get(i).terms());
            }
        }
        boolean askerSpeaks = false;
        for (int i = 0; i < parts.size(); i++) {
            askerSpeaks |= asks[i] && firstPerson(sentences.get(i));
        }
        List<Term> terms = new ArrayList<>();
        List<Double> focus = new ArrayList<>();
        Asker asker = null;
        for (int i = 0; i < parts.size(); i++) {
            Analysis a = parts.get(i);
            terms.addAll(a.terms());
            for (int k = 0; k < a.terms().size(); k++) {
                focus.add(a.focus()[k] * (focused[i] ? 1.0 : STORY));
            }
            if (asker == null && a.asker() != null) {
                // "Социальный педагог ходит по классам и собирает характеристики… Обязана ли я писать?": a role
                // the story tells about in the third person is not the one who asks in the first
                // («…собирает с нас фотоотчёты»: the asker as an object does not make the role the asker's own)
                boolean told = !asks[i] && askerSpeaks && !firstPersonSubject(sentences.get(i));
                asker = told ? asker(tokenize(sentences.get(i), new RussianStemmer()), true) : a.asker();
            }
        }
        double[] f = new double[focus.size()];
        for (int k = 0; k < f.length; k++) {
            f[k] = focus.get(k);
        }
        return new Analysis(terms, asker, f);
    }

    /** Spelling slips the dictionary does not forgive: цы/жы/шы, чя/щя, чю/щю, a doubled letter. */
    private static final String[][] RESPELL = {
            {"цы", "ци"}, {"жы", "жи"}, {"шы", "ши"}, {"чя", "ча"}, {"щя", "ща"}, {"чю", "чу"}, {"щю", "щу"}};

    /**
     * The lemmas of an unknown word once a common spelling slip is undone (документацыю → документацию, обязанна →
     * обязана); none when no such variant is a dictionary word. A few lookups, only for words the dictionary does
     * not know.
     */
    private String[] respelled(String w) {
        for (String[] r : RESPELL) {
            if (w.contains(r[0])) {
                String[] lemmas = morphology.lemmas(w.replace(r[0], r[1]));
                if (lemmas.length > 0) {
                    return lemmas;
                }
            }
        }
        for (int i = 1; i < w.length(); i++) {
            if (w.charAt(i) == w.charAt(i - 1)) {
                String[] lemmas = morphology.lemmas(w.substring(0, i) + w.substring(i + 1));
                if (lemmas.length > 0) {
                    return lemmas;
                }
            }
        }
        return new String[0];
    }

    /** Letters of an unknown word from which one vowel is tried as another (характиристику → характеристику). */
    static final int VOWEL_SLIP_MIN = 7;
    private static final String VOWELS = "аоуыэяеиюё";

    /**
     * The lemmas of an unknown word once one unstressed-vowel slip is undone — the most common slip of a hurried
     * writer, which the typo corrector misses when the word is also inflected (the corrector compares with lemmas).
     * Only a word the dictionary, the slang and its stems do not know, of {@value #VOWEL_SLIP_MIN}+ letters; one
     * vowel at a time, left to right, the first dictionary word wins: at most some hundred lookups.
     */
    private String[] vowelRespelled(String w) {
        char[] c = w.toCharArray();
        for (int i = 1; i < c.length; i++) {
            char original = c[i];
            if (VOWELS.indexOf(original) < 0) {
                continue;
            }
            for (int v = 0; v < VOWELS.length(); v++) {
                char x = VOWELS.charAt(v);
                if (x == original) {
                    continue;
                }
                c[i] = x;
                String[] lemmas = morphology.lemmas(new String(c));
                if (lemmas.length > 0) {
                    return lemmas;
                }
            }
            c[i] = original;
        }
        return new String[0];
    }

    /** Does a sentence name a paper a teacher is asked for (a SUBJECT cue of {@code paperwork-cues.tsv})? */
    private boolean namesPaper(List<Term> terms) {
        Map<String, String> cues = lexicon.paperworkCues();
        for (int i = 0; i < terms.size(); i++) {
            for (String a : terms.get(i).forms()) {
                if (paper(cues.get(a))) {
                    return true;
                }
                if (i + 1 < terms.size()) {
                    for (String b : terms.get(i + 1).forms()) {
                        if (paper(cues.get(a + " " + b))) {
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }

    private static boolean paper(String kind) {
        return "SUBJECT".equals(kind) || "GENERIC".equals(kind) || "LISTED".equals(kind);
    }

    /** The tokens of a sentence: aliases expanded, each word with its lemmas (respelled when the dictionary lacks it). */
    private List<Token> tokenize(String text, RussianStemmer stemmer) {
        List<String> words = TextNormalizer.tokens(text);
        List<Token> tokens = new ArrayList<>(words.size() + 4);
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (i + 1 < words.size()) {
                List<Token> pair = aliases.get(w + " " + words.get(i + 1));
                if (pair != null) {
                    tokens.addAll(pair);
                    i++;
                    continue;
                }
            }
            List<Token> alias = aliases.get(w);
            if (alias != null) {
                tokens.addAll(alias);
                continue;
            }
            String[] lemmas = morphology.lemmas(w);
            if (lemmas.length == 0 && w.length() >= 4) {
                lemmas = respelled(w);
            }
            if (lemmas.length == 0 && w.length() >= 4) {
                List<Token> byStem = aliasStems.get(stem(stemmer, w));
                if (byStem != null) {
                    tokens.addAll(byStem);
                    continue;
                }
            }
            if (lemmas.length == 0 && w.length() >= VOWEL_SLIP_MIN) {
                lemmas = vowelRespelled(w);
            }
            tokens.add(new Token(w, lemmas));
        }
        return tokens;
    }

    private Analysis analyzeSentence(String text, boolean question) {
        RussianStemmer stemmer = new RussianStemmer();
        List<Token> tokens = tokenize(text, stemmer);
        Asker asker = asker(tokens, false);
        List<Term> terms = new ArrayList<>(tokens.size());
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.surface().equals("не") && i + 1 < tokens.size()) {
                // a negated word does not describe what is asked ("если он не классный руководитель") — unless it
                // names a known gap or another subject: "не аттестована", "не платят за классное руководство"
                // still ask about attestation and pay
                if (!keptUnderNegation(tokens.get(i + 1))) {
                    i++;
                    if (adjectiveLike(tokens.get(i)) && i + 1 < tokens.size()
                            && !keptUnderNegation(tokens.get(i + 1))) {
                        i++;
                    }
                }
                continue;
            }
            Term term = term(t, stemmer);
            if (term != null) {
                terms.add(term);
            }
        }
        int addressed = terms.size();
        if (question) {
            for (Token t : tokens) {
                if (ADDRESS.contains(t.surface())) {
                    // «когда вы ответите?», «о чём вас можно спросить?»: the teacher speaks to the service itself
                    terms.add(new Term(t.surface(), SERVICE.clone(), new String[0], false));
                    break;
                }
            }
        }
        double[] focus = new double[terms.size()];
        for (int k = 0; k < focus.length; k++) {
            focus[k] = k >= addressed ? ADDRESS_SHARE : share(terms.get(k));
        }
        return new Analysis(terms, asker, focus);
    }

    /** Words by which a teacher addresses the service (a polite «вы», a «ты» to the bot, «написала сюда»). */
    private static final Set<String> ADDRESS = Set.of("вы", "вам", "вас", "вами", "ваш", "ваша", "ваше", "ваши",
            "вашего", "вашей", "вашу", "вашем", "ты", "тебе", "тебя", "тобой", "сюда");
    /** What an address stands for: the service, a word of its own entries (bot-scope, appeal-process). */
    private static final String[] SERVICE = {"сервис", "бот"};
    /** Weight share of an address: it says who is asked, and only together with other words what is asked. */
    static final double ADDRESS_SHARE = CONTEXT;

    /** A word of a known gap or of another subject (route words, off-topic cues), by a lemma or the word itself. */
    private boolean keptUnderNegation(Token t) {
        for (String f : formsOf(t)) {
            if (lexicon.routeWords().contains(f) || lexicon.offTopicCues().contains(f)) {
                return true;
            }
        }
        return false;
    }

    /** How much a term can tell about the subject on its own: context words and bare numbers tell little. */
    private double share(Term t) {
        for (String f : t.forms()) {
            if (lexicon.contextWords().contains(f)) {
                return CONTEXT;
            }
        }
        return Character.isDigit(t.surface().charAt(0)) ? NUMBER : 1.0;
    }

    private Token token(String w) {
        return new Token(w, morphology.lemmas(w));
    }

    private Term term(Token t, RussianStemmer stemmer) {
        String w = t.surface();
        if (w.length() < 2 || isStop(t)) {
            return null;
        }
        boolean unknown = t.lemmas().length == 0;
        String[] forms = unknown ? new String[] {Character.isDigit(w.charAt(0)) ? w : stem(stemmer, w)} : t.lemmas();
        Set<String> concepts = new LinkedHashSet<>();
        for (String f : forms) {
            List<String> c = lexicon.concepts().get(f);
            if (c != null) {
                concepts.addAll(c);
            }
        }
        for (String f : forms) {
            if (f.length() >= PREFIX + 1 && Character.isLetter(f.charAt(0))) {
                concepts.add(PREFIX_MARK + f.substring(0, PREFIX));
            }
        }
        for (String f : forms) {
            concepts.remove(f);
        }
        return new Term(w, forms, concepts.toArray(String[]::new), unknown);
    }

    /** A stop word, or a form one of whose readings is a stop word (мою = мой | мыть). */
    private boolean isStop(Token t) {
        Set<String> stop = lexicon.stopwords();
        if (stop.contains(t.surface())) {
            return true;
        }
        for (String l : t.lemmas()) {
            if (stop.contains(l)) {
                return true;
            }
        }
        return false;
    }

    private static boolean adjectiveLike(Token t) {
        for (String l : t.lemmas()) {
            if (l.endsWith("ый") || l.endsWith("ий") || l.endsWith("ой")) {
                return true;
            }
        }
        return false;
    }

    /** Words by which the asker speaks of themselves. */
    private static final Set<String> FIRST_PERSON = Set.of("я", "мне", "меня", "мной", "мой", "моя", "мое", "мои",
            "моих", "моим", "моего", "моей", "мы", "нас", "нам", "нами", "наш", "наша", "наше", "наши", "нашей",
            "нашем", "наших");

    /** Words by which the asker is the subject of a sentence («я», «мы»), not its object («у меня», «с нас»). */
    private static final Set<String> FIRST_PERSON_SUBJECT = Set.of("я", "мы");

    private static boolean firstPersonSubject(String sentence) {
        for (String w : TextNormalizer.tokens(sentence)) {
            if (FIRST_PERSON_SUBJECT.contains(TextNormalizer.fold(w))) {
                return true;
            }
        }
        return false;
    }

    private static boolean firstPerson(String sentence) {
        for (String w : TextNormalizer.tokens(sentence)) {
            if (FIRST_PERSON.contains(TextNormalizer.fold(w))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Who asks, by the audience cues of a sentence. In a story sentence ({@code told}) a cue followed by a verb in
     * the third person («соцпедагог ходит», «логопед требует») is someone the asker tells about.
     */
    private Asker asker(List<Token> tokens, boolean told) {
        Map<String, Asker> cues = lexicon.audienceCues();
        for (int i = 0; i < tokens.size(); i++) {
            if (i > 0 && THIRD_PARTY_BEFORE.contains(tokens.get(i - 1).surface())) {
                // "характеристика для спортивной школы", "тетрадь взаимодействия с логопедом": where a paper goes
                // or whom the teacher works with, not who asks
                continue;
            }
            for (String a : formsOf(tokens.get(i))) {
                if (i + 1 < tokens.size()) {
                    for (String b : formsOf(tokens.get(i + 1))) {
                        Asker pair = cues.get(a + " " + b);
                        if (pair != null && !thirdParty(tokens, i, i + 2) && !(told && narrated(tokens, i + 2))) {
                            return pair;
                        }
                    }
                }
                Asker single = cues.get(a);
                if (single != null && !thirdParty(tokens, i, i + 1) && !(told && narrated(tokens, i + 1))) {
                    return single;
                }
            }
        }
        return null;
    }

    private boolean narrated(List<Token> tokens, int i) {
        i = pastAdverbs(tokens, i);
        return i < tokens.size() && morphology.thirdPersonVerb(tokens.get(i).surface());
    }

    /** Words a role may have before its verb («психолог постоянно просит», «завуч каждый раз требует»). */
    static final int ADVERBS_BEFORE_VERB = 3;

    /**
     * Words of how often, between a role and its verb («тьютор каждый месяц требует», «психолог всё время просит»);
     * adverbs are told by the dictionary.
     */
    private static final Set<String> FREQUENCY_WORDS = Set.of("каждый", "каждую", "каждое", "каждые", "все", "время",
            "раз", "день", "неделю", "месяц", "год", "четверть", "семестр");

    /** The index of the first token from {@code i} on that is neither an adverb nor a word of how often. */
    private int pastAdverbs(List<Token> tokens, int i) {
        for (int n = 0; n < ADVERBS_BEFORE_VERB && i + 1 < tokens.size() && beforeVerb(tokens.get(i)); n++) {
            i++;
        }
        return i;
    }

    private boolean beforeVerb(Token t) {
        return morphology.adverb(t.surface()) || FREQUENCY_WORDS.contains(t.surface());
    }

    /** Words before an audience cue that make it someone other than the asker. */
    private static final Set<String> THIRD_PARTY_BEFORE = Set.of("для", "с", "со", "к", "ко", "от", "или");
    /** Words before an audience cue that make it the asker's own place or group («наш техникум говорит»). */
    private static final Set<String> OWN_BEFORE = Set.of("наш", "наша", "наше", "наши", "мой", "моя", "мое");
    /** Words before an audience cue that make it a place. */
    private static final Set<String> PLACE_BEFORE = Set.of("в", "во", "на");

    /**
     * Is the token at {@code i} a verb of telling or asking (a context word: сказать, попросить, прислать…, or
     * требовать)? "Психолог попросила характеристики": the cue before it is the one who asks the teacher for
     * something — a third party, not the asker. A place is where the asker works, whatever is said there («в
     * детском саду требуют»).
     */
    private boolean thirdParty(List<Token> tokens, int cue, int i) {
        if (i >= tokens.size() || cue > 0 && (PLACE_BEFORE.contains(tokens.get(cue - 1).surface())
                || OWN_BEFORE.contains(tokens.get(cue - 1).surface()))) {
            return false;
        }
        i = pastAdverbs(tokens, i);
        for (String l : tokens.get(i).lemmas()) {
            if ((lexicon.contextWords().contains(l) || l.equals("требовать") || l.equals("велеть"))
                    && (l.endsWith("ть") || l.endsWith("ти"))) {
                return true;
            }
        }
        return false;
    }

    private static String[] formsOf(Token t) {
        return t.lemmas().length == 0 ? new String[] {t.surface()} : t.lemmas();
    }

    static double[] ones(int n) {
        double[] f = new double[n];
        java.util.Arrays.fill(f, 1.0);
        return f;
    }

    static String stem(RussianStemmer stemmer, String w) {
        stemmer.setCurrent(w);
        stemmer.stem();
        return stemmer.getCurrent();
    }
}
