package ru.rosobr.assistant.devstack;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where and how the dev stack runs.
 *
 * @param root           repository root (the service jars are under {@code <module>/target/<module>.jar})
 * @param dataDir        broker data, embedded PostgreSQL data, logs
 * @param database       PostgreSQL database the services share (one schema each)
 * @param kafkaPort      broker listener port
 * @param controllerPort KRaft controller port
 * @param ports          service name → HTTP port; the gateway last
 * @param jwtSigningKey  operator-service's token signing key (PEM file path or text); null = the dev key in dataDir
 * @param embeddedPgPort port for the embedded PostgreSQL when no local server answers
 * @param extraEnv       more environment for every service (channel tokens and the like)
 * @param replicas       how many instances of each service run; instance i listens on port + {@link #REPLICA_PORT_STEP}·i
 * @param jvm            the JVM settings of the services and the broker
 */
public record StackConfig(Path root, Path dataDir, String database, int kafkaPort, int controllerPort,
                          Map<String, Integer> ports, String jwtSigningKey, int embeddedPgPort,
                          Map<String, String> extraEnv, int replicas, JvmProfile jvm) {

    /** Replica i of a service listens on the service's port plus this step times i. */
    public static final int REPLICA_PORT_STEP = 100;

    /** JVM settings of the stack's processes ({@code DEVSTACK_JVM}). */
    public enum JvmProfile {
        /**
         * Full tiered JIT (C1 then C2) and larger heaps with the parallel collector: what a long-running server
         * under load needs (the pipeline benchmark's default); more memory than the dev stack's 2 GB.
         */
        SERVER,
        /** C1 only, small heaps: the quickest start and the smallest footprint (the dev stack's default). */
        FAST_START;

        static JvmProfile parse(String value) {
            return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
                case "server" -> SERVER;
                case "fast-start", "fast_start", "fast" -> FAST_START;
                default -> throw new IllegalArgumentException("DEVSTACK_JVM: server или fast-start, не " + value);
            };
        }
    }

    public StackConfig {
        if (replicas < 1 || replicas > 9) {
            throw new IllegalArgumentException("replicas: от 1 до 9, не " + replicas);
        }
        jvm = jvm == null ? JvmProfile.FAST_START : jvm;
    }

    /** One instance of each service, the dev JVM settings. */
    public StackConfig(Path root, Path dataDir, String database, int kafkaPort, int controllerPort,
                       Map<String, Integer> ports, String jwtSigningKey, int embeddedPgPort, Map<String, String> extraEnv) {
        this(root, dataDir, database, kafkaPort, controllerPort, ports, jwtSigningKey, embeddedPgPort, extraEnv, 1,
                JvmProfile.FAST_START);
    }

    /** The services in start order; the gateway is the entry point. */
    public static final String[] SERVICES = {"answer-service", "intake-service", "routing-service",
        "operator-service", "analytics-service", "followup-service", "gateway"};

    /** The environment variable that sets a service's port (and the default port). */
    static final Map<String, String> PORT_VARIABLES = Map.of(
            "gateway", "GATEWAY_PORT", "intake-service", "INTAKE_PORT", "answer-service", "ANSWER_PORT",
            "routing-service", "ROUTING_PORT", "operator-service", "OPERATOR_PORT",
            "analytics-service", "ANALYTICS_PORT", "followup-service", "FOLLOWUP_PORT");
    static final Map<String, Integer> DEFAULT_PORTS = Map.of(
            "gateway", 8080, "intake-service", 8081, "answer-service", 8082, "routing-service", 8083,
            "operator-service", 8084, "analytics-service", 8085, "followup-service", 8086);

    /** Configuration from the environment, with the documented defaults. */
    public static StackConfig fromEnvironment(Path root) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (String service : SERVICES) {
            ports.put(service, Integer.parseInt(env(PORT_VARIABLES.get(service),
                    String.valueOf(DEFAULT_PORTS.get(service)))));
        }
        Map<String, String> extra = new LinkedHashMap<>();
        for (String name : new String[] {"MAX_API_BASE_URL", "MAX_BOT_TOKEN", "MAX_WEBHOOK_SECRET",
            "MAX_WEBHOOK_URL", "VK_API_BASE_URL", "VK_ACCESS_TOKEN", "VK_SECRET", "VK_CONFIRMATION",
            "VK_API_VERSION", "WEBCHAT_ENABLED", "MAX_POLLING"}) {
            Optional.ofNullable(System.getenv(name)).ifPresent(v -> extra.put(name, v));
        }
        return new StackConfig(root, Path.of(env("DEVSTACK_DIR", root.resolve(".devstack").toString())),
                env("PGDATABASE", "rosobr"),
                Integer.parseInt(env("KAFKA_PORT", "9092")),
                Integer.parseInt(env("KAFKA_CONTROLLER_PORT", "9093")),
                ports,
                System.getenv("ASSISTANT_JWT_SIGNING_KEY"),
                Integer.parseInt(env("EMBEDDED_PG_PORT", "55432")),
                extra,
                Integer.parseInt(env("DEVSTACK_REPLICAS", "1")),
                JvmProfile.parse(env("DEVSTACK_JVM", "fast-start")));
    }

    public StackConfig withReplicas(int count) {
        return new StackConfig(root, dataDir, database, kafkaPort, controllerPort, ports, jwtSigningKey, embeddedPgPort,
                extraEnv, count, jvm);
    }

    public StackConfig withJvm(JvmProfile profile) {
        return new StackConfig(root, dataDir, database, kafkaPort, controllerPort, ports, jwtSigningKey, embeddedPgPort,
                extraEnv, replicas, profile);
    }

    /** The port of replica {@code index} (0-based) of a service. */
    public int port(String service, int index) {
        return ports.get(service) + REPLICA_PORT_STEP * index;
    }

    /** The base URLs of every replica of a service, comma-separated (what the gateway balances over). */
    public String urls(String service) {
        StringBuilder urls = new StringBuilder();
        for (int i = 0; i < replicas; i++) {
            urls.append(i == 0 ? "" : ",").append("http://127.0.0.1:").append(port(service, i));
        }
        return urls.toString();
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    public int gatewayPort() {
        return ports.get("gateway");
    }
}
