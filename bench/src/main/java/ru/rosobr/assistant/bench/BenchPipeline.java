package ru.rosobr.assistant.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ru.rosobr.assistant.devstack.DevStack;
import ru.rosobr.assistant.devstack.StackConfig;

/**
 * bin/bench-pipeline: starts the stack (or drives a running one), registers teachers, offers MAX webhooks at a
 * fixed rate per second (open loop) and measures how long each question takes to its first bot message on a fake
 * MAX platform; prints the figures and writes a Markdown report with a chart under target/bench/.
 */
public final class BenchPipeline {

    /** The real MAX platform lets a bot make this many requests per second; the fake does not limit. */
    static final int REAL_MAX_LIMIT = 30;
    /** Regions the teachers are spread over (codes of reference/regions.csv). */
    static final List<String> REGIONS = List.of("58", "33", "77", "78", "50", "16", "66", "54", "23", "02");
    private static final int IMPORT_CHUNK = 2000;

    private final Options options;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private BenchPipeline(Options options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        System.exit(new BenchPipeline(options).run());
    }

    private int run() throws Exception {
        Path root = Path.of(System.getProperty("devstack.root", ".")).toAbsolutePath().normalize();
        long runId = System.currentTimeMillis() / 1000;
        AtomicReference<Load> load = new AtomicReference<>();
        FakeMax fake = options.fakePort() == 0 ? new FakeMax(r -> deliver(load, r))
                : new FakeMax(r -> deliver(load, r), options.fakePort());
        DevStack stack = null;
        Map<String, String> notes = new LinkedHashMap<>();
        try {
            List<String> gateways;
            String secret;
            Backlog backlog;
            java.util.function.Supplier<Map<String, List<Long>>> pids;
            List<String> answerUrls = new ArrayList<>();
            if (options.url() == null) {
                secret = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
                StackConfig base = StackConfig.fromEnvironment(root);
                Map<String, String> env = new LinkedHashMap<>(base.extraEnv());
                env.put("MAX_API_BASE_URL", fake.baseUrl());
                env.put("MAX_BOT_TOKEN", "bench-token");
                env.put("MAX_WEBHOOK_SECRET", secret);
                env.remove("MAX_WEBHOOK_URL");
                env.put("MAX_POLLING", "false");
                // the platform's 30 requests/s per bot is not the pipeline's: lifted for the fake, stated in the report
                env.put("ASSISTANT_MAX_RATE_LIMIT", "100000");
                // the gateway limits per remote address, and every webhook here comes from 127.0.0.1
                env.put("GATEWAY_RATE_PER_SECOND", "1000000");
                env.put("GATEWAY_RATE_BURST", "1000000");
                StackConfig config = new StackConfig(base.root(), base.dataDir(), base.database(), base.kafkaPort(),
                        base.controllerPort(), base.ports(), base.jwtSigningKey(), base.embeddedPgPort(), env,
                        options.replicas(), options.jvm() == null ? StackConfig.JvmProfile.SERVER
                                : parseJvm(options.jvm()));
                freshData(config);
                DevStack started = new DevStack(config);
                stack = started;
                Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "bench-stop"));
                long t0 = System.nanoTime();
                started.start(Duration.ofSeconds(300));
                double startSeconds = (System.nanoTime() - t0) / 1e9;
                long rss = started.residentMemoryMiB();
                notes.put("Запуск стенда", String.format("%.1f с до UP всех сервисов, RSS стенда (сервисы и брокер) "
                        + "после запуска %d МиБ, JVM-профиль %s, экземпляров каждого сервиса %d", startSeconds, rss,
                        config.jvm(), config.replicas()));
                System.out.printf("[bench] стенд поднят за %.1f с, RSS %d МиБ%n", startSeconds, rss);
                gateways = new ArrayList<>();
                for (int i = 0; i < config.replicas(); i++) {
                    gateways.add("http://127.0.0.1:" + config.port("gateway", i));
                    answerUrls.add("http://127.0.0.1:" + config.port("answer-service", i));
                }
                backlog = new Backlog("127.0.0.1:" + config.kafkaPort(), started.postgres().host(),
                        started.postgres().port(), config.database(), started.postgres().user(),
                        started.postgres().password());
                Backlog b = backlog;
                pids = () -> groups(started.pids(), b, config.database());
            } else {
                secret = options.secret();
                gateways = List.of(options.url().split(","));
                int gatewayPort = URI.create(gateways.get(0)).getPort();
                String kafka = options.kafka() != null ? options.kafka()
                        : "127.0.0.1:" + System.getenv().getOrDefault("KAFKA_PORT", "9092");
                int kafkaPort = Integer.parseInt(kafka.substring(kafka.lastIndexOf(':') + 1));
                String database = System.getenv().getOrDefault("PGDATABASE", "rosobr");
                backlog = new Backlog(kafka, System.getenv().getOrDefault("PGHOST", "127.0.0.1"),
                        Integer.parseInt(System.getenv().getOrDefault("PGPORT", "5432")), database,
                        System.getenv().getOrDefault("PGUSER", "postgres"), System.getenv("PGPASSWORD"));
                Backlog b = backlog;
                pids = () -> {
                    Map<String, Long> flat = new LinkedHashMap<>();
                    Procs.findStack(gatewayPort, kafkaPort).forEach((name, list) -> {
                        for (int i = 0; i < list.size(); i++) {
                            flat.put(i == 0 ? name : name + "-" + i, list.get(i));
                        }
                    });
                    return groups(flat, b, database);
                };
            }
            notes.put("Платформа MAX", "фейковая, " + fake.baseUrl() + "; ограничение бота assistant.max.rate-limit "
                    + "поднято до 100000/с (ASSISTANT_MAX_RATE_LIMIT) — настоящая платформа пропускает "
                    + REAL_MAX_LIMIT + " запросов/с на бота");
            notes.put("Шлюз", "ограничение частоты с одного адреса поднято (GATEWAY_RATE_PER_SECOND, "
                    + "GATEWAY_RATE_BURST = 1000000): все вебхуки приходят с 127.0.0.1; вебхуки распределяются по "
                    + gateways.size() + " адресам шлюза");

