package ru.rosobr.assistant.answer.matching.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The words that name what an entry is about ({@code matching/subject-terms.tsv}, by entry id): a question answered
 * from the entry must contain one of them. Without it the entry explains only the frame of the question («какие
 * документы обязан вести…», «возможности…») and the question, about something the base does not cover, goes to an
 * operator instead of getting a neighbouring topic's answer. The lists describe the starter entries; an entry the
 * file does not list (published by operators or written by editors, on whatever topic) requires nothing: its own
 * wording is its subject. The words are read through the question analyser, so slang, abbreviations and inflected
 * forms are matched the way a question's words are.
 *
 * <p>Two more kinds of line refine a listed entry: «id TAB &amp; words» — the question must also name one of these
 * (the class teacher's papers answer a question only when it speaks of a class teacher or of a paper only a class
 * teacher keeps); «id TAB ! words» — naming one of these leaves the question to a more specific entry (the general
 * list of a teacher's papers does not answer a question about what a class teacher keeps).
 */
final class SubjectTerms {

    /** One listed word or phrase: the readings of each of its words; a question names it when it has them all. */
    private record Item(List<Set<String>> words) {

        boolean in(List<Term> terms) {
            for (Set<String> word : words) {
                if (terms.stream().noneMatch(t -> reads(t, word))) {
                    return false;
                }
            }
            return true;
        }

        private static boolean reads(Term t, Set<String> word) {
            for (String f : t.forms()) {
                if (word.contains(f)) {
                    return true;
                }
            }
            for (String c : t.concepts()) {
                if (!c.startsWith(TextAnalyzer.PREFIX_MARK) && word.contains(c)) {
                    return true;
                }
            }
            return false;
        }
    }

    private final Map<String, List<Item>> byEntry;
    /** Words of which the question must name one more (a line «id TAB & words»): the class teacher's papers. */
    private final Map<String, List<Item>> alsoByEntry;
    /** Words that, when named, leave the entry to a more specific one (a line «id TAB ! words»). */
    private final Map<String, List<Item>> notByEntry;

    private SubjectTerms(Map<String, List<Item>> byEntry, Map<String, List<Item>> alsoByEntry,
                         Map<String, List<Item>> notByEntry) {
        this.byEntry = byEntry;
        this.alsoByEntry = alsoByEntry;
        this.notByEntry = notByEntry;
    }

    static SubjectTerms load(TextAnalyzer analyzer) {
        Map<String, List<Item>> byEntry = new HashMap<>();
        Map<String, List<Item>> alsoByEntry = new HashMap<>();
        Map<String, List<Item>> notByEntry = new HashMap<>();
        for (String line : Lexicon.lines("matching/subject-terms.tsv")) {
            String[] cols = line.split("\t", 2);
            if (cols.length < 2) {
                throw new IllegalStateException("matching/subject-terms.tsv: expected entry id<TAB>words in «" + line + "»");
            }
            String words = cols[1].strip();
            Map<String, List<Item>> target = byEntry;
            if (words.startsWith("&") || words.startsWith("!")) {
                target = words.startsWith("&") ? alsoByEntry : notByEntry;
                words = words.substring(1);
            }
            List<Item> items = target.computeIfAbsent(cols[0].strip(), k -> new ArrayList<>());
            for (String word : words.split(",")) {
                List<Term> terms = analyzer.analyze(word.strip()).terms();
                if (terms.isEmpty()) {
                    // a stop word never reaches a question's terms: listing it would silently require nothing
                    throw new IllegalStateException("matching/subject-terms.tsv: «" + word.strip() + "» is a stop word");
                }
                // a phrase, or an abbreviation the analyser expands (ЭЖ → электронный журнал), needs all its words
                items.add(new Item(terms.stream().map(t -> Set.of(t.forms())).toList()));
            }
        }
        byEntry.replaceAll((k, v) -> List.copyOf(v));
        alsoByEntry.replaceAll((k, v) -> List.copyOf(v));
        notByEntry.replaceAll((k, v) -> List.copyOf(v));
        return new SubjectTerms(Map.copyOf(byEntry), Map.copyOf(alsoByEntry), Map.copyOf(notByEntry));
    }

    /** Whether the question names what the entry is about (always, for an entry without listed words). */
    boolean named(String entryId, List<Term> terms) {
        List<Item> items = byEntry.get(entryId);
        if (items == null) {
            return true;
        }
        return any(items, terms) && any(alsoByEntry.getOrDefault(entryId, List.of(ANY)), terms)
                && !any(notByEntry.getOrDefault(entryId, List.of()), terms);
    }

    /** An item every question names (an entry with no «&» line requires nothing more). */
    private static final Item ANY = new Item(List.of());

    private static boolean any(List<Item> items, List<Term> terms) {
        for (Item item : items) {
            if (item.in(terms)) {
                return true;
            }
        }
        return false;
    }
}
