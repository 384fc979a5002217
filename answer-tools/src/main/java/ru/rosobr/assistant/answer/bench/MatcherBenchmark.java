package ru.rosobr.assistant.answer.bench;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import ru.rosobr.assistant.answer.eval.EvalAnswers;
import ru.rosobr.assistant.answer.kb.KbEntry;
import ru.rosobr.assistant.answer.kb.StarterKb;
import ru.rosobr.assistant.answer.matching.Decision;
import ru.rosobr.assistant.answer.matching.MatchResult;
import ru.rosobr.assistant.answer.matching.Matcher;
import ru.rosobr.assistant.answer.matching.MatcherSettings;
import ru.rosobr.assistant.answer.matching.Matching;

/**
 * {@code bin/bench-answers [ENTRIES] [QUESTIONS.tsv]}: builds a base of ENTRIES (default 10,000) verified entries
 * generated from the starter base (words dropped, shuffled and borrowed between entries; one in ten under a
 * topic of its own), then times {@link Matcher#match} on every question of the file (default: the held-out
 * paraphrases shipped in the jar, else a built-in list), many rounds after a warm-up, and prints p50/p99 per
 * decision and the heap in use. It also times live updates ({@link Matcher#update}): the first one after the
 * build (cold: a new entry published) and then {@value #UPDATES} each of publishing a new entry, editing an entry
 * (new wording of its question, phrasings and answer) and retiring one. A main class, not a timed unit test: timings depend on the machine.
 */
public final class MatcherBenchmark {

    /** Warm live updates timed per kind (publish, edit, retire). */
    private static final int UPDATES = 100;

    private MatcherBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int size = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        List<String> questions = questions(args.length > 1 ? Path.of(args[1]) : null);

        long t0 = System.nanoTime();
        List<KbEntry> base = generate(size, new Random(42));
        Matcher matcher = Matching.create(MatcherSettings.defaults());
        matcher.reindex(base);
        long buildMs = (System.nanoTime() - t0) / 1_000_000;
        // the first live update after start-up: a newly published entry must answer within a second
        Random rnd = new Random(7);
        List<String> words = words();
        long u0 = System.nanoTime();
        matcher.update(variation(base.get(7), "live-0", base.get(7).topic(), words, rnd));
        long coldNs = System.nanoTime() - u0;

        for (int i = 0; i < 3; i++) {
            for (String q : questions) {
                matcher.match(q, null);
            }
        }
        Map<Decision, List<Long>> times = new EnumMap<>(Decision.class);
        int rounds = Math.max(1, 20_000 / questions.size());
        for (int r = 0; r < rounds; r++) {
            for (String q : questions) {
                long s = System.nanoTime();
                MatchResult m = matcher.match(q, null);
                long ns = System.nanoTime() - s;
                times.computeIfAbsent(m.decision(), d -> new ArrayList<>()).add(ns);
            }
        }
        // warm live updates, in turn: a new entry published, an entry edited (new wording), an entry retired
        Map<String, List<Long>> updates = new java.util.LinkedHashMap<>();
        for (int i = 1; i <= 3 * UPDATES; i++) {
            KbEntry b = base.get(rnd.nextInt(base.size()));
            String kind = switch (i % 3) {
                case 1 -> "publish";
                case 2 -> "edit";
                default -> "retire";
            };
            KbEntry change = switch (kind) {
                case "publish" -> variation(b, "live-" + i, b.topic(), words, rnd);
                case "edit" -> variation(b, b.id(), b.topic(), words, rnd);
                default -> b.withStatus(KbEntry.Status.RETIRED, b.version() + 1);
            };
            long w0 = System.nanoTime();
            matcher.update(change);
            updates.computeIfAbsent(kind, k -> new ArrayList<>()).add(System.nanoTime() - w0);
        }
        List<Long> allUpdates = updates.values().stream().flatMap(List::stream).sorted().toList();
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long heapMb = (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024);