            String gw = gateways.get(0);
            Map<Load.Kind, List<String>> texts = checkedQuestions(gw);
            int teachers = teachersNeeded();
            Load l = new Load(gateways, secret, texts, options.mix(), runId);
            register(gw, l, teachers, runId);
            load.set(l);
            notes.put("Педагоги", teachers + " (канал MAX, регионы " + String.join(", ", REGIONS)
                    + "; по одному вопросу в полёте на педагога)");

            if (options.chaos()) {
                return chaos(stack, fake, l, backlog, root, notes, runId);
            }
            Procs procs = new Procs(pids);
            List<Result> results = new ArrayList<>();
            for (double rate : options.rates()) {
                System.out.printf("[bench] %.0f/с: разогрев %d с, замер %d с…%n", rate, options.warmup().toSeconds(),
                        options.duration().toSeconds());
                Procs.Snapshot[] before = new Procs.Snapshot[1];
                Thread sampler = Thread.ofVirtual().unstarted(() -> {
                    try {
                        Thread.sleep(options.warmup());
                        before[0] = procs.snapshot();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
                sampler.start();
                long callsBefore = fake.messages() + fake.answers();
                // the first step publishes a knowledge-base entry half-way through and times its arrival on
                // every answer-service replica (own stack only: the replicas' addresses are known)
                Thread kb = null;
                AtomicReference<String> kbOutcome = new AtomicReference<>();
                if (results.isEmpty() && !answerUrls.isEmpty()) {
                    kb = Thread.ofVirtual().start(() -> {
                        try {
                            Thread.sleep(options.warmup().plus(options.duration().dividedBy(2)));
                            List<KbCheck.Replica> replicas = new KbCheck().run(gw, answerUrls, runId);
                            kbOutcome.set(KbCheck.describe(replicas));
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        } catch (Exception e) {
                            kbOutcome.set("проверка не удалась: " + e.getMessage());
                        }
                    });
                }
                Instant stepStart = Instant.now();
                Load.Step step = l.run(rate, options.warmup(), options.duration());
                if (kb != null) {
                    kb.join();
                    notes.put("Публикация в базу знаний во время нагрузки",
                            "от ответа на verify до первого совпадения на каждой реплике answer-service: "
                                    + kbOutcome.get());
                    System.out.println("[bench] запись базы знаний, опубликованная во время замера: "
                            + kbOutcome.get());
                }
                Procs.Snapshot after = procs.snapshot();
                sampler.join();
                long botCalls = fake.messages() + fake.answers() - callsBefore;
                l.awaitReplies(step, options.grace());
                Result r = Result.of(step, l);
                r.usage = Procs.between(before[0], after);
                r.botCalls = botCalls;
                r.lag = backlog.consumerLag();
                r.queues = backlog.queues();
                r.stages = backlog.stages(stepStart);
                results.add(r);
                Report.printStep(r);
            }
            Report.printSweep(results);
            l.refusals().forEach((code, body) -> System.out.println("[bench] пример отказа " + code + ": " + body));
            Path out = Report.write(root.resolve("target").resolve("bench"), options, notes, results, l);
            System.out.println("[bench] отчёт: " + out);
            return 0;
        } finally {
            if (load.get() != null) {
                load.get().close();
            }
            if (stack != null) {
                stack.stop();
            }
            fake.close();
        }
    }

    /**
     * bin/chaos: one steady load for as long as the faults take, refused webhooks sent again as the platform does,
     * then the wait for every answer and the audit of the databases.
     */
    private int chaos(DevStack stack, FakeMax fake, Load l, Backlog backlog, Path root, Map<String, String> notes,
                      long runId) throws Exception {
        // a part left in doubt by a killed intake is looked up in the dialogue
        fake.keepingDialogs();
        l.retryRefused(Duration.ofSeconds(1));
        Chaos chaos = new Chaos(stack, fake, options);
        AtomicReference<List<Chaos.Outcome>> outcomes = new AtomicReference<>(List.of());
        Thread faulter = Thread.ofVirtual().start(() -> {
            try {
                outcomes.set(chaos.run());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                l.stop();
            }
        });
        System.out.printf("[chaos] нагрузка %.0f/с, сбоев %d, между ними %d с…%n", options.rates().getFirst(),
                options.faults().size(), options.faultGap().toSeconds());
        Load.Step step = l.run(options.rates().getFirst(), Duration.ZERO, Duration.ofHours(12));
        faulter.join();
        System.out.printf("[chaos] нагрузка окончена (%.0f с), жду ответов до %d с…%n",
                chaos.seconds(System.nanoTime()), options.grace().toSeconds());
        l.awaitReplies(step, options.grace());
        l.stopRetrying();
        Result r = Result.of(step, l);
        Chaos.Audit audit = Chaos.audit(stack.postgres(), stack.config().database(), step, runId);
        Map<String, Long> lag = backlog.consumerLag();
        Map<String, Long> queues = backlog.queues();
        List<String> rows = chaos.recovery(outcomes.get(), step);
        System.out.println();
        System.out.println(Chaos.TABLE_HEAD);
        rows.forEach(System.out::println);
        System.out.println();
        System.out.print(Chaos.summary(r, audit, lag, queues));
        Path out = Chaos.write(root.resolve("target").resolve("bench"), options, notes, rows, r, audit, lag, queues);
        System.out.println("[chaos] отчёт: " + out);
        return r.lost == 0 && r.duplicates == 0 && audit.exact() ? 0 : 1;
    }

    private static void deliver(AtomicReference<Load> load, FakeMax.Received r) {
        Load l = load.get();
        if (l != null) {
            l.onReceived(r);
        }
    }

    private static StackConfig.JvmProfile parseJvm(String v) {
        return v.equalsIgnoreCase("fast-start") ? StackConfig.JvmProfile.FAST_START : StackConfig.JvmProfile.SERVER;
    }

    /** The stack's processes, the database's backends, and this JVM. */
    private static Map<String, List<Long>> groups(Map<String, Long> stack, Backlog backlog, String database) {
        Map<String, List<Long>> groups = new LinkedHashMap<>();
        stack.forEach((name, pid) -> groups.put(name, List.of(pid)));
        groups.put("postgres (бэкенды базы " + database + ", PSS)", backlog.backendPids());
        groups.put("bench-pipeline (вся JVM: драйвер и фейковый MAX)", List.of(ProcessHandle.current().pid()));
        return groups;
    }

    /**
     * Enough teachers that each send finds a free one: a routed question keeps its teacher for follow-ups only,
     * and a slow stack holds many in flight (here: up to 30 s of the highest rate).
     */
    private int teachersNeeded() {
        // bin/chaos: the load lasts as long as its faults take (a restart up to a minute, the outage as set)
        double seconds = options.chaos()
                ? options.warmup().toSeconds() + options.faults().size() * (options.faultGap().toSeconds() + 60.0)
                        + options.outage().toSeconds()
                : options.warmup().plus(options.duration()).toSeconds();
        double routedShare = options.mix().get(Load.Kind.UNCOVERED)
                / (double) options.mix().values().stream().mapToInt(Integer::intValue).sum();
        double routed = options.rates().stream().mapToDouble(r -> r * seconds * routedShare).sum();
        double inFlight = options.rates().stream().mapToDouble(Double::doubleValue).max().orElse(0) * 30;
        int needed = (int) Math.ceil(routed + inFlight + 500);
        if (needed > options.teachers()) {
            System.out.printf("[bench] педагогов %d мало для этой нагрузки — регистрирую %d%n", options.teachers(),
                    needed);
            return needed;
        }
        return options.teachers();
    }

    // ---- set-up through the gateway ----

    /** Keeps only the phrasings whose preview decision fits their kind: the mix then is what it says. */
    private Map<Load.Kind, List<String>> checkedQuestions(String gateway) throws Exception {
        Map<Load.Kind, List<String>> kept = new EnumMap<>(Load.Kind.class);
        int checked = 0;
        try (var in = BenchPipeline.class.getResourceAsStream("/questions.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", 2);
                Load.Kind kind = Load.Kind.valueOf(f[0]);
                String text = f[1].strip();
                if (kind != Load.Kind.FOLLOWUP) {
                    checked++;
                    String decision = decision(gateway, text);
                    boolean fits = switch (kind) {
                        case COVERED -> decision.equals("MATCHED");
                        case UNCOVERED -> decision.equals("UNMATCHED");
                        case OFFTOPIC -> decision.equals("OFF_TOPIC");
                        default -> false;
                    };
                    if (!fits) {
                        continue;
                    }
                }
                kept.computeIfAbsent(kind, k -> new ArrayList<>()).add(text);
            }
        }
        for (Load.Kind k : List.of(Load.Kind.COVERED, Load.Kind.UNCOVERED, Load.Kind.OFFTOPIC, Load.Kind.FOLLOWUP)) {
            if (kept.getOrDefault(k, List.of()).isEmpty()) {
                throw new IllegalStateException("ни одна формулировка вида " + k + " не подтвердилась предпросмотром");
            }
        }
        System.out.printf("[bench] формулировки после проверки предпросмотром (%d проверено): из базы %d, вне базы %d, "
                        + "не по теме %d, дополнений %d%n", checked, kept.get(Load.Kind.COVERED).size(),
                kept.get(Load.Kind.UNCOVERED).size(), kept.get(Load.Kind.OFFTOPIC).size(),
                kept.get(Load.Kind.FOLLOWUP).size());
        return kept;
    }

