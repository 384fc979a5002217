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

    /** The result: content terms in text order and the audience cue, if the text names one. */
    public record Analysis(List<Term> terms, Asker asker) {
    }

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

    public Analysis analyze(String text) {
        RussianStemmer stemmer = new RussianStemmer();
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
                List<Token> byStem = aliasStems.get(stem(stemmer, w));
                if (byStem != null) {
                    tokens.addAll(byStem);
                    continue;
                }
            }
            tokens.add(new Token(w, lemmas));
        }
        Asker asker = asker(tokens);
        List<Term> terms = new ArrayList<>(tokens.size());
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.surface().equals("не") && i + 1 < tokens.size()) {
                // a negated word does not describe what is asked ("если он не классный руководитель")
                i++;
                if (adjectiveLike(tokens.get(i)) && i + 1 < tokens.size()) {
                    i++;
                }
                continue;
            }
            Term term = term(t, stemmer);
            if (term != null) {
                terms.add(term);
            }
        }
        return new Analysis(terms, asker);
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

    private Asker asker(List<Token> tokens) {
        Map<String, Asker> cues = lexicon.audienceCues();
        for (int i = 0; i < tokens.size(); i++) {
            for (String a : formsOf(tokens.get(i))) {
                if (i + 1 < tokens.size()) {
                    for (String b : formsOf(tokens.get(i + 1))) {
                        Asker pair = cues.get(a + " " + b);
                        if (pair != null) {
                            return pair;
                        }
                    }
                }
                Asker single = cues.get(a);
                if (single != null) {
                    return single;
                }
            }
        }
        return null;
    }

    private static String[] formsOf(Token t) {
        return t.lemmas().length == 0 ? new String[] {t.surface()} : t.lemmas();
    }

    static String stem(RussianStemmer stemmer, String w) {
        stemmer.setCurrent(w);
        stemmer.stem();
        return stemmer.getCurrent();
    }
}
