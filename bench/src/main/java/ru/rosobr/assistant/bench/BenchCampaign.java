package ru.rosobr.assistant.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ru.rosobr.assistant.devstack.DevStack;
import ru.rosobr.assistant.devstack.StackConfig;
import ru.rosobr.assistant.platform.calendar.CampaignEta;
import ru.rosobr.assistant.platform.calendar.DaytimeWindow;
import ru.rosobr.assistant.platform.reference.Regions;

/**
 * bin/bench-campaign: starts the stack on free ports with a fake MAX platform, puts N synthetic teachers (1.5 million
 * by default) of all 89 regions into the registry of intake-service and the campaign audience of followup-service,
 * and runs one campaign to all of them: the time to enqueue it while it sends at the platform's real 30/s, and
 * followup-service's heap meanwhile; then the dispatch throughput to the fake platform with the rate lifted; the ETA
 * of the same campaign at 30 messages/s with quiet hours; the latency of teachers' questions (webhook → bot message)
 * before the campaign, during the enqueue and during the lifted dispatch; and whether anybody got it twice.
 * Prints the figures and writes target/bench/campaign-<time>.md.
 */
public final class BenchCampaign {

    private static final int ASKERS = 10;
    /** Platform user ids of the teachers who ask questions start here; the campaign's audience is below. */
    private static final long ASKER_IDS = 9_000_000_000L;
    /** The enqueue is measured at the platform's real rate, as a campaign runs in production. */
    private static final int REAL_RATE = 30;
    /** How long the delivery of what was handed over is watched after the pause. */
    private static final Duration DRAIN = Duration.ofSeconds(30);

    private final int teachers;
    private final Duration dispatch;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<Long, AtomicLong> perUser = new ConcurrentHashMap<>();
    private final AtomicLong fakeMessages = new AtomicLong();

    private BenchCampaign(int teachers, Duration dispatch) {
        this.teachers = teachers;
        this.dispatch = dispatch;
    }

