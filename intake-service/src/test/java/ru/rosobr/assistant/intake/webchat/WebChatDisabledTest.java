package ru.rosobr.assistant.intake.webchat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import ru.rosobr.assistant.intake.security.SecurityConfiguration;

/**
 * With WEBCHAT_ENABLED=false the web chat and its simulator do not exist: every path answers 404 (the service's
 * security keeps these paths open, so the answer is 404, not 401).
 */
@WebFluxTest(controllers = WebChatController.class, properties = "assistant.webchat.enabled=false")
@Import({SimulatorPage.class, SecurityConfiguration.class})
class WebChatDisabledTest {

    @Autowired
    WebTestClient web;

    @Test
    void webChatEndpointsAnswer404() {
        web.post().uri("/api/webchat/messages").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"teacherId\":\"t1\",\"fio\":\"Иванова\",\"region\":\"58\",\"orgType\":\"SCHOOL\","
                        + "\"text\":\"Вопрос\"}")
                .exchange().expectStatus().isNotFound();
        web.post().uri("/api/webchat/callbacks").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"teacherId\":\"t1\",\"payload\":\"rate:x:1\"}")
                .exchange().expectStatus().isNotFound();
        web.get().uri("/api/webchat/teachers/t1/messages").exchange().expectStatus().isNotFound();
        web.get().uri("/api/webchat/regions").exchange().expectStatus().isNotFound();
    }

    @Test
    void simulatorIsNotServed() {
        web.get().uri("/simulator/").exchange().expectStatus().isNotFound();
        web.get().uri("/simulator").exchange().expectStatus().isNotFound();
        web.get().uri("/simulator/index.html").exchange().expectStatus().isNotFound();
        web.get().uri("/simulator/simulator.js").exchange().expectStatus().isNotFound();
    }
}
