package ru.rosobr.assistant.testkit.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.ProducerListener;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

import ru.rosobr.assistant.platform.outbox.OutboxRelay;
import ru.rosobr.assistant.platform.worker.WakeUp;
import ru.rosobr.assistant.testkit.KafkaProbe;
import ru.rosobr.assistant.testkit.LocalPostgres;

/**
 * Two outbox relays — two replicas of one service — on one outbox table and the real broker: rows committed while
 * both run are published exactly once between them, in commit order per key, and both take part. No Spring
 * context: only these two relays read the table.
 */
class TwoOutboxRelaysIT {

    private static final String TOPIC = "platform.relay-test.v1";
    private static final String SCHEMA = "relays";
    private static ConnectionFactory connections;
    private static DatabaseClient db;
    private static TransactionalOperator tx;
    private static final List<DefaultKafkaProducerFactory<String, String>> producers = new ArrayList<>();

    @BeforeAll
    static void infrastructure() throws Exception {
        LocalPostgres.Server server = LocalPostgres.shared();
        String database = LocalPostgres.freshDatabase("relays");
        Flyway.configure()
                .dataSource(server.jdbcUrl(database), server.user(), server.password() == null ? "" : server.password())
                .schemas(SCHEMA).defaultSchema(SCHEMA)
                .locations("classpath:db/platform")
                .load().migrate();
        connections = ConnectionFactories.get(ConnectionFactoryOptions
                .parse("r2dbc:postgresql://" + server.host() + ":" + server.port() + "/" + database
                        + "?schema=" + SCHEMA)
                .mutate()
                .option(ConnectionFactoryOptions.USER, server.user())
                .option(ConnectionFactoryOptions.PASSWORD, server.password() == null ? "" : server.password())
                .build());
        db = DatabaseClient.create(connections);
        tx = TransactionalOperator.create(new R2dbcTransactionManager(connections));
        try (AdminClient admin = AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                KafkaProbe.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 3, (short) 1))).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    @AfterAll
    static void close() {
        producers.forEach(DefaultKafkaProducerFactory::destroy);
    }

    /** A relay as a replica has it, with its own producer; counts what it had acknowledged. */
    private static OutboxRelay relay(AtomicInteger published) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaProbe.bootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        DefaultKafkaProducerFactory<String, String> factory = new DefaultKafkaProducerFactory<>(config);
        producers.add(factory);
        KafkaTemplate<String, String> kafka = new KafkaTemplate<>(factory);
        kafka.setProducerListener(new ProducerListener<>() {
            @Override
            public void onSuccess(ProducerRecord<String, String> record, RecordMetadata metadata) {
                published.incrementAndGet();
            }
        });
        return new OutboxRelay(db, tx, kafka, new WakeUp(), Duration.ofMillis(20), Duration.ofDays(1));
    }

    /** Every payload on the test topic with how often it is there, read to the end; per key in offset order. */
    private static Map<String, Integer> onTheTopic(Map<String, List<String>> byKey) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaProbe.bootstrapServers());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        Map<String, Integer> seen = new HashMap<>();
        try (var consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(TOPIC).stream()
                    .map(i -> new TopicPartition(TOPIC, i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    seen.merge(r.value(), 1, Integer::sum);
                    byKey.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(r.value());
                }
            }
        }
        return seen;
    }

    @Test
    void twoRelaysPublishEveryRowExactlyOnceBetweenThem() {
        AtomicInteger byFirst = new AtomicInteger();
        AtomicInteger bySecond = new AtomicInteger();
        OutboxRelay first = relay(byFirst);
        OutboxRelay second = relay(bySecond);
        first.start();
        second.start();
        int transactions = 40;
        int perTransaction = 50;
        try {
            // rows keep being committed while both relays run, as the service's transactions commit
            for (int t = 0; t < transactions; t++) {
                db.sql("""
                                insert into outbox (event_id, topic, record_key, payload)
                                select gen_random_uuid(), :topic, 'appeal-' || (i % 7), :batch || '-' || i
                                from generate_series(1, :n) i""")
                        .bind("topic", TOPIC).bind("batch", "b" + t).bind("n", perTransaction)
                        .then().block();
            }
            int total = transactions * perTransaction;
            await().atMost(Duration.ofSeconds(60)).until(() -> db
                    .sql("select count(*) as n from outbox where published_at is null")
                    .map((r, m) -> r.get("n", Long.class)).one().block() == 0);

            assertThat(byFirst.get() + bySecond.get()).as("sends acknowledged by the broker").isEqualTo(total);
            assertThat(byFirst.get()).as("the first relay's share").isPositive();
            assertThat(bySecond.get()).as("the second relay's share").isPositive();
            Map<String, List<String>> byKey = new HashMap<>();
            Map<String, Integer> seen = onTheTopic(byKey);
            assertThat(seen).hasSize(total);
            assertThat(Set.copyOf(seen.values())).containsExactly(1);
            // and the events of each key are on the topic in the order they were committed
            for (Map.Entry<String, List<String>> key : byKey.entrySet()) {
                List<String> committed = db.sql("select payload from outbox where record_key = :k order by seq")
                        .bind("k", key.getKey()).map((r, m) -> r.get("payload", String.class)).all()
                        .collectList().block();
                assertThat(key.getValue()).as("order of %s", key.getKey()).isEqualTo(committed);
            }
        } finally {
            first.stop();
            second.stop();
        }
    }
}
