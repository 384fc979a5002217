package ru.rosobr.assistant.operator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import ru.rosobr.assistant.contracts.OrgType;
import ru.rosobr.assistant.contracts.Topics;
import ru.rosobr.assistant.contracts.events.AppealAssigned;
import ru.rosobr.assistant.contracts.json.EventCodec;
import ru.rosobr.assistant.testkit.KafkaProbe;
import ru.rosobr.assistant.testkit.TestJwt;

/** Dead letters: counted in a metric, listed for admins, replayed once through the consumer path. */
class DeadLetterIT extends OperatorTestBase {

    static final String API = "/api/admin/dead-letters/operator-service";

    @Test
    void aMalformedRecordIsKeptCountedAndNotReplayable() {
        KafkaProbe.publishRaw(Topics.APPEAL_ASSIGNED.name(), "broken-1", "{\"eventId\": not json");
        String admin = TestJwt.token("admin", List.of("ADMIN"), null);
        Awaitility.await().atMost(WAIT).until(() -> count("select count(*) from dead_letters where record_key = 'broken-1'") == 1);
        Long id = db.sql("select id from dead_letters where record_key = 'broken-1'").map((r, m) -> r.get("id", Long.class))
                .one().block();
        get(admin, API + "?pending=true").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$[?(@.id == " + id + ")].topic").isEqualTo(Topics.APPEAL_ASSIGNED.name())
                .jsonPath("$[?(@.id == " + id + ")].replayed").isEqualTo(false);
        post(admin, API + "/" + id + "/replay", Map.of()).exchange().expectStatus().isEqualTo(422).expectBody()
                .jsonPath("$.detail").value(d -> assertThat((String) d).contains("повторять её бесполезно"));
        Awaitility.await().atMost(WAIT).untilAsserted(() -> assertThat(gauge()).isGreaterThanOrEqualTo(1));
    }

    @Test
    void aFailedEventIsReplayedOnceThroughTheConsumerPath() {
        // what a consumer leaves behind when a valid event failed after its retries (a transient fault since gone)
        AppealAssigned e = AppealAssigned.of(UUID.randomUUID(), "58", AppealAssigned.Target.OPERATOR, "operator58",
                "UNMATCHED:LEAST_LOADED_ON_SHIFT", "t-dl", "Павлова Ирина Сергеевна", OrgType.SCHOOL,
                "Нужно ли согласовывать рабочую программу с родителями?", Instant.now(), null, null, 0.2);
        Long id = db.sql("insert into dead_letters (consumer, topic, kafka_partition, kafka_offset, record_key, payload, "
                        + "error) values ('operator-service', :t, 0, 999999, :k, :v, 'java.io.IOException: временный сбой') "
                        + "returning id")
                .bind("t", Topics.APPEAL_ASSIGNED.name()).bind("k", e.appealId().toString())
                .bind("v", EventCodec.mapper().writeValueAsString(e))
                .map((r, m) -> r.get("id", Long.class)).one().block();
        String admin = login("admin");

        get(login("operator58"), API).exchange().expectStatus().isForbidden();
        web.get().uri(API).exchange().expectStatus().isUnauthorized();

        post(admin, API + "/" + id + "/replay", Map.of()).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.outcome").isEqualTo("REPLAYED");
        // the appeal is there, as if the event had been delivered
        get(login("operator58"), "/api/console/appeals/" + e.appealId()).exchange().expectStatus().isOk();
        // a second replay changes nothing
        post(admin, API + "/" + id + "/replay", Map.of()).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.outcome").isEqualTo("ALREADY_APPLIED");
        assertThat(count("select count(*) from appeals where id = '" + e.appealId() + "'")).isEqualTo(1);
        get(admin, API).exchange().expectBody()
                .jsonPath("$[?(@.id == " + id + ")].replayed").isEqualTo(true)
                .jsonPath("$[?(@.id == " + id + ")].eventId").isEqualTo(e.eventId().toString());
        post(admin, API + "/0/replay", Map.of()).exchange().expectStatus().isNotFound();
    }

    private long count(String sql) {
        return db.sql(sql).map((r, m) -> ((Number) r.get(0)).longValue()).one().block();
    }

    private double gauge() {
        // the whole scrape: with the series of every test sharing this context it outgrows the 256 KB default
        String body = web.mutate().codecs(c -> c.defaultCodecs().maxInMemorySize(16 * 1024 * 1024)).build()
                .get().uri("/actuator/prometheus").exchange().expectBody(String.class).returnResult()
                .getResponseBody();
        return body.lines().filter(l -> l.startsWith("assistant_dead_letters_pending"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).findFirst().orElse(-1);
    }
}
