package ru.rosobr.assistant.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The figures of one rate: computed from the measured sends once their replies are in (or the grace is over). */
final class Result {

    final double rate;
    final double seconds;
    long offered;
    long accepted;
    final Map<Integer, Long> statuses = new TreeMap<>();
    long[] ackMillis;
    long[] latencyMillis;
    final Map<Load.Kind, long[]> latencyByKind = new EnumMap<>(Load.Kind.class);
    final Map<Load.Kind, Long> sentByKind = new EnumMap<>(Load.Kind.class);
    final Map<String, Long> unexpected = new TreeMap<>();
    long answeredInWindow;
    long lost;
    long duplicates;
    long substituted;
    long noTeacher;
    Procs.Usage usage;
    Map<String, Long> lag;
    Map<String, Long> queues;
    /** Stage → {p50, p95} ms of a new question's path (see {@link Backlog#stages}); empty when unknown. */
    Map<String, long[]> stages = Map.of();
    long botCalls;
    /** Per second of the window (and the drain after it): sent, accepted, answered, p50 and p99 by send second. */
    int[] sentPerSecond;
    int[] acceptedPerSecond;
    int[] answeredPerSecond;
    double[] p50BySecond;
    double[] p99BySecond;

    Result(double rate, double seconds) {
        this.rate = rate;
        this.seconds = seconds;
    }

    static Result of(Load.Step step, Load load) {
        double seconds = (step.measureTo - step.measureFrom) / 1e9;
        Result r = new Result(step.rate, seconds);
        List<Load.Sent> sent = new ArrayList<>(step.sent);
        r.offered = sent.size() + step.noTeacher.get();
        r.substituted = step.substituted.get();
        r.noTeacher = step.noTeacher.get();
        List<Long> acks = new ArrayList<>();
        List<Long> latencies = new ArrayList<>();
        Map<Load.Kind, List<Long>> byKind = new EnumMap<>(Load.Kind.class);
        long lastReply = step.measureTo;
        for (Load.Sent s : sent) {
            r.sentByKind.merge(s.kind, 1L, Long::sum);
            r.statuses.merge(s.status, 1L, Long::sum);
            if (s.ackNanos > 0) {
                acks.add((s.ackNanos - s.sentNanos) / 1_000_000);
            }
            if (!s.accepted()) {
                continue;
            }
            r.accepted++;
            if (s.replyNanos == 0) {
                r.lost++;
                continue;
            }
            long ms = (s.replyNanos - s.sentNanos) / 1_000_000;
            latencies.add(ms);
            byKind.computeIfAbsent(s.kind, k -> new ArrayList<>()).add(ms);
            if (s.replyNanos <= step.measureTo) {
                r.answeredInWindow++;
            }
            lastReply = Math.max(lastReply, s.replyNanos);
            if (s.reply != Load.Reply.expected(s.kind)) {
                r.unexpected.merge(s.kind + " → " + s.reply, 1L, Long::sum);
            }
        }
        r.ackMillis = sorted(acks);
        r.latencyMillis = sorted(latencies);
        byKind.forEach((k, v) -> r.latencyByKind.put(k, sorted(v)));
        r.duplicates = load.duplicates(step);

        int bins = (int) Math.ceil((lastReply - step.measureFrom) / 1e9) + 1;
        r.sentPerSecond = new int[bins];
        r.acceptedPerSecond = new int[bins];
        r.answeredPerSecond = new int[bins];
        List<List<Long>> bySecond = new ArrayList<>();
        for (int i = 0; i < bins; i++) {
            bySecond.add(new ArrayList<>());
        }
        for (Load.Sent s : sent) {
            int i = bin(s.sentNanos, step.measureFrom, bins);
            r.sentPerSecond[i]++;
            if (s.accepted()) {
                r.acceptedPerSecond[bin(s.ackNanos, step.measureFrom, bins)]++;
            }
            if (s.accepted() && s.replyNanos > 0) {
                r.answeredPerSecond[bin(s.replyNanos, step.measureFrom, bins)]++;
                bySecond.get(i).add((s.replyNanos - s.sentNanos) / 1_000_000);
            }
        }
        r.p50BySecond = new double[bins];
        r.p99BySecond = new double[bins];
        for (int i = 0; i < bins; i++) {
            long[] v = sorted(bySecond.get(i));
            r.p50BySecond[i] = v.length == 0 ? Double.NaN : percentile(v, 50);
            r.p99BySecond[i] = v.length == 0 ? Double.NaN : percentile(v, 99);
        }
        return r;
    }

    private static int bin(long nanos, long from, int bins) {
        return (int) Math.max(0, Math.min(bins - 1, (nanos - from) / 1_000_000_000L));
    }

    private static long[] sorted(List<Long> values) {
        long[] a = values.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(a);
        return a;
    }

    /** Nearest-rank percentile; -1 when there is nothing. */
    static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return -1;
        }
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    long latency(double p) {
        return percentile(latencyMillis, p);
    }

    long maxLatency() {
        return latencyMillis.length == 0 ? -1 : latencyMillis[latencyMillis.length - 1];
    }

    double acceptedPerSecond() {
        return accepted / seconds;
    }

    double answersPerSecond() {
        return answeredInWindow / seconds;
    }

    /** CPU of the stack under test: services, broker and the database's backends (% of one core). */
    double stackCpu() {
        return usage.cpuPercent().entrySet().stream()
                .filter(e -> !e.getKey().startsWith("драйвер") && !e.getKey().startsWith("фейковый")
                        && !e.getKey().startsWith("bench"))
                .mapToDouble(Map.Entry::getValue).sum();
    }
}
