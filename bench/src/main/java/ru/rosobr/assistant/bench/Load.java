package ru.rosobr.assistant.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaderNames;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

/**
 * The teachers, the open-loop driver and the correlation of each question with the bot's first message to that
 * teacher after it. One question in flight per teacher: a send takes a free teacher, the bot's reply frees it
 * again (into the pool its reply leaves it in: a routed appeal turns every later message into a follow-up).
 */
final class Load implements AutoCloseable {

    /** What the driver sends. */
    enum Kind {
        COVERED("вопрос из базы знаний"), UNCOVERED("вопрос вне базы (оператору)"), OFFTOPIC("не по теме"),
        FOLLOWUP("дополнение к переданному вопросу"), RATING("оценка ответа (кнопка)");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    /** What the bot answered, told by the texts of intake-service (MessengerTexts) and followup-service (Messages). */
    enum Reply {
        AI_ANSWER, ROUTED, DECLINE, FOLLOW_UP_ADDED, RATING_THANKS, GREETING, OTHER;

        static Reply of(String text, List<String> payloads) {
            if (payloads.stream().anyMatch(p -> p.startsWith("rate:"))
                    && payloads.stream().anyMatch(p -> p.startsWith("human:"))) {
                return AI_ANSWER;
            }
            if (text.startsWith("Здравствуйте! Я — помощник")) {
                return GREETING;
            }
            if (text.startsWith("Ваш вопрос передан")) {
                return ROUTED;
            }
            if (text.startsWith("Извините, на этот вопрос я ответить не смогу")) {
                return DECLINE;
            }
            if (text.startsWith("Дополнение добавлено")) {
                return FOLLOW_UP_ADDED;
            }
            if (text.startsWith("Спасибо за оценку")) {
                return RATING_THANKS;
            }
            return OTHER;
        }

        /** The reply each kind of message should get. */
        static Reply expected(Kind kind) {
            return switch (kind) {
                case COVERED -> AI_ANSWER;
                case UNCOVERED -> ROUTED;
                case OFFTOPIC -> DECLINE;
                case FOLLOWUP -> FOLLOW_UP_ADDED;
                case RATING -> RATING_THANKS;
            };
        }
    }

    static final class Teacher {
        final int index;
        final long userId;
        final AtomicReference<Sent> inFlight = new AtomicReference<>();
        /** Every bot message to this teacher and the send time of every message of theirs: for duplicates. */
        final ConcurrentLinkedQueue<FakeMax.Received> received = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<Long> sentAt = new ConcurrentLinkedQueue<>();

        Teacher(int index, long userId) {
            this.index = index;
            this.userId = userId;
        }
    }

    /** One webhook the driver sent. */
    static final class Sent {
        final Kind kind;
        final Teacher teacher;
        final String callbackId;
        final long sentNanos;
        final boolean measured;
        volatile long ackNanos;
        volatile int status;
        volatile long replyNanos;
        volatile Reply reply;
        /** The update's id as MAX gives it (body.mid or callback_id): intake keeps it, so a run can be audited. */
        volatile String mid;

        Sent(Kind kind, Teacher teacher, String callbackId, long sentNanos, boolean measured) {
            this.kind = kind;
            this.teacher = teacher;
            this.callbackId = callbackId;
            this.sentNanos = sentNanos;
            this.measured = measured;
        }

        boolean accepted() {
            return status >= 200 && status < 300;
        }
    }

    private record Rateable(Teacher teacher, String appealId) {
    }

    private final List<Teacher> teachers = new ArrayList<>();
    private final Map<Long, Teacher> byUser = new HashMap<>();
    private final ConcurrentLinkedQueue<Teacher> free = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Teacher> routed = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Rateable> rateable = new ConcurrentLinkedQueue<>();
    private final Map<String, Sent> callbacks = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> callbackAnswers = new ConcurrentHashMap<>();
    private final AtomicLong greetings = new AtomicLong();
    private final AtomicLong unsolicited = new AtomicLong();
    private final AtomicLong foreign = new AtomicLong();
    private final AtomicLong sequence = new AtomicLong();
    /** The first body of each refusal status: says who refused (the gateway's fallback, the service, …). */
    private final Map<Integer, String> refusals = new ConcurrentHashMap<>();

