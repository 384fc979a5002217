package ru.rosobr.assistant.gateway;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import ru.rosobr.assistant.contracts.Topics;
import ru.rosobr.assistant.contracts.events.AccessRevoked;
import ru.rosobr.assistant.contracts.json.EventCodec;
import ru.rosobr.assistant.testkit.TestJwt;
import ru.rosobr.assistant.gateway.security.SecurityConfiguration;

/**
 * The gateway refuses, on every route, tokens that operator-service revoked ({@code auth.revocations} on a real
 * broker) and tokens signed with any key but operator-service's.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
class RevocationIT {

    static final EmbeddedKafkaKraftBroker broker = start();
    static final LoopbackBackend backend = new LoopbackBackend("backend", Duration.ZERO);

    static EmbeddedKafkaKraftBroker start() {
        EmbeddedKafkaKraftBroker b = new EmbeddedKafkaKraftBroker(1, 1);
        b.afterPropertiesSet();
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, b.getBrokersAsString());
        try (Admin admin = Admin.create(p)) {
            admin.createTopics(List.of(new NewTopic(Topics.ACCESS_REVOKED.name(), 1, (short) 1))).all().get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return b;
    }

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry registry) {
        LoopbackBackend.behindEveryRoute(registry, backend);
        registry.add("KAFKA_BOOTSTRAP_SERVERS", broker::getBrokersAsString);
    }

    // the broker stays up until the JVM ends: the cached application context (and its consumer) outlives this class
    @AfterAll
    static void stop() {
        backend.close();
    }

    @Autowired
    WebTestClient web;

    @Test
    void anEndedSessionIsRefusedOnEveryRoute() {
        String token = TestJwt.tokenWith("op58", List.of("OPERATOR"), "58", "\"sid\":\"session-1\",\"ver\":1");
        String otherSession = TestJwt.tokenWith("op58", List.of("OPERATOR"), "58", "\"sid\":\"session-2\",\"ver\":1");
        console(token).expectStatus().isOk();

        publish(AccessRevoked.session("op58", "session-1", Instant.now().plus(Duration.ofMinutes(11))));

        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> console(token)
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.detail").isEqualTo(SecurityConfiguration.REVOKED));
        // routes the gateway does not protect itself refuse the presented token too
        web.post().uri("/api/answers/preview").header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("text", "КТП")).exchange()
                .expectStatus().isUnauthorized();
        web.get().uri("/api/routing/operators").header("Authorization", "Bearer " + token).exchange()
                .expectStatus().isUnauthorized();
        console(otherSession).expectStatus().isOk();
    }

    @Test
    void aChangedUsersOlderTokensAreRefusedAndNewerOnesPass() {
        String old = TestJwt.tokenWith("head33", List.of("REGIONAL_HEAD"), "33", "\"sid\":\"s-a\",\"ver\":1");
        String renewed = TestJwt.tokenWith("head33", List.of("OPERATOR"), "33", "\"sid\":\"s-a\",\"ver\":2");
        console(old).expectStatus().isOk();

        publish(AccessRevoked.userBefore("head33", 2, "ROLES_CHANGED", Instant.now().plus(Duration.ofMinutes(11))));

        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> console(old)
                .expectStatus().isUnauthorized());
        console(renewed).expectStatus().isOk();
    }

    @Test
    void aTokenSignedWithAnyOtherKeyIsRefused() {
        String forged = TestJwt.foreignToken("admin", List.of("ADMIN"), null);
        console(forged).expectStatus().isUnauthorized();
        web.get().uri("/api/admin/teachers").header("Authorization", "Bearer " + forged).exchange()
                .expectStatus().isUnauthorized();
        web.get().uri("/api/analytics/summary").header("Authorization", "Bearer " + forged).exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void readinessWaitsForTheRevocationsInForce() {
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> web.get()
                .uri("/actuator/health/readiness").exchange().expectStatus().isOk());
    }

    private WebTestClient.ResponseSpec console(String token) {
        return web.get().uri("/api/console/appeals").header("Authorization", "Bearer " + token).exchange();
    }

    private static void publish(AccessRevoked event) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            producer.send(new ProducerRecord<>(Topics.ACCESS_REVOKED.name(), event.username(),
                    EventCodec.mapper().writeValueAsString(event))).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
