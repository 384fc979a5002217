package ru.rosobr.assistant.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ReactorResourceFactory;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.web.reactive.server.WebTestClient;

import ru.rosobr.assistant.contracts.Event;
import ru.rosobr.assistant.contracts.Topic;
import ru.rosobr.assistant.contracts.Topics;
import ru.rosobr.assistant.contracts.json.EventCodec;

/**
 * Several replicas of one service in the test JVM: separate application contexts on one fresh database and one
 * broker, as the replicas of a deployment share them. The replicas get a KRaft broker of their own (the same
 * embedded broker as everywhere, a second instance): the JVM's shared broker has the cached contexts of other test
 * classes in the same consumer groups, and they would take the partitions these replicas must consume.
 */
public final class ServiceReplicas implements AutoCloseable {

    private final EmbeddedKafkaKraftBroker broker;
    private final String database;
    private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();
    private Class<?>[] sources;
    private String[] properties;

    private ServiceReplicas(EmbeddedKafkaKraftBroker broker, String database) {
        this.broker = broker;
        this.database = database;
    }

    /** Starts {@code count} replicas one after another; {@code properties} as {@code name=value}. */
    public static ServiceReplicas start(Class<?> application, String databasePrefix, int count,
                                        String... properties) {
        return start(application, List.of(), databasePrefix, count, properties);
    }

    /**
     * As above, each replica with the test's own configuration classes as well (e.g. a clock the test moves).
     */
    public static ServiceReplicas start(Class<?> application, List<Class<?>> testConfigurations,
                                        String databasePrefix, int count, String... properties) {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.brokerListProperty("assistant.test.replicas.brokers");
        broker.brokerProperties(Map.of("auto.create.topics.enable", "false",
                "group.initial.rebalance.delay.ms", "0"));
        // the broker publishes its address in system properties the JVM's shared broker owns: keep theirs
        String shared = System.getProperty(EmbeddedKafkaKraftBroker.SPRING_EMBEDDED_KAFKA_BROKERS);
        try {
            broker.afterPropertiesSet();
        } finally {
            if (shared != null) {
                System.setProperty(EmbeddedKafkaKraftBroker.SPRING_EMBEDDED_KAFKA_BROKERS, shared);
            }
        }
        // every topic of the registry exists from the start, as in a deployed system: a test may publish as another
        // service (the topic's writer, which is not running here) before anything declared the topic
        broker.addTopics(Topics.ALL.stream()
                .map(t -> new org.apache.kafka.clients.admin.NewTopic(t.name(), t.partitions(), (short) 1))
                .toArray(org.apache.kafka.clients.admin.NewTopic[]::new));
        ServiceReplicas replicas = new ServiceReplicas(broker, LocalPostgres.freshDatabase(databasePrefix));
        List<Class<?>> sources = new ArrayList<>(List.of(application, OwnNettyResources.class));
        sources.addAll(testConfigurations);
        replicas.sources = sources.toArray(Class<?>[]::new);
        replicas.properties = properties;
        try {
            for (int i = 0; i < count; i++) {
                replicas.contexts.add(replicas.startOne());
            }
        } catch (RuntimeException e) {
            replicas.close();
            throw e;
        }
        return replicas;
    }

    /** Starts one more replica on the same database and broker (e.g. the restart after a crash); its index. */
    public int startAnother() {
        contexts.add(startOne());
        return contexts.size() - 1;
    }

    private ConfigurableApplicationContext startOne() {
        LocalPostgres.Server server = LocalPostgres.shared();
        List<String> args = new ArrayList<>(List.of(
                "--PGHOST=" + server.host(),
                "--PGPORT=" + server.port(),
                "--PGUSER=" + server.user(),
                "--PGPASSWORD=" + (server.password() == null ? "" : server.password()),
                "--PGDATABASE=" + database,
                "--KAFKA_BOOTSTRAP_SERVERS=" + broker.getBrokersAsString(),
                // over the system property the shared broker sets for every context of the JVM
                "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                "--ASSISTANT_JWKS_URI=" + TestJwt.jwksUri(),
                "--ASSISTANT_JWT_SIGNING_KEY=" + TestJwt.privateKeyPem(),
                "--server.port=0"));
        for (String p : properties) {
            args.add("--" + p);
        }
        return new SpringApplicationBuilder(sources).run(args.toArray(String[]::new));
    }

    /**
     * Each replica's Netty on event loops of its own: with the JVM-wide default, stopping one replica would dispose
     * the loops the other replica's server runs on.
     */
    @Configuration(proxyBeanMethods = false)
    static class OwnNettyResources {
        @Bean
        ReactorResourceFactory replicaNettyResources() {
            ReactorResourceFactory resources = new ReactorResourceFactory();
            resources.setUseGlobalResources(false);
            return resources;
        }
    }

    public int size() {
        return contexts.size();
    }

    public ConfigurableApplicationContext context(int replica) {
        return contexts.get(replica);
    }

    public <T> T bean(int replica, Class<T> type) {
        return contexts.get(replica).getBean(type);
    }

    public int port(int replica) {
        return Integer.parseInt(contexts.get(replica).getEnvironment().getRequiredProperty("local.server.port"));
    }

    /** A client of one replica, as the gateway would call it. */
    public WebTestClient web(int replica) {
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port(replica))
                .responseTimeout(Duration.ofSeconds(30)).build();
    }

    public String bootstrapServers() {
        return broker.getBrokersAsString();
    }

    public String database() {
        return database;
    }

    /** Publishes on the replicas' broker as the topic's writer would. */
    public <T extends Event> void publish(Topic<T> topic, T event) {
        publishAll(topic, List.of(event));
    }

    /** Publishes several events with one producer, in order. */
    public <T extends Event> void publishAll(Topic<T> topic, List<T> events) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        try (var producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
            for (T event : events) {
                sent.add(producer.send(new ProducerRecord<>(topic.name(), topic.keyOf(event),
                        EventCodec.write(event))));
            }
            for (var f : sent) {
                f.get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("publish to " + topic.name() + " failed", e);
        }
    }

    /** Stops one replica (as a crash or a scale-down would). */
    public void stop(int replica) {
        contexts.get(replica).close();
    }

    @Override
    public void close() {
        for (ConfigurableApplicationContext c : contexts) {
            if (c.isActive()) {
                c.close();
            }
        }
        broker.destroy();
    }
}
