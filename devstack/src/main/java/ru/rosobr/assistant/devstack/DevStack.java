package ru.rosobr.assistant.devstack;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.common.Uuid;

import ru.rosobr.assistant.testkit.LocalPostgres;

/**
 * Starts the whole system on one machine: PostgreSQL (the local server, or an embedded one), a KRaft Kafka broker
 * (kafka.Kafka from the Maven artifacts) and the seven services, each a separate JVM with its log in
 * {@code .devstack/logs/<service>.log}. {@link #stop()} stops them all; a shutdown hook does it on Ctrl-C.
 */
public final class DevStack implements AutoCloseable {

    private final StackConfig config;
    private final Path logs;
    private final String java;
    private final Map<String, Process> processes = new LinkedHashMap<>();
    private LocalPostgres.Server postgres;
    private Process kafka;
    private String jwtSigningKey;
    private volatile boolean stopping;

    public DevStack(StackConfig config) {
        this.config = config;
        this.logs = config.dataDir().resolve("logs");
        this.java = ProcessHandle.current().info().command().orElse("java");
    }

    public StackConfig config() {
        return config;
    }

    public String gatewayUrl() {
        return "http://localhost:" + config.gatewayPort();
    }

    public LocalPostgres.Server postgres() {
        return postgres;
    }

