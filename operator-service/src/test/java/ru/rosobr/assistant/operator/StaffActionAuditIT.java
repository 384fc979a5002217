package ru.rosobr.assistant.operator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import ru.rosobr.assistant.contracts.events.StaffActionAudited;
import ru.rosobr.assistant.contracts.Topic;
import ru.rosobr.assistant.contracts.Topics;
import ru.rosobr.assistant.testkit.KafkaProbe;

/**
 * Staff actions of the other services (registry imports, shifts, KB edits, campaigns) reach the audit log from their
 * {@code audit.*} topics once each, redelivered or not, with actor, action and region; heads see their region's.
 */
class StaffActionAuditIT extends OperatorTestBase {

    @Test
    void everyReportedActionIsInTheLogOnceWithItsRegionActorAndAction() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        StaffActionAudited imported = StaffActionAudited.of("admin-" + tag, "REGISTRY_IMPORT", null,
                "CSV: строк 3, загружено 2 (новых 2, обновлено 0), отклонено 1");
        StaffActionAudited shift = StaffActionAudited.of("op58-" + tag, "SHIFT_START", "58", "взято из очереди обращений: 1");
        StaffActionAudited kb = StaffActionAudited.of("editor-" + tag, "KB_ENTRY_VERIFIED", null, "запись kb-1 v2 (аттестация)");
        StaffActionAudited campaign = StaffActionAudited.of("head58-" + tag, "CAMPAIGN_START", "58",
                "рассылка «Новости»; аудитория 10");
        deliveredTwice(Topics.AUDIT_INTAKE, imported);
        deliveredTwice(Topics.AUDIT_ROUTING, shift);
        deliveredTwice(Topics.AUDIT_ANSWER, kb);
        deliveredTwice(Topics.AUDIT_FOLLOWUP, campaign);

        for (StaffActionAudited e : List.of(imported, shift, kb, campaign)) {
            List<Map<String, Object>> rows = db.sql("select actor, action, region, details, at from audit_log "
                            + "where event_id = :id").bind("id", e.eventId())
                    .fetch().all().collectList().block();
            assertThat(rows).as(e.action()).hasSize(1);
            assertThat(rows.getFirst()).containsEntry("actor", e.actor()).containsEntry("action", e.action())
                    .containsEntry("region", e.region()).containsEntry("details", e.details());
        }

        // the console's log and its filters: the head of 58 sees the shift and the campaign of the region, not the
        // federal-wide import; federal staff see the import
        String head58 = login("head58");
        get(head58, "/api/console/audit?action=SHIFT_START&actor=" + shift.actor()).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.length()").isEqualTo(1)
                .jsonPath("$[0].region").isEqualTo("58")
                .jsonPath("$[0].details").isEqualTo(shift.details());
        get(head58, "/api/console/audit?action=CAMPAIGN_START&actor=" + campaign.actor()).exchange()
                .expectBody().jsonPath("$.length()").isEqualTo(1);
        get(head58, "/api/console/audit?action=REGISTRY_IMPORT&actor=" + imported.actor()).exchange()
                .expectBody().jsonPath("$.length()").isEqualTo(0);
        get(login("federal"), "/api/console/audit?action=REGISTRY_IMPORT&actor=" + imported.actor()).exchange()
                .expectBody().jsonPath("$.length()").isEqualTo(1)
                .jsonPath("$[0].details").isEqualTo(imported.details());
    }

    /**
     * Publishes the event twice (a redelivery), then a marker on the same single-partition topic: once the marker is
     * in the log, the second copy has been read too.
     */
    private void deliveredTwice(Topic<StaffActionAudited> topic, StaffActionAudited event) {
        KafkaProbe.publish(topic, event);
        KafkaProbe.publish(topic, event);
        StaffActionAudited marker = StaffActionAudited.of("marker-" + UUID.randomUUID(), "MARKER", null, null);
        KafkaProbe.publish(topic, marker);
        Awaitility.await().atMost(WAIT).until(() -> db.sql("select count(*) as n from audit_log where event_id = :id")
                .bind("id", marker.eventId()).map((r, m) -> r.get("n", Long.class)).one().block() == 1L);
    }

}