        out.printf(Locale.ROOT, "entries: %d, index built in %d ms, one live update in %.2f ms (cold), %.2f ms (warm), "
                + "processors: %d, max heap: %d MB%n", size, buildMs, coldNs / 1e6,
                allUpdates.get(allUpdates.size() / 2) / 1e6, rt.availableProcessors(), rt.maxMemory() >> 20);
        out.printf(Locale.ROOT, "%-10s %8s %9s %9s %9s%n", "update", "calls", "p50, ms", "p99, ms", "max, ms");
        updates.forEach((kind, ns) -> print(out, kind, ns));
        out.printf(Locale.ROOT, "%-10s %8s %9s %9s %9s%n", "decision", "calls", "p50, ms", "p99, ms", "max, ms");
        List<Long> all = new ArrayList<>();
        for (Map.Entry<Decision, List<Long>> e : times.entrySet()) {
            all.addAll(e.getValue());
            print(out, e.getKey().name(), e.getValue());
        }
        print(out, "all", all);
        out.printf(Locale.ROOT, "heap in use after GC: %d MB (used: %s)%n", heapMb,
                ManagementFactory.getMemoryMXBean().getHeapMemoryUsage());
    }

    private static void print(PrintStream out, String name, List<Long> ns) {
        long[] a = ns.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(a);
        out.printf(Locale.ROOT, "%-10s %8d %9.3f %9.3f %9.3f%n", name, a.length, a[a.length / 2] / 1e6,
                a[(int) Math.min(a.length - 1, Math.ceil(a.length * 0.99) - 1)] / 1e6, a[a.length - 1] / 1e6);
    }

    private static List<String> questions(Path file) throws Exception {
        if (file != null) {
            return EvalAnswers.read(file).stream().map(EvalAnswers.Question::text).toList();
        }
        Path heldOut = Path.of("answer-service/src/test/resources/eval/held-out-questions.tsv");
        if (Files.exists(heldOut)) {
            return EvalAnswers.read(heldOut).stream().map(EvalAnswers.Question::text).toList();
        }
        return List.of("Обязан ли учитель писать поурочные планы?", "КТП обязательный документ?",
                "Какие документы нужны для аттестации?", "Какая погода завтра?",
                "Нужно ли заполнять мониторинги от управления образования?", "Что умеет бот?",
                "Родители пишут в чат ночью, должен ли я отвечать?", "Рецепт борща");
    }

    /** Variations of the starter entries: each a distinct topic, with words dropped, shuffled and borrowed. */
    static List<KbEntry> generate(int size, Random rnd) {
        List<KbEntry> seed = StarterKb.entries();
        List<String> words = words();
        List<KbEntry> out = new ArrayList<>(size);
        out.addAll(seed);
        for (int i = seed.size(); i < size; i++) {
            KbEntry b = seed.get(i % seed.size());
            List<String> phrasings = new ArrayList<>();
            for (String p : b.phrasings()) {
                if (rnd.nextInt(3) > 0) {
                    phrasings.add(vary(p, words, rnd));
                }
            }
            // most variations stay under their topic (more answers to one topic), one in ten is a topic of its own
            String topic = rnd.nextInt(10) > 0 ? b.topic() : b.topic() + "-v" + i;
            out.add(new KbEntry("gen-" + i, topic, vary(b.question(), words, rnd), phrasings,
                    b.answer(), b.legalBasis(), b.audience(), KbEntry.Status.VERIFIED, 1));
        }
        return out;
    }

    /** Words of the starter phrasings, borrowed by the variations. */
    private static List<String> words() {
        List<String> words = new ArrayList<>();
        for (KbEntry e : StarterKb.entries()) {
            for (String p : e.phrasings()) {
                words.addAll(Arrays.asList(p.split("\\s+")));
            }
        }
        return words;
    }

    /** A verified variation of an entry under the given id (a new entry, or a new version of that id). */
    private static KbEntry variation(KbEntry b, String id, String topic, List<String> words, Random rnd) {
        List<String> phrasings = new ArrayList<>();
        for (String p : b.phrasings()) {
            if (rnd.nextInt(3) > 0) {
                phrasings.add(vary(p, words, rnd));
            }
        }
        return new KbEntry(id, topic, vary(b.question(), words, rnd), phrasings, vary(b.answer(), words, rnd),
                b.legalBasis(), b.audience(), KbEntry.Status.VERIFIED, b.version() + 1);
    }

    private static String vary(String text, List<String> words, Random rnd) {
        List<String> w = new ArrayList<>(Arrays.asList(text.split("\\s+")));
        if (w.size() > 3) {
            w.remove(rnd.nextInt(w.size()));
        }
        w.add(rnd.nextInt(w.size() + 1), words.get(rnd.nextInt(words.size())));
        w.add(rnd.nextInt(w.size() + 1), words.get(rnd.nextInt(words.size())));
        if (rnd.nextBoolean()) {
            int a = rnd.nextInt(w.size());
            int c = rnd.nextInt(w.size());
            String t = w.get(a);
            w.set(a, w.get(c));
            w.set(c, t);
        }
        return String.join(" ", w);
    }
}
