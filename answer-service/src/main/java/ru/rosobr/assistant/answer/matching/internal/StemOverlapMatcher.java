package ru.rosobr.assistant.answer.matching.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

import ru.rosobr.assistant.answer.kb.KbEntry;
import ru.rosobr.assistant.answer.matching.Decision;
import ru.rosobr.assistant.answer.matching.MatchResult;
import ru.rosobr.assistant.answer.matching.Matcher;
import ru.rosobr.assistant.contracts.OrgType;
import ru.rosobr.assistant.contracts.events.KbEntryPublished.Audience;

/**
 * A first matcher: Snowball stems (Lucene's RussianAnalyzer), Dice overlap between the question and each phrasing
 * of each verified entry. A question that shares no stem with the domain vocabulary is off-topic.
 */
public class StemOverlapMatcher implements Matcher {

    static final double MATCH_THRESHOLD = 0.5;

    private static final List<String> DOMAIN_WORDS = List.of(
            "документ", "документация", "отчёт", "отчет", "журнал", "программа", "план", "планирование",
            "конспект", "справка", "характеристика", "мониторинг", "анкета", "бумага", "портфолио", "чат",
            "родители", "завуч", "директор", "учитель", "педагог", "преподаватель", "классный", "руководитель",
            "школа", "колледж", "техникум", "сферум", "обращение", "жалоба", "бот", "нагрузка", "ктп", "эж");

    private record Indexed(KbEntry entry, List<Set<String>> variants) {
    }

    private final Analyzer analyzer = new RussianAnalyzer();
    private final Map<String, Indexed> index = new ConcurrentHashMap<>();
    private final Set<String> domain = ConcurrentHashMap.newKeySet();

    public StemOverlapMatcher() {
        DOMAIN_WORDS.forEach(w -> domain.addAll(stems(w)));
    }

    Set<String> stems(String text) {
        Set<String> out = new LinkedHashSet<>();
        try (TokenStream ts = analyzer.tokenStream("t", text.replace('ё', 'е').replace('Ё', 'Е'))) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    @Override
    public MatchResult match(String question, OrgType orgType) {
        Set<String> q = stems(question);
        if (q.stream().noneMatch(domain::contains)) {
            return new MatchResult(Decision.OFF_TOPIC, null, 0, null, 0);
        }
        KbEntry best = null;
        KbEntry second = null;
        double bestScore = 0;
        double secondScore = 0;
        for (Indexed ix : index.values()) {
            if (!fits(ix.entry().audience(), orgType)) {
                continue;
            }
            double s = ix.variants().stream().mapToDouble(v -> dice(q, v)).max().orElse(0);
            if (s > bestScore) {
                second = best;
                secondScore = bestScore;
                best = ix.entry();
                bestScore = s;
            } else if (s > secondScore) {
                second = ix.entry();
                secondScore = s;
            }
        }
        Decision d = best != null && bestScore >= MATCH_THRESHOLD ? Decision.MATCHED : Decision.UNMATCHED;
        return new MatchResult(d, best, bestScore, second, secondScore);
    }

    private static boolean fits(Audience audience, OrgType orgType) {
        return audience == Audience.ALL || orgType == null || audience.name().equals(orgType.name());
    }

    private static double dice(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        long common = a.stream().filter(b::contains).count();
        return 2.0 * common / (a.size() + b.size());
    }

    @Override
    public void reindex(Collection<KbEntry> entries) {
        index.clear();
        entries.forEach(this::update);
    }

    @Override
    public void update(KbEntry entry) {
        if (entry.status() != KbEntry.Status.VERIFIED) {
            index.remove(entry.id());
            return;
        }
        List<Set<String>> variants = new java.util.ArrayList<>();
        variants.add(stems(entry.question()));
        entry.phrasings().forEach(p -> variants.add(stems(p)));
        variants.forEach(domain::addAll);
        index.put(entry.id(), new Indexed(entry, variants));
    }
}