    /** Starts everything and waits until every service reports UP; throws (after stopping) if one does not. */
    public DevStack start(Duration timeout) {
        long t0 = System.nanoTime();
        try {
            Files.createDirectories(logs);
            startPostgres();
            startKafka(false);
            jwtSigningKey = config.jwtSigningKey() != null ? config.jwtSigningKey() : devSigningKey();
            long deadline = t0 + timeout.toNanos();
            // replica 0 of every service first: its migrations and demo data are in place before the others start
            for (int replica = 0; replica < config.replicas(); replica++) {
                for (String service : StackConfig.SERVICES) {
                    processes.put(instanceName(service, replica), startService(service, replica, false));
                }
                for (String service : StackConfig.SERVICES) {
                    awaitHealthy(service, replica, deadline);
                }
            }
            log("все сервисы в состоянии UP за %.1f с (экземпляров каждого: %d, JVM: %s)",
                    (System.nanoTime() - t0) / 1e9, config.replicas(), config.jvm());
            return this;
        } catch (IOException e) {
            stop();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
    }

    private void startPostgres() {
        postgres = LocalPostgres.findRunning().orElseGet(() -> {
            log("PostgreSQL на %s не отвечает — запускаю встроенный (данные в %s)",
                    System.getenv().getOrDefault("PGPORT", "5432"), config.dataDir().resolve("pg"));
            return LocalPostgres.startEmbedded(config.dataDir().resolve("pg"), config.embeddedPgPort());
        });
        postgres.ensureDatabase(config.database());
        log("PostgreSQL: %s:%d, база %s", postgres.host(), postgres.port(), config.database());
    }

    private void startKafka(boolean appendLog) throws IOException {
        ensurePortFree(config.kafkaPort(), "KAFKA_PORT");
        ensurePortFree(config.controllerPort(), "KAFKA_CONTROLLER_PORT");
        Path dir = config.dataDir().resolve("kafka");
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        Path properties = dir.resolve("server.properties");
        Files.writeString(properties, String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + config.controllerPort(),
                "listeners=PLAINTEXT://127.0.0.1:" + config.kafkaPort() + ",CONTROLLER://127.0.0.1:"
                        + config.controllerPort(),
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + config.kafkaPort(),
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + data.toAbsolutePath(),
                "num.partitions=1",
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "auto.create.topics.enable=false",
                "group.initial.rebalance.delay.ms=0",
                "") );
        String classpath = System.getProperty("java.class.path");
        if (!Files.exists(data.resolve("meta.properties"))) {
            Process format = new ProcessBuilder(java, "-Xmx256m", "-cp", classpath, "kafka.tools.StorageTool",
                    "format", "-t", Uuid.randomUuid().toString(), "-c", properties.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(logs.resolve("kafka-format.log").toFile())
                    .start();
            try {
                if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
                    throw new IllegalStateException("kafka storage format failed, see " + logs.resolve("kafka-format.log"));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        // the broker keeps its data in the page cache, not on the heap
        List<String> cmd = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED"));
        cmd.addAll(config.jvm() == StackConfig.JvmProfile.FAST_START ? List.of("-Xms128m", "-Xmx384m")
                : List.of("-Xms256m", "-Xmx512m"));
        cmd.addAll(jitAndGc());
        cmd.addAll(List.of("-Dkafka.logs.dir=" + logs.toAbsolutePath(), "-cp", classpath, WatchedMain.class.getName(),
                String.valueOf(ProcessHandle.current().pid()), "kafka.Kafka", properties.toString()));
        File kafkaLog = logs.resolve("kafka.log").toFile();
        kafka = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(appendLog ? ProcessBuilder.Redirect.appendTo(kafkaLog)
                        : ProcessBuilder.Redirect.to(kafkaLog))
                .start();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!portOpen(config.kafkaPort())) {
            if (!kafka.isAlive()) {
                throw new IllegalStateException("Kafka exited, see " + logs.resolve("kafka.log") + "\n" + tail("kafka"));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Kafka did not open port " + config.kafkaPort());
            }
            pause(200);
        }
        log("Kafka (KRaft): 127.0.0.1:%d", config.kafkaPort());
    }

    /** The JIT and GC flags of the chosen profile (services and broker alike). */
    private List<String> jitAndGc() {
        return switch (config.jvm()) {
            // C1 only: quicker to UP and smaller (README has the figures), but C1 code never reaches C2's speed
            case FAST_START -> List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
            // full tiered JIT with two compiler threads (eight JVMs share two cores); the parallel collector with
            // two threads: the highest throughput per core, young pauses of milliseconds at these heap sizes
            case SERVER -> List.of("-XX:+UseParallelGC", "-XX:ParallelGCThreads=2", "-XX:CICompilerCount=2",
                    "-XX:ReservedCodeCacheSize=64m");
        };
    }

    /** Replica 0 keeps the service's own name (logs, archives); replica i is "service-i". */
    static String instanceName(String service, int replica) {
        return replica == 0 ? service : service + "-" + replica;
    }

    /**
     * Kills one instance the way a crash does: SIGKILL, no shutdown hooks, no graceful stop of its consumers and
     * workers. Returns once the process is gone; throws if it did not die of SIGKILL.
     */
    public synchronized void kill(String service, int replica) {
        String instance = instanceName(service, replica);
        Process p = processes.get(instance);
        if (p == null || !p.isAlive()) {
            throw new IllegalStateException(instance + " не запущен");
        }
        // on Linux and macOS destroyForcibly() is kill(pid, SIGKILL); the exit status proves it (128 + 9)
        p.destroyForcibly();
        try {
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException(instance + " не завершился за 30 с после SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (p.exitValue() != SIGKILL_EXIT) {
            throw new IllegalStateException(instance + " завершился с кодом " + p.exitValue() + ", а не от SIGKILL");
        }
        log("%-20s убит (SIGKILL, pid %d)", instance, p.pid());
    }

    /** Starts a stopped or killed instance again (same port, same environment, log appended) and waits until UP. */
    public synchronized void restart(String service, int replica, Duration timeout) {
        String instance = instanceName(service, replica);
        Process old = processes.get(instance);
        if (old == null) {
            throw new IllegalStateException("нет экземпляра " + instance);
        }
        if (old.isAlive()) {
            throw new IllegalStateException(instance + " ещё работает: сначала kill");
        }
        long t0 = System.nanoTime();
        try {
            processes.put(instance, startService(service, replica, true));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        awaitHealthy(service, replica, t0 + timeout.toNanos());
        log("%-20s перезапущен за %.1f с", instance, (System.nanoTime() - t0) / 1e9);
    }

    /**
     * Restarts the broker the way an operator does: SIGTERM (a controlled shutdown), then the same broker on the same
     * data and ports. Returns how long the broker was away, once its port answers again.
     */
    public synchronized Duration restartKafka() {
        long t0 = System.nanoTime();
        terminate(kafka);
        awaitExit(kafka, 60);
        log("Kafka остановлен (SIGTERM) за %.1f с", (System.nanoTime() - t0) / 1e9);
        try {
            startKafka(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Duration away = Duration.ofNanos(System.nanoTime() - t0);
        log("Kafka снова принимает соединения через %.1f с", away.toMillis() / 1e3);
        return away;
    }

    /** The exit status of a process killed by SIGKILL, as {@link Process#exitValue()} reports it on Unix. */
    static final int SIGKILL_EXIT = 128 + 9;

    private Process startService(String service, int replica, boolean appendLog) throws IOException {
        Path jar = config.root().resolve(service).resolve("target").resolve(service + ".jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException("нет " + jar + " — соберите проект: ./mvnw -DskipTests package");
        }
        String instance = instanceName(service, replica);
        int port = config.port(service, replica);
        ensurePortFree(port, StackConfig.PORT_VARIABLES.get(service));
        Path cds = config.dataDir().resolve("cds");
        Files.createDirectories(cds);
        // native access (also in the jars' manifests): on JDK 24+ Netty otherwise frees each direct buffer by closing
        // a shared memory arena — a handshake with every thread — which under load ate the services' CPU
        List<String> cmd = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED", "-Xss512k"));
        // the dev profile fits eight JVMs into 2 GB; under sustained load 256 MB meant a young collection every
        // second and full ones every few, so the server profile gives each service room
        cmd.addAll(config.jvm() == StackConfig.JvmProfile.FAST_START ? List.of("-Xms64m", "-Xmx256m")
                : List.of("-Xms384m", "-Xmx768m"));
        cmd.addAll(jitAndGc());
        cmd.addAll(List.of(
                // class-data sharing archive per instance and profile: the second start is markedly faster, and
                // two replicas never write the same archive at once
                "-XX:+AutoCreateSharedArchive", "-XX:SharedArchiveFile=" + cds.resolve(
                        instance + "." + config.jvm().name().toLowerCase(Locale.ROOT) + ".jsa"),
                "-Dassistant.parent-pid=" + ProcessHandle.current().pid(),
                "-Dfile.encoding=UTF-8",
                "-jar", jar.toString()));
        File logFile = logs.resolve(instance + ".log").toFile();
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                // a restarted instance appends: what led to the crash stays in the log
                .redirectOutput(appendLog ? ProcessBuilder.Redirect.appendTo(logFile) : ProcessBuilder.Redirect.to(logFile));
        Map<String, String> env = pb.environment();
        env.put("PGHOST", postgres.host());
        env.put("PGPORT", String.valueOf(postgres.port()));
        env.put("PGUSER", postgres.user());
        env.put("PGPASSWORD", postgres.password() == null ? "" : postgres.password());
        env.put("PGDATABASE", config.database());
        env.put("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + config.kafkaPort());
        // only operator-service signs; everybody else verifies against its published keys (replica 0 publishes the
        // same keys as every other replica)
        if (service.equals("operator-service")) {
            env.put("ASSISTANT_JWT_SIGNING_KEY", jwtSigningKey);
        }
        env.put("ASSISTANT_JWKS_URI", "http://127.0.0.1:" + config.port("operator-service", 0)
                + "/.well-known/jwks.json");
        // PostgreSQL's default max_connections (100) must hold every replica's pool: 5 x 10 + 20 = 70, halved with
        // two replicas; intake's inbox worker alone holds up to eight connections for its chunk transactions, and
        // its webhooks, deliveries, relay and consumers must not wait behind them
        int pool = service.equals("intake-service") ? 20 : 10;
        env.put("SPRING_R2DBC_POOL_MAX_SIZE", String.valueOf(Math.max(5, pool / config.replicas())));
        env.put("DEMO_DATA", "true");
        env.putIfAbsent("WEBCHAT_ENABLED", "true");
        config.ports().forEach((s, p) -> {
            env.put(StackConfig.PORT_VARIABLES.get(s), String.valueOf(p));
            String prefix = StackConfig.PORT_VARIABLES.get(s).replace("_PORT", "");
            // every replica of a service, comma-separated: the gateway balances over the list
            env.put(prefix + "_URL", config.urls(s));
        });
        env.put(StackConfig.PORT_VARIABLES.get(service), String.valueOf(port));
        env.putAll(config.extraEnv());
        return pb.start();
    }

    private void awaitHealthy(String service, int replica, long deadlineNanos) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        String instance = instanceName(service, replica);
        int port = config.port(service, replica);
        URI health = URI.create("http://127.0.0.1:" + port + "/actuator/health");
        while (true) {
            Process p = processes.get(instance);
            if (!p.isAlive()) {
                throw new IllegalStateException(instance + " завершился с кодом " + p.exitValue() + ", журнал: "
                        + logs.resolve(instance + ".log") + "\n" + tail(instance));
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(3)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("\"UP\"")) {
                    log("%-20s UP  http://localhost:%d", instance, port);
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (System.nanoTime() > deadlineNanos) {
                throw new IllegalStateException(instance + " не перешёл в UP вовремя, журнал: "
                        + logs.resolve(instance + ".log") + "\n" + tail(instance));
            }
            pause(500);
        }
    }

    /** Stops services (gateway first), then the broker, then an embedded PostgreSQL. Idempotent. */
    public synchronized void stop() {
        if (stopping) {
            return;
        }
        stopping = true;
        List<String> order = new ArrayList<>(processes.keySet());
        Collections.reverse(order);
        for (String service : order) {
            terminate(processes.get(service));
        }
        for (String service : order) {
            awaitExit(processes.get(service), 20);
        }
        if (kafka != null) {
            terminate(kafka);
            awaitExit(kafka, 30);
        }
        if (postgres != null && postgres.embedded() != null) {
            postgres.close();
        }
    }

    @Override
    public void close() {
        stop();
    }

    private static void terminate(Process p) {
        if (p != null && p.isAlive()) {
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
        }
    }

    private static void awaitExit(Process p, int seconds) {
        if (p == null) {
            return;
        }
        try {
            if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
        }
    }

    /** Process id of every instance ("service" or "service-i") and of the broker ("kafka"), in start order. */
    public Map<String, Long> pids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        if (kafka != null) {
            pids.put("kafka", kafka.pid());
        }
        processes.forEach((name, p) -> pids.put(name, p.pid()));
        return pids;
    }

    /** Resident memory of the whole stack (services + broker), in MiB; 0 where /proc is not available. */
    public long residentMemoryMiB() {
        List<Process> all = new ArrayList<>(processes.values());
        if (kafka != null) {
            all.add(kafka);
        }
        long kib = 0;
        for (Process p : all) {
            try {
                for (String line : Files.readAllLines(Path.of("/proc/" + p.pid() + "/status"))) {
                    if (line.startsWith("VmRSS:")) {
                        kib += Long.parseLong(line.replaceAll("\\D", ""));
                    }
                }
            } catch (IOException e) {
                return 0;
            }
        }
        return kib / 1024;
    }

    private String tail(String name) {
        try {
            List<String> lines = Files.readAllLines(logs.resolve(name + ".log"), StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(журнал недоступен: " + e.getMessage() + ")";
        }
    }

    private static void ensurePortFree(int port, String variable) {
        if (portOpen(port)) {
            throw new IllegalStateException("порт " + port + " уже занят — освободите его или задайте другой через "
                    + variable);
        }
    }

    static boolean portOpen(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The dev stack's signing key: generated on the first start into the data directory (never into the repository),
     * readable by the owner only, and kept, so that tokens survive a restart of the stack.
     */
    private String devSigningKey() throws IOException {
        Path key = config.dataDir().resolve("jwt").resolve("signing-key.pem");
        if (!Files.exists(key)) {
            Files.createDirectories(key.getParent());
            try {
                KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
                rsa.initialize(2048);
                String pem = "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'})
                        .encodeToString(rsa.generateKeyPair().getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n";
                Path tmp = Files.createTempFile(key.getParent(), "signing-key", ".tmp");
                try {
                    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException e) {
                    // not a POSIX file system: the data directory's own permissions apply
                }
                Files.writeString(tmp, pem);
                Files.move(tmp, key, StandardCopyOption.ATOMIC_MOVE);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
            log("ключ подписи токенов создан: %s", key);
        }
        return key.toAbsolutePath().toString();
    }

    static void log(String format, Object... args) {
        System.out.println("[dev-stack] " + String.format(format, args));
    }

    /** {@code ./run.sh}: start, print where everything is, wait for Ctrl-C. */
    public static void main(String[] args) throws InterruptedException {
        Path root = Path.of(System.getProperty("devstack.root", ".")).toAbsolutePath().normalize();
        DevStack stack = new DevStack(StackConfig.fromEnvironment(root));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log("останавливаю…");
            stack.stop();
            log("остановлено");
        }, "dev-stack-stop"));
        long t0 = System.nanoTime();
        try {
            stack.start(Duration.ofSeconds(Long.parseLong(System.getenv().getOrDefault("DEVSTACK_TIMEOUT", "240"))));
        } catch (RuntimeException e) {
            System.err.println("[dev-stack] не удалось запустить: " + e.getMessage());
            System.exit(1);
        }
        String g = stack.gatewayUrl();
        System.out.println();
        System.out.println("================ Помощник Рособрнадзора запущен ================");
        System.out.printf("Запуск занял %.1f с, память стека (RSS): %d МиБ%n", (System.nanoTime() - t0) / 1e9,
                stack.residentMemoryMiB());
        System.out.println("Консоль оператора:   " + g + "/console/");
        System.out.println("Симулятор педагога:  " + g + "/simulator/");
        System.out.println("API (шлюз):          " + g + "/api/…");
        System.out.println("Демо-входы (пароль demo): operator58, operator33 (операторы регионов 58 и 33),");
        System.out.println("                          head58 (руководитель региона 58), federal, admin, kbeditor");
        System.out.println("Сервисы:");
        for (int replica = 0; replica < stack.config().replicas(); replica++) {
            for (String s : stack.config().ports().keySet()) {
                String instance = instanceName(s, replica);
                System.out.printf("  %-20s http://localhost:%d  (журнал %s)%n", instance,
                        stack.config().port(s, replica), stack.logs.resolve(instance + ".log"));
            }
        }
        System.out.println("  kafka              127.0.0.1:" + stack.config().kafkaPort());
        System.out.println("  postgresql         " + stack.postgres().host() + ":" + stack.postgres().port() + "/"
                + stack.config().database());
        System.out.println("Остановить: Ctrl-C");
        System.out.println("================================================================");
        // wait until stopped; report a service that dies on its own
        while (true) {
            for (var e : stack.processes.entrySet()) {
                if (!e.getValue().isAlive() && !stack.stopping) {
                    log("ВНИМАНИЕ: %s завершился (код %d), журнал %s", e.getKey(), e.getValue().exitValue(),
                            stack.logs.resolve(e.getKey() + ".log"));
                    stack.processes.remove(e.getKey());
                    break;
                }
            }
            Thread.sleep(2000);
        }
    }
}