    private final List<String> webhookUrls;
    private final String secret;
    private final Map<Kind, List<String>> texts;
    private final double[] mix;
    private final long runId;
    private final HttpClient http;
    private final ConnectionProvider pool;
    private final LoopResources loop;
    private final SplittableRandom random = new SplittableRandom(42);
    /** When set, a refused webhook is sent again after this pause, as the platform does, until it is taken. */
    private volatile Duration retryRefused;
    /** Until this nano time retries keep going; after it a refusal is final (the run is over). */
    private volatile long retryUntil = Long.MAX_VALUE;
    private volatile boolean stopRequested;

    static final String THREAD_PREFIX = "driver";

    Load(List<String> gatewayUrls, String secret, Map<Kind, List<String>> texts, Map<Kind, Integer> mixPercent,
         long runId) {
        this.webhookUrls = gatewayUrls.stream().map(u -> u + "/webhooks/max").toList();
        this.secret = secret;
        this.texts = texts;
        this.runId = runId;
        this.mix = new double[Kind.values().length];
        double total = mixPercent.values().stream().mapToInt(Integer::intValue).sum();
        double acc = 0;
        for (Kind k : Kind.values()) {
            acc += mixPercent.getOrDefault(k, 0) / total;
            mix[k.ordinal()] = acc;
        }
        loop = LoopResources.create(THREAD_PREFIX, 2, true);
        // enough connections for thousands of webhooks in flight when the stack is slow to acknowledge
        pool = ConnectionProvider.builder("driver").maxConnections(2000).pendingAcquireMaxCount(-1)
                .pendingAcquireTimeout(Duration.ofSeconds(60)).build();
        http = HttpClient.create(pool).runOn(loop)
                .headers(h -> h.set(HttpHeaderNames.CONTENT_TYPE, "application/json")
                        .set("X-Max-Bot-Api-Secret", secret))
                .responseTimeout(Duration.ofSeconds(30));
    }

    /** Refused webhooks are sent again (same update, same id) every {@code pause}, as MAX redelivers them. */
    void retryRefused(Duration pause) {
        this.retryRefused = pause;
    }

    /** Stops retrying refused webhooks (the run is over: what is still refused counts as refused). */
    void stopRetrying() {
        this.retryUntil = System.nanoTime();
    }

    void addTeacher(long userId) {
        Teacher t = new Teacher(teachers.size(), userId);
        teachers.add(t);
        byUser.put(userId, t);
        free.add(t);
    }

    int teachers() {
        return teachers.size();
    }

    int freeTeachers() {
        return free.size();
    }

    long greetings() {
        return greetings.get();
    }

    long unsolicited() {
        return unsolicited.get();
    }

    Map<Integer, String> refusals() {
        return Map.copyOf(refusals);
    }

    // ---- the fake platform's side ----

    void onReceived(FakeMax.Received r) {
        if (r.callbackId() != null) {
            callbackAnswers.computeIfAbsent(r.callbackId(), id -> new AtomicLong()).incrementAndGet();
            Sent s = callbacks.remove(r.callbackId());
            if (s != null) {
                s.reply = Reply.of(r.text(), r.payloads());
                s.replyNanos = r.nanos();
            }
            return;
        }
        Teacher t = byUser.get(r.userId());
        if (t == null) {
            foreign.incrementAndGet();
            return;
        }
        t.received.add(r);
        Reply reply = Reply.of(r.text(), r.payloads());
        if (reply == Reply.GREETING) {
            // a teacher's first message gets the greeting before the answer: the answer is what is measured
            greetings.incrementAndGet();
            return;
        }
        Sent s = t.inFlight.get();
        if (s == null || !t.inFlight.compareAndSet(s, null)) {
            unsolicited.incrementAndGet();
            return;
        }
        s.reply = reply;
        s.replyNanos = r.nanos();
        release(t, reply, r.payloads());
    }

    private void release(Teacher t, Reply reply, List<String> payloads) {
        switch (reply) {
            case ROUTED, FOLLOW_UP_ADDED -> routed.add(t);
            case AI_ANSWER -> {
                payloads.stream().filter(p -> p.startsWith("rate:")).findFirst()
                        .ifPresent(p -> rateable.add(new Rateable(t, p.split(":")[1])));
                free.add(t);
            }
            default -> free.add(t);
        }
    }

