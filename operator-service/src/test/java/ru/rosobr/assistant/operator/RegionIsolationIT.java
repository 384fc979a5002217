package ru.rosobr.assistant.operator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import ru.rosobr.assistant.contracts.events.AppealAssigned;
import ru.rosobr.assistant.testkit.TestJwt;

/**
 * Region isolation: an operator (and the head) of region 58 gets 404 or 403 for an appeal of region 33 on every
 * endpoint — list, counters, kanban, card, reply, judgement, status, escalation, reassignment, take-control,
 * knowledge-base drafts, audit and export (the live stream: {@link LiveUpdatesIT}) — and nothing is changed by the
 * refused attempts.
 */
class RegionIsolationIT extends OperatorTestBase {

    @Test
    void everyEndpointAnswersRegion58AsIfTheAppealOfRegion33DidNotExist() {
        String op58 = login("operator58");
        String head58 = login("head58");
        String op33 = login("operator33");
        String marker = "Изоляция-" + UUID.randomUUID();
        AppealAssigned e = assign("33", "operator33", "Смирнова Елена Петровна",
                "Нужно ли вести бумажный журнал, если есть электронный? " + marker, Instant.now());
        String uri = "/api/console/appeals/" + e.appealId();
        awaitCard(op33, e.appealId());
        // region 33 works the appeal: a reply and a knowledge-base draft exist
        post(op33, uri + "/replies", Map.of("text", "Нет, бумажный дубликат не требуется.")).exchange()
                .expectStatus().isCreated();
        Map<?, ?> draft = post(op33, uri + "/kb-drafts", Map.of("topic", "journals")).exchange()
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        String draftUri = "/api/console/kb-drafts/" + draft.get("id");
        long before = version(op33, e.appealId());

        // lists, search, counters, export
        get(op58, "/api/console/appeals?size=200").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$[?(@.id == '" + e.appealId() + "')]").doesNotExist()
                .jsonPath("$[?(@.region == '33')]").doesNotExist();
        get(op58, "/api/console/appeals?q=" + marker).exchange().expectStatus().isOk()
                .expectHeader().valueEquals("X-Total-Count", "0")
                .expectBody().jsonPath("$.length()").isEqualTo(0);
        get(op58, "/api/console/appeals?region=33").exchange().expectStatus().isOk()
                .expectHeader().valueEquals("X-Total-Count", "0");
        get(op33, "/api/console/appeals?q=" + marker).exchange().expectStatus().isOk()
                .expectHeader().valueEquals("X-Total-Count", "1");
        get(head58, "/api/console/appeals/counters?region=33").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.ANSWERED").isEqualTo(0).jsonPath("$.unread").isEqualTo(0);
        // the kanban: neither in a column's first page, nor in its next pages, nor in its total
        for (String token : List.of(op58, head58)) {
            get(token, "/api/console/kanban?q=" + marker).exchange().expectStatus().isOk().expectBody()
                    .jsonPath("$.columns[*].total").value(totals -> assertThat((List<?>) totals)
                            .hasSize(6).allMatch(n -> ((Number) n).longValue() == 0))
                    .jsonPath("$.columns[*].items[?(@.region == '33')]").doesNotExist();
            get(token, "/api/console/kanban/ANSWERED?region=33&limit=100").exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.total").isEqualTo(0).jsonPath("$.items.length()").isEqualTo(0);
        }
        get(op33, "/api/console/kanban?q=" + marker).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.columns[2].column").isEqualTo("ANSWERED")
                .jsonPath("$.columns[2].total").isEqualTo(1)
                .jsonPath("$.columns[2].items[0].id").isEqualTo(e.appealId().toString());
        String csv58 = csv(op58, "/api/console/appeals/export.csv?q=" + marker);
        assertThat(csv58.lines().count()).isEqualTo(1); // the header only
        assertThat(csv58).doesNotContain(e.appealId().toString());
        assertThat(csv(op33, "/api/console/appeals/export.csv?q=" + marker)).contains(e.appealId().toString());

        // the card and every action: 404 as for an unknown appeal
        for (String token : List.of(op58, head58)) {
            get(token, uri).exchange().expectStatus().isNotFound()
                    .expectBody().jsonPath("$.detail").isEqualTo("Обращение не найдено");
            post(token, uri + "/replies", Map.of("text", "Чужой ответ")).exchange().expectStatus().isNotFound();
            post(token, uri + "/judgement", Map.of("verdict", "WRONG")).exchange().expectStatus().isNotFound();
            post(token, uri + "/status", Map.of("status", "IN_PROGRESS")).exchange().expectStatus().isNotFound();
            post(token, uri + "/escalate", Map.of("reason", "Не наш регион")).exchange().expectStatus().isNotFound();
            post(token, uri + "/kb-drafts", Map.of("topic", "journals", "answer", "Чужой ответ в базу"))
                    .exchange().expectStatus().isNotFound();
            get(token, draftUri).exchange().expectStatus().isNotFound()
                    .expectBody().jsonPath("$.detail").isEqualTo("Черновик не найден");
            get(token, "/api/console/kb-drafts").exchange().expectStatus().isOk().expectBody()
                    .jsonPath("$[?(@.id == '" + draft.get("id") + "')]").doesNotExist();
        }
        // the head may reassign, but not in another region; an operator may not reassign at all
        post(head58, uri + "/reassign", Map.of("operator", "operator58")).exchange().expectStatus().isNotFound();
        post(op58, uri + "/reassign", Map.of("operator", "operator58")).exchange().expectStatus().isForbidden();
        post(op58, uri + "/take-control", Map.of()).exchange().expectStatus().isForbidden();
        post(op58, draftUri + "/verify", Map.of()).exchange().expectStatus().isForbidden();
        post(op58, draftUri + "/reject", Map.of("reason", "Чужой")).exchange().expectStatus().isForbidden();
        // the audit log of region 58 does not show region 33's work
        get(head58, "/api/console/audit?appealId=" + e.appealId()).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.length()").isEqualTo(0);
        get(login("federal"), "/api/console/audit?appealId=" + e.appealId()).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$[?(@.action == 'REPLY')].actor").isEqualTo("operator33");
        // a hand-made token of region 58 does no better than a real one
        String forged58 = TestJwt.token("intruder", List.of("OPERATOR"), "58");
        get(forged58, uri).exchange().expectStatus().isNotFound();

        // nothing was changed by the refused attempts
        Map<?, ?> card = card(op33, e.appealId());
        assertThat(((Number) card.get("version")).longValue()).isEqualTo(before);
        assertThat(card.get("status")).isEqualTo("ANSWERED");
        assertThat(card.get("timeline").toString()).doesNotContain("Чужой ответ");
        get(op33, draftUri).exchange().expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("DRAFT");
    }

    private String csv(String token, String uri) {
        byte[] body = get(token, uri).exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("text/csv")
                .expectBody().returnResult().getResponseBody();
        return new String(body, StandardCharsets.UTF_8);
    }
}
