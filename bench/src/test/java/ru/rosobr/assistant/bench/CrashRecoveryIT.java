package ru.rosobr.assistant.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import ru.rosobr.assistant.devstack.DevStack;
import ru.rosobr.assistant.devstack.StackConfig;
import ru.rosobr.assistant.testkit.LocalPostgres;

/**
 * Crashes of the sending services, with a real {@code kill -9} of their JVMs: the whole stack runs from the jars
 * (its own broker, database and ports, so it never meets the stack of devstack's tests), MAX is {@link FakeMax},
 * which records every message the bot sends. A campaign whose followup-service and then intake-service are killed
 * mid-dispatch still reaches every teacher of its audience exactly once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrashRecoveryIT {

    private static final java.util.Random RANDOM = new java.util.Random();
    private static final java.util.Set<Integer> PICKED = ConcurrentHashMap.newKeySet();
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final Duration RESTART = Duration.ofSeconds(180);
    private static final String[] REGIONS = {"58", "33", "77", "16", "54", "25"};
    private static final int TEACHERS = 300;
    private static final int RATE = 30;
    /** Platform user ids of the campaign's audience; the teachers of another org type are the next range. */
    private static final long AUDIENCE_BASE = 7_100_000_000L;
    private static final long OUTSIDERS_BASE = 7_200_000_000L;
    private static final int OUTSIDERS = 30;
    private static final long ASKERS_BASE = 7_300_000_000L;
    /** A line of the bot's greeting (MessengerTexts.PRIVACY), which every first contact gets before the reply. */
    private static final String GREETING_MARK = "О персональных данных";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Queue<FakeMax.Received> received = new ConcurrentLinkedQueue<>();
    private final String secret = UUID.randomUUID().toString().replace("-", "");
    /** Runs on FakeMax's event loop after a message is recorded and before MAX's answer goes back. */
    private volatile java.util.function.Consumer<FakeMax.Received> onReceived;
    private long nano0;
    private java.time.Instant wall0;
    private FakeMax fake;
    private DevStack stack;
    private String gw;

    @BeforeAll
    void startStack() throws IOException {
        nano0 = System.nanoTime();
        wall0 = java.time.Instant.now();
        fake = new FakeMax(r -> {
            received.add(r);
            var h = onReceived;
            if (h != null) {
                h.accept(r);
            }
        }).keepingDialogs();
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (String service : StackConfig.SERVICES) {
            ports.put(service, freePort());
        }
        Map<String, String> env = new LinkedHashMap<>();
        env.put("MAX_API_BASE_URL", fake.baseUrl());
        env.put("MAX_BOT_TOKEN", "crash-test-token");
        env.put("MAX_WEBHOOK_SECRET", secret);
        env.put("MAX_POLLING", "false");
        env.put("ASSISTANT_CAMPAIGNS_MAX_RATE_PER_SECOND", String.valueOf(RATE));
        // quiet hours of both services out of the way: the test runs at any time of day
        env.put("ASSISTANT_CAMPAIGNS_DAY_FROM", "00:00");
        env.put("ASSISTANT_CAMPAIGNS_DAY_TO", "23:59");
        env.put("ASSISTANT_DELIVERY_QUIET_FROM", "00:00");
        env.put("ASSISTANT_DELIVERY_QUIET_TO", "23:59");
        // what the killed intake had claimed comes back after this lease, not after the default two minutes
        env.put("ASSISTANT_DELIVERY_LEASE", "10s");
        Path root = Path.of(System.getProperty("devstack.root", "..")).toAbsolutePath().normalize();
        StackConfig config = new StackConfig(root, Files.createTempDirectory("devstack-crash"),
                LocalPostgres.newDatabaseName("crash"), freePort(), freePort(), ports, null, freePort(), env);
        long t0 = System.nanoTime();
        stack = new DevStack(config).start(Duration.ofSeconds(Long.getLong("devstack.start-timeout", 240)));
        System.out.printf("[crash] stack UP in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        gw = stack.gatewayUrl();
    }

    @AfterAll
    void stopStack() {
        if (stack != null) {
            stack.stop();
        }
        if (fake != null) {
            fake.close();
        }
    }

    @Test
    void campaignReachesEveryTeacherOnceAcrossKillNineOfFollowupAndIntake() throws Exception {
        String admin = login("admin");
        String federal = login("federal");
        StringBuilder teachers = new StringBuilder("[");
        for (int i = 0; i < TEACHERS + OUTSIDERS; i++) {
            boolean outsider = i >= TEACHERS;
            long user = outsider ? OUTSIDERS_BASE + i : AUDIENCE_BASE + i;
            teachers.append(i == 0 ? "" : ",").append("{\"channel\":\"MAX\",\"platformUserId\":\"").append(user)
                    .append("\",\"fio\":\"Педагог ").append(i).append("\",\"region\":\"")
                    .append(REGIONS[i % REGIONS.length]).append("\",\"orgType\":\"")
                    .append(outsider ? "SPO" : "SCHOOL").append("\"}");
        }
        send("POST", "/api/admin/teachers", admin, teachers.append(']').toString(), 200);
        String audience = "{\"regions\":" + JSON.writeValueAsString(REGIONS) + ",\"orgTypes\":[\"SCHOOL\"]}";
        // the audience is followup's projection of intake's teacher.changed events
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                send("POST", "/api/campaigns/preview", federal, audience, 200).path("total").asLong() == TEACHERS);

        String text = "Проверка устойчивости рассылки " + UUID.randomUUID();
        JsonNode created = send("POST", "/api/campaigns", federal, "{\"title\":\"Рассылка под kill -9\",\"text\":"
                + JSON.writeValueAsString(text) + ",\"audience\":" + audience + ",\"ratePerSecond\":" + RATE + "}", 201);
        String campaign = "/api/campaigns/" + created.path("id").asString();
        long t0 = System.nanoTime();
        send("POST", campaign + "/start", federal, "", 200);

        // followup-service dies with part of the campaign handed to delivery and the rest still queued
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() ->
                send("GET", campaign, federal, null, 200).path("sent").asLong() >= TEACHERS / 5);
        stack.kill("followup-service", 0);
        long deliveredAtFirstKill = campaignMessages(text).size();
        stack.restart("followup-service", 0, RESTART);
        long sentAfterRestart = send("GET", campaign, federal, null, 200).path("sent").asLong();
        assertThat(sentAfterRestart).as("the first kill came mid-dispatch").isLessThan(TEACHERS);

        // intake-service dies the worst moment there is: the platform has just taken a campaign message, and its
        // answer never reaches intake — that message is in doubt
        long threshold = Math.max(deliveredAtFirstKill, sentAfterRestart) + TEACHERS / 5;
        java.util.concurrent.atomic.AtomicLong killedOn = new java.util.concurrent.atomic.AtomicLong();
        onReceived = r -> {
            if (text.equals(r.text()) && campaignMessages(text).size() >= threshold
                    && killedOn.compareAndSet(0, r.userId())) {
                stack.kill("intake-service", 0);
            }
        };
        await().atMost(Duration.ofSeconds(60)).until(() -> killedOn.get() != 0);
        onReceived = null;
        int deliveredAtSecondKill = campaignMessages(text).size();
        assertThat(deliveredAtSecondKill).as("the second kill came mid-dispatch").isLessThan(TEACHERS);
        stack.restart("intake-service", 0, RESTART);

        // DONE, and every outcome reported back: nothing is left that could still reach the platform
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(() -> {
            JsonNode c = send("GET", campaign, federal, null, 200);
            return c.path("status").asString().equals("DONE")
                    && c.path("delivered").asLong() + c.path("failed").asLong() == TEACHERS;
        });
        System.out.printf("[crash] campaign of %d DONE %.1f s after its start (kills at %d and %d delivered)%n",
                TEACHERS, (System.nanoTime() - t0) / 1e9, deliveredAtFirstKill, deliveredAtSecondKill);

        Map<Long, Integer> perTeacher = new ConcurrentHashMap<>();
        campaignMessages(text).forEach(r -> perTeacher.merge(r.userId(), 1, Integer::sum));
        Map<Long, java.util.Set<String>> inDoubt = inDoubt();
        List<Long> missing = new ArrayList<>();
        List<Long> twice = new ArrayList<>();
        for (int i = 0; i < TEACHERS; i++) {
            int n = perTeacher.getOrDefault(AUDIENCE_BASE + i, 0);
            if (n == 0) {
                missing.add(AUDIENCE_BASE + i);
            } else if (n > 1) {
                twice.add(AUDIENCE_BASE + i);
            }
        }
        long campaignInDoubt = inDoubt.values().stream().filter(k -> k.contains("CAMPAIGN")).count();
        System.out.printf("[crash] campaign messages in doubt after the kill (not sent again): %d, of them the "
                + "platform had got %d%n", campaignInDoubt, inDoubt.entrySet().stream()
                .filter(e -> e.getValue().contains("CAMPAIGN") && perTeacher.containsKey(e.getKey())).count());
        assertThat(twice).as("teachers who got the campaign more than once").isEmpty();
        assertThat(inDoubt.getOrDefault(killedOn.get(), java.util.Set.of()))
                .as("the message the platform took as intake died is in doubt, not sent again").contains("CAMPAIGN");
        assertThat(perTeacher.get(killedOn.get())).isEqualTo(1);
        // the only loss allowed: a message whose request was out when intake died, recorded as such
        assertThat(missing).as("teachers who never got the campaign, its delivery not in doubt")
                .allMatch(u -> inDoubt.getOrDefault(u, java.util.Set.of()).contains("CAMPAIGN"));
        assertThat(perTeacher.keySet()).as("only the audience got it")
                .allMatch(u -> u >= AUDIENCE_BASE && u < AUDIENCE_BASE + TEACHERS);
        printInDoubtWindow(text);

        JsonNode c = send("GET", campaign, federal, null, 200);
        assertThat(c.path("total").asLong()).isEqualTo(TEACHERS);
        assertThat(c.path("sent").asLong()).isEqualTo(TEACHERS);
        assertThat(c.path("failed").asLong()).as("failed: the deliveries in doubt").isEqualTo(campaignInDoubt);
        assertThat(c.path("delivered").asLong()).isEqualTo(TEACHERS - campaignInDoubt);
        assertThat(c.path("queued").asLong()).isZero();
        assertThat(c.path("held").asLong()).isZero();
    }

    /** Platform user → kinds of their deliveries that intake gave up as in doubt after a crash. */
    private Map<Long, java.util.Set<String>> inDoubt() throws Exception {
        Map<Long, java.util.Set<String>> out = new LinkedHashMap<>();
        try (var db = stack.postgres().connect(stack.config().database()); var st = db.createStatement();
             var rs = st.executeQuery("select t.platform_user_id, d.kind from intake.outbound_deliveries d "
                     + "join intake.teachers t using (teacher_id) where d.status = 'FAILED' "
                     + "and d.reason like 'неизвестно, дошло ли сообщение%'")) {
            while (rs.next()) {
                out.computeIfAbsent(Long.parseLong(rs.getString(1)), k -> new java.util.HashSet<>())
                        .add(rs.getString(2));
            }
        }
        return out;
    }

    @Test
    void everyAcceptedQuestionIsAnsweredOnceAcrossKillNineOfAnswerAndIntake() throws Exception {
        String admin = login("admin");
        int askers = 40;
        StringBuilder teachers = new StringBuilder("[");
        for (int i = 0; i < askers; i++) {
            teachers.append(i == 0 ? "" : ",").append("{\"channel\":\"MAX\",\"platformUserId\":\"")
                    .append(ASKERS_BASE + i).append("\",\"fio\":\"Спрашивающий ").append(i)
                    .append("\",\"region\":\"58\",\"orgType\":\"SCHOOL\"}");
        }
        send("POST", "/api/admin/teachers", admin, teachers.append(']').toString(), 200);
        List<String> mids = new ArrayList<>();
        for (int i = 0; i < askers; i++) {
            mids.add("crash." + UUID.randomUUID());
        }
        // answer-service dies with questions accepted and waiting for it on the broker
        for (int i = 0; i < 15; i++) {
            assertThat(webhook(ASKERS_BASE + i, mids.get(i))).isEqualTo(200);
        }
        stack.kill("answer-service", 0);
        for (int i = 15; i < 30; i++) {
            assertThat(webhook(ASKERS_BASE + i, mids.get(i))).isEqualTo(200);
        }
        // intake-service dies right after accepting questions (stored, not yet processed, or mid-processing)
        stack.kill("intake-service", 0);
        assertThat(webhook(ASKERS_BASE + 30, mids.get(30))).as("no intake, nothing accepted").isNotEqualTo(200);
        stack.restart("intake-service", 0, RESTART);
        stack.restart("answer-service", 0, RESTART);
        // the platform retries an update it got no 200 for; a retry of an accepted one changes nothing
        for (int i = 25; i < askers; i++) {
            assertThat(webhook(ASKERS_BASE + i, mids.get(i))).isEqualTo(200);
        }

        // a greeting and one reply per teacher, and nothing left anywhere that could still produce another
        Backlog backlog = new Backlog("127.0.0.1:" + stack.config().kafkaPort(), stack.postgres().host(),
                stack.postgres().port(), stack.config().database(), stack.postgres().user(),
                stack.postgres().password());
        // the askers wrote to the bot, so their dialogs are known: a message in doubt is looked up there (the fake
        // serves GET /messages) and is then either on record as delivered or sent once — none is given up
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> {
            Map<String, Long> lag = backlog.consumerLag();
            return repliesTo(ASKERS_BASE, askers).values().stream().allMatch(n -> n >= 1)
                    && lag != null && lag.values().stream().allMatch(n -> n == 0)
                    && backlog.queues().values().stream().allMatch(n -> n == 0);
        });
        assertThat(inDoubt().keySet()).as("askers whose bot messages were given up as in doubt")
                .noneMatch(u -> u >= ASKERS_BASE && u < ASKERS_BASE + askers);
        Map<Long, Long> replies = repliesTo(ASKERS_BASE, askers);
        assertThat(replies).as("teachers asked").hasSize(askers);
        replies.forEach((user, n) -> assertThat(n).as("replies (not the greeting) to teacher " + user).isEqualTo(1));
        for (int i = 0; i < askers; i++) {
            long user = ASKERS_BASE + i;
            long greetings = received.stream().filter(r -> r.userId() == user && r.text().contains(GREETING_MARK))
                    .count();
            assertThat(greetings).as("greetings to teacher " + user).isEqualTo(1);
        }
    }

    /** Messages other than the greeting, per platform user of {@code [base, base + n)}. */
    private Map<Long, Long> repliesTo(long base, int n) {
        Map<Long, Long> replies = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            replies.put(base + i, 0L);
        }
        received.stream().filter(r -> r.userId() >= base && r.userId() < base + n && !r.text().contains(GREETING_MARK))
                .forEach(r -> replies.merge(r.userId(), 1L, Long::sum));
        return replies;
    }

    /** A teacher's question as MAX delivers it (the same {@code mid} when the platform retries); the status. */
    private int webhook(long user, String mid) throws Exception {
        long now = System.currentTimeMillis();
        String body = "{\"update_type\":\"message_created\",\"timestamp\":" + now + ",\"message\":{\"sender\":"
                + "{\"user_id\":" + user + ",\"name\":\"Педагог\",\"is_bot\":false},\"recipient\":{\"chat_id\":"
                + user + ",\"chat_type\":\"dialog\",\"user_id\":1},\"timestamp\":" + now + ",\"body\":{\"mid\":\""
                + mid + "\",\"seq\":1,\"text\":\"Нужно ли учителю писать отчёт о каждом уроке? " + mid
                + "\"}},\"user_locale\":\"ru\"}";
        return http.send(HttpRequest.newBuilder(URI.create(gw + "/webhooks/max"))
                        .header("Content-Type", "application/json").header("X-Max-Bot-Api-Secret", secret)
                        .POST(HttpRequest.BodyPublishers.ofString(body)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    /**
     * How long after the platform took a message intake had its sending on record (delivered_at is taken after the
     * parts_sent update): a kill -9 of intake within this window makes the message be sent again after the lease,
     * since MAX takes no idempotency key. A figure for the report, not a check.
     */
    private void printInDoubtWindow(String text) throws Exception {
        Map<Long, java.time.Instant> platformTook = new ConcurrentHashMap<>();
        campaignMessages(text).forEach(r -> platformTook.putIfAbsent(r.userId(), wall0.plusNanos(r.nanos() - nano0)));
        List<Long> micros = new ArrayList<>();
        try (var db = stack.postgres().connect(stack.config().database()); var st = db.createStatement();
             var rs = st.executeQuery("select t.platform_user_id, d.delivered_at from intake.outbound_deliveries d "
                     + "join intake.teachers t using (teacher_id) where d.kind = 'CAMPAIGN' and d.delivered_at is not null")) {
            while (rs.next()) {
                java.time.Instant took = platformTook.get(Long.parseLong(rs.getString(1)));
                if (took != null) {
                    micros.add(Duration.between(took, rs.getTimestamp(2).toInstant()).toNanos() / 1000);
                }
            }
        }
        java.util.Collections.sort(micros);
        System.out.printf("[crash] platform took a message → intake had it on record: p50 %.1f ms, p99 %.1f ms, "
                        + "max %.1f ms (%d messages)%n", micros.get(micros.size() / 2) / 1e3,
                micros.get(micros.size() * 99 / 100) / 1e3, micros.getLast() / 1e3, micros.size());
    }

    private List<FakeMax.Received> campaignMessages(String text) {
        return received.stream().filter(r -> text.equals(r.text())).toList();
    }

    private String login(String user) throws Exception {
        return send("POST", "/api/auth/login", null, "{\"username\":\"" + user + "\",\"password\":\"demo\"}", 200)
                .path("accessToken").asString();
    }

    /** A request through the gateway; fails unless the status is the expected one. */
    private JsonNode send(String method, String path, String token, String json, int expected) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(gw + path)).timeout(Duration.ofSeconds(30))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(method + " " + path + ": " + r.body()).isEqualTo(expected);
        return r.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(r.body());
    }

    /**
     * A free port below the ephemeral range (32768 and up on Linux): a port "any free port" hands out can be taken
     * meanwhile by an outgoing connection or by another stack on this machine, which then answers our health checks.
     */
    private static int freePort() {
        while (true) {
            int port = 20_000 + RANDOM.nextInt(12_000);
            if (PICKED.add(port)) {
                try (ServerSocket s = new ServerSocket(port)) {
                    return s.getLocalPort();
                } catch (IOException e) {
                    // taken: try another
                }
            }
        }
    }
}
