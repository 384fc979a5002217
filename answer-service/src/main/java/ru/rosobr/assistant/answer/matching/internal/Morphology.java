package ru.rosobr.assistant.answer.matching.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import morfologik.speller.Speller;
import morfologik.stemming.Dictionary;
import morfologik.stemming.DictionaryLookup;
import morfologik.stemming.WordData;

/**
 * Word → lemmas from LanguageTool's Russian morfologik dictionary ({@code org/languagetool/resource/ru/russian.dict},
 * aot.ru origin, LGPL): обязана → обязанный, обязать; учителей → учитель. The dictionary is loaded once per process
 * (about 30 ms); {@link DictionaryLookup} is not thread-safe, so each thread gets its own over the shared FSA.
 */
public final class Morphology {

    static final String DICTIONARY = "/org/languagetool/resource/ru/russian.dict";
    /** The speller dictionary of the same origin carries a frequency class (0 rare … 25 very common) per word. */
    static final String SPELLER = "/org/languagetool/resource/ru/hunspell/ru_RU.dict";
    private static final int CACHE_LIMIT = 200_000;
    private static final String[] NONE = new String[0];

    private static volatile Morphology shared;

    private final ThreadLocal<DictionaryLookup> lookup;
    private final ThreadLocal<Speller> speller;
    /** Lemmas per word form; bounded so that arbitrary input cannot grow it without limit. */
    private final Map<String, String[]> cache = new ConcurrentHashMap<>();
    private final Map<String, Integer> frequencies = new ConcurrentHashMap<>();

    private Morphology(Dictionary dictionary, Dictionary spelling) {
        this.lookup = ThreadLocal.withInitial(() -> new DictionaryLookup(dictionary));
        this.speller = ThreadLocal.withInitial(() -> new Speller(spelling));
    }

    /** The process-wide instance (the dictionary is immutable and shared). */
    public static Morphology get() {
        Morphology m = shared;
        if (m == null) {
            synchronized (Morphology.class) {
                m = shared;
                if (m == null) {
                    shared = m = load();
                }
            }
        }
        return m;
    }

    private static Morphology load() {
        URL url = Morphology.class.getResource(DICTIONARY);
        URL spelling = Morphology.class.getResource(SPELLER);
        if (url == null || spelling == null) {
            throw new IllegalStateException("Russian dictionaries " + DICTIONARY + ", " + SPELLER
                    + " are not on the classpath (dependency org.languagetool:language-ru)");
        }
        try {
            return new Morphology(Dictionary.read(url), Dictionary.read(spelling));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Frequency class of a word in general Russian: 0 (rare or unknown) … 25 (very common). */
    public int frequency(String word) {
        Integer cached = frequencies.get(word);
        if (cached != null) {
            return cached;
        }
        int f = speller.get().getFrequency(word);
        if (frequencies.size() < CACHE_LIMIT) {
            frequencies.put(word, f);
        }
        return f;
    }

    /**
     * Is the word a verb in the present (or simple future) third person — «ходит», «собирает», «требует»? A role
     * followed by one in the story is someone the asker tells about, not the asker.
     */
    public boolean thirdPersonVerb(String word) {
        for (WordData wd : lookup.get().lookup(word)) {
            CharSequence tag = wd.getTag();
            if (tag != null) {
                String t = tag.toString();
                if (t.startsWith("VB:Real") && t.contains(":P3")) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Is the word (in one of its readings) an adverb or a particle (постоянно, опять, уже)? «Логопед постоянно
     * просит…»: such a word between a role and its verb does not change who acts.
     */
    public boolean adverb(String word) {
        boolean any = false;
        for (WordData wd : lookup.get().lookup(word)) {
            CharSequence tag = wd.getTag();
            String t = tag == null ? "" : tag.toString();
            if (t.startsWith("ADV") || t.startsWith("PARTICLE")) {
                any = true;
            }
        }
        return any;
    }

    /** Distinct lemmas of a lower-case word with ё folded to е; empty if the dictionary does not know the word. */
    public String[] lemmas(String word) {
        String[] cached = cache.get(word);
        if (cached != null) {
            return cached;
        }
        List<String> out = new ArrayList<>(2);
        for (WordData wd : lookup.get().lookup(word)) {
            CharSequence stem = wd.getStem();
            if (stem == null) {
                continue;
            }
            String lemma = TextNormalizer.fold(stem.toString());
            if (!out.contains(lemma)) {
                out.add(lemma);
            }
        }
        String[] result = out.isEmpty() ? NONE : out.toArray(String[]::new);
        if (cache.size() < CACHE_LIMIT) {
            cache.put(word, result);
        }
        return result;
    }
}