    // ---- the driver ----

    /** Sends at {@code rate} per second for warmup + duration; returns the measured sends and counts. */
    Step run(double rate, Duration warmup, Duration duration) {
        Step step = new Step(rate, warmup, duration);
        long start = System.nanoTime();
        long measureFrom = start + warmup.toNanos();
        long end = measureFrom + duration.toNanos();
        step.measureFrom = measureFrom;
        step.measureTo = end;
        long issued = 0;
        long warmupSends = (long) (warmup.toNanos() / 1e9 * rate);
        long total = warmupSends + (long) (duration.toNanos() / 1e9 * rate);
        long now;
        // bounded: ends at the deadline; sends what is due, then sleeps a fraction of a millisecond. A send is
        // measured by its place in the schedule, so catching up after a stall does not move warm-up sends into
        // the window
        while (issued < total && (now = System.nanoTime()) < end + 1_000_000_000L && !stopRequested) {
            long due = Math.min(total, (long) ((now - start) / 1e9 * rate));
            while (issued < due) {
                issued++;
                send(step, issued > warmupSends);
            }
            LockSupport.parkNanos(200_000);
        }
        if (stopRequested) {
            step.measureTo = Math.min(end, System.nanoTime());
        }
        return step;
    }

    /** Ends a running {@link #run} at once (bin/chaos: the load lasts as long as its faults take). */
    void stop() {
        stopRequested = true;
    }

    private void send(Step step, boolean measured) {
        Kind wanted = pick();
        Kind kind = wanted;
        Teacher teacher = null;
        Rateable rate = null;
        if (kind == Kind.RATING) {
            rate = rateable.poll();
            if (rate == null) {
                kind = Kind.COVERED;
            }
        } else if (kind == Kind.FOLLOWUP) {
            teacher = routed.poll();
            if (teacher == null) {
                kind = Kind.COVERED;
            }
        }
        if (kind != wanted && measured) {
            step.substituted.incrementAndGet();
        }
        if (kind != Kind.RATING && teacher == null) {
            teacher = free.poll();
            if (teacher == null) {
                if (measured) {
                    step.noTeacher.incrementAndGet();
                }
                return;
            }
        }
        long seq = sequence.incrementAndGet();
        String mid = "bench." + runId + "." + seq;
        long nowMillis = System.currentTimeMillis();
        String body;
        Sent sent;
        if (kind == Kind.RATING) {
            // a callback's id is its update's id
            sent = new Sent(kind, rate.teacher(), mid, System.nanoTime(), measured);
            callbacks.put(mid, sent);
            body = "{\"update_type\":\"message_callback\",\"timestamp\":" + nowMillis + ",\"callback\":{\"timestamp\":"
                    + nowMillis + ",\"callback_id\":\"" + mid + "\",\"payload\":\"rate:" + rate.appealId() + ":"
                    + (1 + random.nextInt(5)) + "\",\"user\":" + user(rate.teacher()) + "},\"user_locale\":\"ru\"}";
        } else {
            List<String> options = texts.get(kind);
            String text = options.get(random.nextInt(options.size()));
            sent = new Sent(kind, teacher, null, System.nanoTime(), measured);
            teacher.inFlight.set(sent);
            teacher.sentAt.add(sent.sentNanos);
            body = "{\"update_type\":\"message_created\",\"timestamp\":" + nowMillis + ",\"message\":{\"sender\":"
                    + user(teacher) + ",\"recipient\":{\"chat_id\":" + teacher.userId
                    + ",\"chat_type\":\"dialog\",\"user_id\":1},\"timestamp\":" + nowMillis + ",\"body\":{\"mid\":\""
                    + mid + "\",\"seq\":" + seq + ",\"text\":" + quote(text) + "}},\"user_locale\":\"ru\"}";
        }
        if (measured) {
            step.sent.add(sent);
        }
        sent.mid = mid;
        post(sent, rate, body.getBytes(java.nio.charset.StandardCharsets.UTF_8), seq);
    }