    private String decision(String gateway, String text) throws Exception {
        // right after start the gateway may still answer 503 for a moment: a few bounded retries
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(gateway + "/api/answers/preview"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"text\":" + Load.quote(text)
                            + ",\"orgType\":\"SCHOOL\"}"))
                    .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 200) {
                Matcher m = Pattern.compile("\"decision\"\\s*:\\s*\"([A-Z_]+)\"").matcher(r.body());
                return m.find() ? m.group(1) : "";
            }
            if (attempt >= 20) {
                throw new IllegalStateException("предпросмотр ответил " + r.statusCode() + ": " + r.body()
                        + (options.replicas() > 1 ? " (с --replicas шлюз должен уметь список адресов в ANSWER_URL "
                        + "и других *_URL через запятую)" : ""));
            }
            Thread.sleep(1000);
        }
    }

    private void register(String gateway, Load load, int count, long runId) throws Exception {
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(gateway + "/api/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"admin\",\"password\":\"demo\"}"))
                .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        Matcher token = Pattern.compile("\"accessToken\"\\s*:\\s*\"([^\"]+)\"").matcher(login.body());
        if (login.statusCode() != 200 || !token.find()) {
            throw new IllegalStateException("вход admin не удался: " + login.statusCode() + " " + login.body());
        }
        long t0 = System.nanoTime();
        // user ids unique per run: the registry, greetings and routed appeals of earlier runs stay in the database
        long base = runId * 1_000_000L;
        for (int from = 0; from < count; from += IMPORT_CHUNK) {
            StringBuilder csv = new StringBuilder("channel,platformUserId,fio,region,orgType\n");
            int to = Math.min(count, from + IMPORT_CHUNK);
            for (int i = from; i < to; i++) {
                csv.append("MAX,").append(base + i).append(",Педагог Нагрузочный ").append(i).append(',')
                        .append(REGIONS.get(i % REGIONS.size())).append(",SCHOOL\n");
            }
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(gateway + "/api/admin/teachers"))
                    .header("Content-Type", "text/csv")
                    .header("Authorization", "Bearer " + token.group(1))
                    .POST(HttpRequest.BodyPublishers.ofString(csv.toString()))
                    .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("реестр педагогов не загружен: " + r.statusCode() + " " + r.body());
            }
            for (int i = from; i < to; i++) {
                load.addTeacher(base + i);
            }
        }
        System.out.printf("[bench] зарегистрировано педагогов: %d за %.1f с%n", count, (System.nanoTime() - t0) / 1e9);
    }

    /**
     * The bench's own stack starts empty: a backlog left by an earlier (perhaps aborted) run in the same database
     * or broker would be delivered first and distort every figure.
     */
    private static void freshData(StackConfig config) throws java.io.IOException {
        java.util.Optional<ru.rosobr.assistant.testkit.LocalPostgres.Server> pg =
                ru.rosobr.assistant.testkit.LocalPostgres.findRunning();
        if (pg.isPresent()) {
            try (var c = pg.get().connect("postgres"); var st = c.createStatement()) {
                st.execute("drop database if exists \"" + config.database().replace("\"", "") + "\" with (force)");
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("не удалось удалить базу " + config.database() + ": " + e.getMessage(), e);
            }
        }
        for (String dir : new String[] {"kafka", "pg"}) {
            java.nio.file.Path path = config.dataDir().resolve(dir);
            if (java.nio.file.Files.exists(path)) {
                try (var walk = java.nio.file.Files.walk(path)) {
                    walk.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                }
            }
        }
        System.out.println("[bench] данные стенда очищены: база " + config.database() + ", каталог брокера");
    }
}