    public static void main(String[] args) throws Exception {
        int teachers = 1_500_000;
        Duration dispatch = Duration.ofSeconds(60);
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--teachers" -> teachers = Integer.parseInt(args[++i].replace("_", ""));
                case "--dispatch" -> dispatch = Duration.parse("PT" + args[++i].toUpperCase());
                case "--help", "-h" -> {
                    System.out.println("bin/bench-campaign [--teachers 1500000] [--dispatch 60s]");
                    return;
                }
                default -> {
                    System.err.println("неизвестный параметр: " + args[i] + " (см. --help)");
                    System.exit(2);
                }
            }
        }
        System.exit(new BenchCampaign(teachers, dispatch).run());
    }

    private int run() throws Exception {
        Path root = Path.of(System.getProperty("devstack.root", ".")).toAbsolutePath().normalize();
        Map<String, String> notes = new LinkedHashMap<>();
        String secret = HexFormat.of().formatHex(UUID.randomUUID().toString().getBytes()).substring(0, 32);
        try (FakeMax fake = new FakeMax(this::received)) {
            Map<String, Integer> ports = new LinkedHashMap<>();
            for (String service : StackConfig.SERVICES) {
                ports.put(service, freePort());
            }
            Map<String, String> env = new LinkedHashMap<>();
            env.put("MAX_API_BASE_URL", fake.baseUrl());
            env.put("MAX_BOT_TOKEN", "bench-token");
            env.put("MAX_WEBHOOK_SECRET", secret);
            env.put("MAX_POLLING", "false");
            // limits lifted for the throughput figure (the report recomputes the real 30/s with quiet hours)
            env.put("ASSISTANT_MAX_RATE_LIMIT", "100000");
            env.put("ASSISTANT_CAMPAIGNS_MAX_RATE_PER_SECOND", "100000");
            env.put("ASSISTANT_DELIVERY_BULK_BATCH_SIZE", "200");
            env.put("ASSISTANT_DELIVERY_CONCURRENCY", "32");
            env.put("ASSISTANT_CAMPAIGNS_DAY_FROM", "00:00");
            env.put("ASSISTANT_CAMPAIGNS_DAY_TO", "23:59");
            // intake's own check of the teacher's daytime, lifted as well (else it holds the night regions' messages)
            env.put("ASSISTANT_DELIVERY_QUIET_FROM", "00:00");
            env.put("ASSISTANT_DELIVERY_QUIET_TO", "23:59");
            env.put("GATEWAY_RATE_PER_SECOND", "1000000");
            env.put("GATEWAY_RATE_BURST", "1000000");
            String database = "benchcampaign";
            StackConfig config = new StackConfig(root, root.resolve("target/bench/campaign-devstack"), database,
                    freePort(), freePort(), ports, null, freePort(), env, 1,
                    StackConfig.JvmProfile.SERVER);
            dropDatabase(database);
            try (DevStack stack = new DevStack(config)) {
                long t0 = System.nanoTime();
                stack.start(Duration.ofSeconds(900));
                System.out.printf("[bench] стенд поднят за %.1f с%n", (System.nanoTime() - t0) / 1e9);
                String gw = stack.gatewayUrl();
                var pg = stack.postgres();
                Properties p = new Properties();
                p.setProperty("user", pg.user());
                if (pg.password() != null) {
                    p.setProperty("password", pg.password());
                }
                try (Connection db = DriverManager.getConnection("jdbc:postgresql://" + pg.host() + ":" + pg.port()
                        + "/" + database, p)) {
                    db.setAutoCommit(true);
                    seed(db, notes);
                    String admin = login(gw, "admin");
                    String federal = login(gw, "federal");
                    List<Long> askers = askers(gw, admin, secret);
                    List<Long> before = ask(gw, secret, askers, 1);
                    notes.put("Вопрос педагога → сообщение бота, без рассылки", latency(before));

                    UUID id = create(gw, federal);
                    long tStart = System.nanoTime();
                    post(gw + "/api/campaigns/" + id + "/start", federal, "");
                    long followupPort = ports.get("followup-service");
                    long maxHeap = heapBytes(followupPort);
                    // the production case: the campaign at the platform's rate while its audience is copied
                    List<Long> copying = ask(gw, secret, askers, 2);
                    boolean stillCopying = !queryBool(db, "select enqueued from followup.campaigns where id = '"
                            + id + "'");
                    notes.put("Вопрос педагога → сообщение бота, во время постановки в очередь (рассылка идёт с "
                            + "частотой " + REAL_RATE + "/с)", latency(copying) + (stillCopying ? ""
                            : "; копирование закончилось раньше последнего вопроса"));
                    while (!queryBool(db, "select enqueued from followup.campaigns where id = '" + id + "'")) {
                        maxHeap = Math.max(maxHeap, heapBytes(followupPort));
                        if (System.nanoTime() - tStart > Duration.ofMinutes(30).toNanos()) {
                            throw new IllegalStateException("рассылка не поставлена в очередь за 30 минут");
                        }
                        Thread.sleep(500);
                    }
                    double enqueueSeconds = (System.nanoTime() - tStart) / 1e9;
                    maxHeap = Math.max(maxHeap, heapBytes(followupPort));
                    long heapMax = heapMaxBytes(followupPort);
                    long sentWhileCopying = queryLong(db, "select count(*) from followup.campaign_recipients "
                            + "where campaign_id = '" + id + "' and status <> 'QUEUED'");
                    notes.put("Постановка в очередь", String.format("%d получателей за %.1f с (%.0f в секунду), "
                                    + "куча followup-service не больше %d МиБ из %d МиБ (копирование идёт внутри "
                                    + "PostgreSQL порциями по 20 000 строк); тем временем рассылка шла с настоящей "
                                    + "частотой %d/с и передала в доставку %d сообщений", teachers, enqueueSeconds,
                            teachers / enqueueSeconds, maxHeap >> 20, heapMax >> 20, REAL_RATE, sentWhileCopying));
                    System.out.println("[bench] " + notes.get("Постановка в очередь"));

                    // the limit lifted for the throughput figure: no route changes a campaign's rate, so the bench
                    // sets it where the dispatcher reads it at every tick
                    try (Statement st = db.createStatement()) {
                        st.executeUpdate("update followup.campaigns set rate_per_second = 100000 where id = '" + id
                                + "'");
                    }

                    // dispatch with the limits lifted: count what the fake platform received in a window
                    long m0 = fakeMessages.get();
                    long s0 = queryLong(db, "select count(*) from followup.campaign_recipients where campaign_id = '"
                            + id + "' and status <> 'QUEUED'");
                    long w0 = System.nanoTime();
                    List<Long> during = ask(gw, secret, askers, 2);
                    long left = dispatch.toNanos() - (System.nanoTime() - w0);
                    if (left > 0) {
                        Thread.sleep(left / 1_000_000);
                    }
                    double window = (System.nanoTime() - w0) / 1e9;
                    long m1 = fakeMessages.get();
                    long s1 = queryLong(db, "select count(*) from followup.campaign_recipients where campaign_id = '"
                            + id + "' and status <> 'QUEUED'");
                    post(gw + "/api/campaigns/" + id + "/pause", federal, "");
                    notes.put("Отправка без ограничения частоты", String.format("%.0f сообщений в секунду до фейковой "
                                    + "платформы MAX за %.0f с (followup передал в доставку %.0f в секунду); всего "
                                    + "отправлено %d из %d", (m1 - m0) / window, window, (s1 - s0) / window, s1,
                            teachers));
                    notes.put("Вопрос педагога → сообщение бота, во время рассылки", latency(during));
                    System.out.println("[bench] " + notes.get("Отправка без ограничения частоты"));

                    // paused, followup hands nothing over: what intake still sends is its delivery path's own pace
                    long d0 = fakeMessages.get();
                    long dt0 = System.nanoTime();
                    Thread.sleep(DRAIN.toMillis());
                    double drainWindow = (System.nanoTime() - dt0) / 1e9;
                    notes.put("Доставка intake-service без новых сообщений (рассылка на паузе)", String.format("%.0f "
                                    + "сообщений в секунду до фейковой платформы MAX за %.0f с",
                            (fakeMessages.get() - d0) / drainWindow, drainWindow));
                    System.out.println("[bench] " + notes.get("Доставка intake-service без новых сообщений (рассылка "
                            + "на паузе)"));
                    long twice = perUser.entrySet().stream()
                            .filter(e -> e.getKey() < ASKER_IDS && e.getValue().get() > 1).count();
                    long reached = perUser.keySet().stream().filter(u -> u < ASKER_IDS).count();
                    notes.put("Дубли", String.format("%d педагогов получили рассылку дважды (из %d, до кого она "
                            + "дошла)", twice, reached));
                    System.out.println("[bench] " + notes.get("Дубли"));

                    Map<String, Long> perRegion = new LinkedHashMap<>();
                    try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(
                            "select region, total from followup.campaign_regions where campaign_id = '" + id + "'")) {
                        while (rs.next()) {
                            perRegion.put(rs.getString(1), rs.getLong(2));
                        }
                    }
                    // a Monday 09:00 in Moscow: the whole campaign at the real 30/s, region by region in daytime
                    Instant monday = LocalDateTime.parse("2026-01-19T09:00").toInstant(ZoneOffset.ofHours(3));
                    Instant end = CampaignEta.finish(monday, perRegion, 30, DaytimeWindow.STANDARD);
                    Duration d = Duration.between(monday, end);
                    notes.put("Срок при 30 сообщениях в секунду с тихими часами", String.format("начало в понедельник "
                                    + "19.01.2026 09:00 МСК → последнее сообщение %s UTC, через %d ч %02d мин "
                                    + "(без тихих часов было бы %.1f ч)", end, d.toHours(), d.toMinutesPart(),
                            teachers / 30.0 / 3600));
                    System.out.println("[bench] " + notes.get("Срок при 30 сообщениях в секунду с тихими часами"));
                }
            }
        }
        Path out = root.resolve("target").resolve("bench");
        Files.createDirectories(out);
        Path file = out.resolve("campaign-" + System.currentTimeMillis() / 1000 + ".md");
        StringBuilder md = new StringBuilder("# bin/bench-campaign\n\n| что | результат |\n|---|---|\n");
        notes.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        Files.writeString(file, md);
        System.out.println(md);
        System.out.println("[bench] отчёт: " + file);
        return 0;
    }

    private void received(FakeMax.Received r) {
        fakeMessages.incrementAndGet();
        perUser.computeIfAbsent(r.userId(), k -> new AtomicLong()).incrementAndGet();
    }

    /** Synthetic teachers of all 89 regions, school / СПО / ДОО, in both services' tables at once. */
    private void seed(Connection db, Map<String, String> notes) throws Exception {
        String codes = String.join(",", Regions.all().stream().map(r -> "'" + r.code() + "'").toList());
        long t0 = System.nanoTime();
        try (Statement st = db.createStatement()) {
            st.execute("insert into intake.teachers (teacher_id, channel, platform_user_id, fio, region, org_type, "
                    + "verified) select 'bench-' || g, 'MAX', (5000000000 + g)::text, 'Педагог ' || g, "
                    + "(array[" + codes + "])[1 + g % 89], (array['SCHOOL','SCHOOL','SCHOOL','SPO','DOO'])[1 + g % 5], "
                    + "true from generate_series(1, " + teachers + ") g");
            st.execute("insert into followup.audience (teacher_id, channel, region, org_type, verified, changed_at) "
                    + "select teacher_id, channel, region, org_type, true, now() from intake.teachers "
                    + "where teacher_id like 'bench-%'");
            st.execute("analyze intake.teachers");
            st.execute("analyze followup.audience");
        }
        notes.put("Синтетические педагоги", String.format("%d в 89 регионах (школы 60 %%, СПО 20 %%, ДОО 20 %%), "
                + "записаны прямо в таблицы intake.teachers и followup.audience за %.1f с", teachers,
                (System.nanoTime() - t0) / 1e9));
        System.out.println("[bench] " + notes.get("Синтетические педагоги"));
    }

    /** Teachers who ask questions through the MAX webhook; greeted first, so a measured reply is an answer. */
    private List<Long> askers(String gw, String adminToken, String secret) throws Exception {
        List<Long> users = new ArrayList<>();
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < ASKERS; i++) {
            long user = ASKER_IDS + i;
            users.add(user);
            json.append(i == 0 ? "" : ",").append("{\"channel\":\"MAX\",\"platformUserId\":\"").append(user)
                    .append("\",\"fio\":\"Спрашивающий ").append(i).append("\",\"region\":\"58\",\"orgType\":\"SCHOOL\"}");
        }
        post(gw + "/api/admin/teachers", adminToken, json.append(']').toString());
        ask(gw, secret, users, 1);
        return users;
    }

    /** Each teacher asks {@code rounds} questions, one at a time; the latencies in milliseconds. */
    private List<Long> ask(String gw, String secret, List<Long> users, int rounds) throws Exception {
        List<Long> latencies = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            for (long user : users) {
                long before = perUser.computeIfAbsent(user, k -> new AtomicLong()).get();
                long now = System.currentTimeMillis();
                String mid = "bench." + UUID.randomUUID();
                String body = "{\"update_type\":\"message_created\",\"timestamp\":" + now + ",\"message\":{\"sender\":"
                        + "{\"user_id\":" + user + ",\"name\":\"Педагог\",\"is_bot\":false},\"recipient\":{\"chat_id\":"
                        + user + ",\"chat_type\":\"dialog\",\"user_id\":1},\"timestamp\":" + now + ",\"body\":{\"mid\":\""
                        + mid + "\",\"seq\":1,\"text\":\"Нужно ли учителю писать отчёт о каждом уроке? " + mid
                        + "\"}},\"user_locale\":\"ru\"}";
                long t0 = System.nanoTime();
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(gw + "/webhooks/max"))
                        .header("Content-Type", "application/json").header("X-Max-Bot-Api-Secret", secret)
                        .POST(HttpRequest.BodyPublishers.ofString(body)).timeout(Duration.ofSeconds(20)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200) {
                    throw new IllegalStateException("вебхук: " + r.statusCode() + " " + r.body());
                }
                while (perUser.get(user).get() <= before) {
                    if (System.nanoTime() - t0 > Duration.ofSeconds(60).toNanos()) {
                        throw new IllegalStateException("нет ответа педагогу " + user + " за 60 с");
                    }
                    Thread.sleep(5);
                }
                latencies.add((System.nanoTime() - t0) / 1_000_000);
            }
        }
        return latencies;
    }

    private static String latency(List<Long> ms) {
        List<Long> sorted = new ArrayList<>(ms);
        Collections.sort(sorted);
        return String.format("%d вопросов: p50 %d мс, максимум %d мс", sorted.size(), sorted.get(sorted.size() / 2),
                sorted.getLast());
    }

    private UUID create(String gw, String token) throws Exception {
        String body = post(gw + "/api/campaigns", token, "{\"title\":\"Опрос о документационной нагрузке\","
                + "\"text\":\"Уважаемые коллеги! Просим ответить на вопросы о документационной нагрузке.\","
                + "\"audience\":{\"regions\":[],\"orgTypes\":[]},\"ratePerSecond\":" + REAL_RATE + "}");
        Matcher m = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"").matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("рассылка не создана: " + body);
        }
        return UUID.fromString(m.group(1));
    }

    private String login(String gw, String user) throws Exception {
        String body = post(gw + "/api/auth/login", null, "{\"username\":\"" + user + "\",\"password\":\"demo\"}");
        Matcher token = Pattern.compile("\"accessToken\"\\s*:\\s*\"([^\"]+)\"").matcher(body);
        if (!token.find()) {
            throw new IllegalStateException("вход " + user + " не удался: " + body);
        }
        return token.group(1);
    }

    private String post(String url, String token, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).timeout(Duration.ofSeconds(120));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException(url + ": " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    private long heapBytes(long port) {
        return prometheusSum(port, "jvm_memory_used_bytes{", "area=\"heap\"");
    }

    private long heapMaxBytes(long port) {
        return prometheusSum(port, "jvm_memory_max_bytes{", "area=\"heap\"");
    }

    /** The sum of a metric's series that carry the label (labels come in any order: application is first). */
    private long prometheusSum(long port, String prefix, String label) {
        try {
            String text = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                            + "/actuator/prometheus")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            double sum = 0;
            for (String line : text.split("\n")) {
                if (line.startsWith(prefix) && line.substring(0, line.indexOf('}') + 1).contains(label)) {
                    double v = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                    sum += Math.max(0, v);
                }
            }
            return (long) sum;
        } catch (Exception e) {
            return 0;
        }
    }

    private static boolean queryBool(Connection db, String sql) throws Exception {
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    private static long queryLong(Connection db, String sql) throws Exception {
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    private static void dropDatabase(String database) {
        ru.rosobr.assistant.testkit.LocalPostgres.findRunning().ifPresent(pg -> {
            try (var c = pg.connect("postgres"); var st = c.createStatement()) {
                st.execute("drop database if exists \"" + database + "\" with (force)");
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("не удалось удалить базу " + database + ": " + e.getMessage(), e);
            }
        });
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