    private void post(Sent s, Rateable r, byte[] bytes, long turn) {
        String url = webhookUrls.get((int) (turn % webhookUrls.size()));
        http.post().uri(url).send(ByteBufFlux.fromInbound(Mono.just(Unpooled.wrappedBuffer(bytes))))
                .responseSingle((res, content) -> content.asString().defaultIfEmpty("").map(text -> {
                    int code = res.status().code();
                    if (code < 200 || code >= 300) {
                        refusals.putIfAbsent(code, text.length() > 300 ? text.substring(0, 300) + "…" : text);
                    }
                    return code;
                }))
                .subscribe(code -> answered(s, code, r, bytes, turn), error -> {
                    refusals.putIfAbsent(-1, error.toString());
                    answered(s, -1, r, bytes, turn);
                });
    }

    /** A refusal is retried when the run says so (the next gateway in turn); otherwise it is final. */
    private void answered(Sent s, int status, Rateable r, byte[] bytes, long turn) {
        Duration pause = retryRefused;
        if ((status < 200 || status >= 300) && pause != null && System.nanoTime() < retryUntil) {
            Mono.delay(pause).subscribe(x -> post(s, r, bytes, turn + 1));
            return;
        }
        acknowledged(s, status, r);
    }

    private void acknowledged(Sent s, int status, Rateable rate) {
        s.ackNanos = System.nanoTime();
        s.status = status;
        if (status >= 200 && status < 300) {
            return;
        }
        // refused: nothing was stored, so nothing will come back; the teacher may ask again
        if (s.kind == Kind.RATING) {
            callbacks.remove(s.callbackId);
            rateable.add(rate);
        } else if (s.teacher.inFlight.compareAndSet(s, null)) {
            (s.kind == Kind.FOLLOWUP ? routed : free).add(s.teacher);
        }
    }

    private Kind pick() {
        double x = random.nextDouble();
        for (Kind k : Kind.values()) {
            if (x < mix[k.ordinal()]) {
                return k;
            }
        }
        return Kind.COVERED;
    }

    private static String user(Teacher t) {
        return "{\"user_id\":" + t.userId + ",\"first_name\":\"Педагог\",\"last_name\":\"№" + t.index
                + "\",\"is_bot\":false}";
    }

    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    /** Waits (bounded by {@code grace}) until every accepted measured send has its reply. */
    void awaitReplies(Step step, Duration grace) {
        long deadline = System.nanoTime() + grace.toNanos();
        while (System.nanoTime() < deadline) {
            boolean pending = step.sent.stream().anyMatch(s -> (s.status == 0 || s.accepted()) && s.replyNanos == 0);
            if (!pending) {
                return;
            }
            LockSupport.parkNanos(200_000_000);
        }
    }

    /** The same text delivered more than once between a teacher's message and their next one. */
    long duplicates(Step step) {
        long dup = 0;
        for (Sent s : step.sent) {
            if (s.kind == Kind.RATING) {
                AtomicLong n = callbackAnswers.get(s.callbackId);
                dup += n == null ? 0 : Math.max(0, n.get() - 1);
                continue;
            }
            long from = s.sentNanos;
            long to = s.teacher.sentAt.stream().filter(t -> t > from).min(Long::compare).orElse(Long.MAX_VALUE);
            Map<String, Integer> counts = new HashMap<>();
            for (FakeMax.Received r : s.teacher.received) {
                if (r.nanos() >= from && r.nanos() < to && Reply.of(r.text(), r.payloads()) != Reply.GREETING) {
                    counts.merge(r.text(), 1, Integer::sum);
                }
            }
            for (int n : counts.values()) {
                dup += Math.max(0, n - 1);
            }
        }
        return dup;
    }

    /** Sends of one rate, and what the driver could not send. */
    static final class Step {
        final double rate;
        final Duration warmup;
        final Duration duration;
        final ConcurrentLinkedQueue<Sent> sent = new ConcurrentLinkedQueue<>();
        final AtomicLong substituted = new AtomicLong();
        final AtomicLong noTeacher = new AtomicLong();
        long measureFrom;
        long measureTo;

        Step(double rate, Duration warmup, Duration duration) {
            this.rate = rate;
            this.warmup = warmup;
            this.duration = duration;
        }
    }

    @Override
    public void close() {
        pool.disposeLater().block(Duration.ofSeconds(10));
        loop.disposeLater().block(Duration.ofSeconds(10));
    }
}
