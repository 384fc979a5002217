package ru.rosobr.assistant.operator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import ru.rosobr.assistant.testkit.ServiceTestSupport;

/** A fresh install without demo data: the first administrator logs in, chooses a password, and can work. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"assistant.demo-data=false", "assistant.admin.username=root",
                "assistant.admin.password=Первый-запуск-2026"})
@AutoConfigureWebTestClient(timeout = "30s")
class FirstStartIT {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        ServiceTestSupport.register(registry, "opfirst");
    }

    @Autowired
    WebTestClient web;

    @Test
    void theFirstAdministratorMustChooseAPasswordAndThenManagesUsers() {
        Map<?, ?> first = login("root", "Первый-запуск-2026");
        assertThat(first.get("passwordChangeRequired")).isEqualTo(true);
        assertThat(first.get("roles")).isEqualTo(List.of());
        String limited = (String) first.get("accessToken");
        web.get().uri("/api/console/users").header("Authorization", "Bearer " + limited).exchange()
                .expectStatus().isForbidden();

        Map<?, ?> own = web.post().uri("/api/auth/password").header("Authorization", "Bearer " + limited)
                .bodyValue(Map.of("currentPassword", "Первый-запуск-2026", "newPassword", "Мой-пароль-админа-7"))
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(own.get("roles")).isEqualTo(List.of("ADMIN"));
        String admin = (String) own.get("accessToken");
        web.post().uri("/api/console/users").header("Authorization", "Bearer " + admin)
                .bodyValue(Map.of("username", "operator01", "password", "Временный-01-пароль", "roles",
                        List.of("OPERATOR"), "region", "01"))
                .exchange().expectStatus().isCreated();

        // the one-time password is spent, the chosen one works and no longer asks for a change
        web.post().uri("/api/auth/login").bodyValue(Map.of("username", "root", "password", "Первый-запуск-2026"))
                .exchange().expectStatus().isUnauthorized();
        assertThat(login("root", "Мой-пароль-админа-7").get("passwordChangeRequired")).isEqualTo(false);
        // no demo users on a fresh install
        web.post().uri("/api/auth/login").bodyValue(Map.of("username", "admin", "password", "demo"))
                .exchange().expectStatus().isUnauthorized();
    }

    private Map<?, ?> login(String username, String password) {
        return web.post().uri("/api/auth/login").bodyValue(Map.of("username", username, "password", password))
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }
}
