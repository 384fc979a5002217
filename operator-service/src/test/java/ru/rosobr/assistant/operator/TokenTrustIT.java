package ru.rosobr.assistant.operator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import ru.rosobr.assistant.contracts.Topics;
import ru.rosobr.assistant.contracts.events.AccessRevoked;
import ru.rosobr.assistant.contracts.events.StaffUserChanged;
import ru.rosobr.assistant.testkit.KafkaProbe;
import ru.rosobr.assistant.testkit.TestJwt;

/**
 * Tokens only this service can mint: the published keys, refusal of any other key, refresh, logout and user changes
 * that end tokens early (with the events the gateways act on), lockout and the forced password change.
 */
class TokenTrustIT extends OperatorTestBase {

    @Test
    void publishesItsPublicKeysOnly() {
        web.get().uri("/.well-known/jwks.json").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.keys[0].kid").isEqualTo(TestJwt.KID)
                .jsonPath("$.keys[0].kty").isEqualTo("RSA")
                .jsonPath("$.keys[0].alg").isEqualTo("RS256")
                .jsonPath("$.keys[0].d").doesNotExist()
                .jsonPath("$.keys[0].p").doesNotExist();
    }

    @Test
    void aTokenMadeWithAnyOtherKeyIsRefused() {
        get(TestJwt.foreignToken("admin", List.of("ADMIN"), null), "/api/console/users").exchange()
                .expectStatus().isUnauthorized();
        // the old scheme: a shared HS256 secret any service held
        get(hs256("admin", "test-secret-for-integration-tests-only-0123456789"), "/api/console/users").exchange()
                .expectStatus().isUnauthorized();
        // no signature at all
        String unsigned = b64("{\"alg\":\"none\"}") + "." + b64("{\"iss\":\"operator-service\",\"sub\":\"admin\","
                + "\"roles\":[\"ADMIN\"],\"exp\":" + (System.currentTimeMillis() / 1000 + 600) + "}") + ".";
        get(unsigned, "/api/console/users").exchange().expectStatus().isUnauthorized();
        get(TestJwt.token("admin", List.of("ADMIN"), null), "/api/console/users").exchange().expectStatus().isOk();
    }

    @Test
    void refreshGivesNewTokensOnceAndLogoutEndsTheSessionEverywhere() {
        Map<?, ?> first = loginBody("operator33", "demo");
        String refresh = (String) first.get("refreshToken");
        Map<?, ?> second = web.post().uri("/api/auth/refresh").bodyValue(Map.of("refreshToken", refresh)).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        String access = (String) second.get("accessToken");
        get(access, "/api/console/appeals").exchange().expectStatus().isOk();
        // a refresh token works once
        web.post().uri("/api/auth/refresh").bodyValue(Map.of("refreshToken", refresh)).exchange()
                .expectStatus().isUnauthorized();

        web.post().uri("/api/auth/logout").header("Authorization", "Bearer " + access).exchange()
                .expectStatus().isNoContent();
        // both access tokens of the session are refused, and so is its latest refresh token
        get((String) first.get("accessToken"), "/api/console/appeals").exchange().expectStatus().isUnauthorized();
        get(access, "/api/console/appeals").exchange().expectStatus().isUnauthorized();
        web.post().uri("/api/auth/refresh").bodyValue(Map.of("refreshToken", second.get("refreshToken")))
                .exchange().expectStatus().isUnauthorized();
        AccessRevoked revoked = KafkaProbe.await(Topics.ACCESS_REVOKED,
                e -> e.username().equals("operator33") && "LOGOUT".equals(e.reason()), WAIT);
        assertThat(revoked.sessionId()).isNotBlank();
        assertThat(revoked.validUntil()).isAfter(revoked.occurredAt());
    }

    @Test
    void disablingOrChangingAUserEndsTheirTokensAndTellsTheOtherServices() {
        String admin = login("admin");
        post(admin, "/api/console/users", Map.of("username", "op58trust", "password", "Первый-пароль-58",
                "roles", List.of("OPERATOR"), "region", "58", "fullName", "Проверка токенов"))
                .exchange().expectStatus().isCreated().expectBody()
                .jsonPath("$.mustChangePassword").isEqualTo(true);
        StaffUserChanged created = KafkaProbe.await(Topics.STAFF_USER_CHANGED,
                e -> e.username().equals("op58trust"), WAIT);
        assertThat(created.roles()).containsExactly("OPERATOR");
        assertThat(created.region()).isEqualTo("58");

        // first login: no roles until the password is the user's own
        Map<?, ?> first = loginBody("op58trust", "Первый-пароль-58");
        assertThat(first.get("passwordChangeRequired")).isEqualTo(true);
        get((String) first.get("accessToken"), "/api/console/appeals").exchange().expectStatus().isForbidden();
        post((String) first.get("accessToken"), "/api/auth/password",
                Map.of("currentPassword", "Первый-пароль-58", "newPassword", "short")).exchange()
                .expectStatus().isBadRequest();
        Map<?, ?> own = web.post().uri("/api/auth/password")
                .header("Authorization", "Bearer " + first.get("accessToken"))
                .bodyValue(Map.of("currentPassword", "Первый-пароль-58", "newPassword", "Свой-пароль-2026"))
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(own.get("passwordChangeRequired")).isEqualTo(false);
        String token = (String) own.get("accessToken");
        get(token, "/api/console/appeals").exchange().expectStatus().isOk();
        get((String) first.get("accessToken"), "/api/auth/me").exchange().expectStatus().isUnauthorized();

        // a role change: the token that still says OPERATOR is refused; a refresh carries the new role
        web.put().uri("/api/console/users/op58trust").header("Authorization", "Bearer " + admin)
                .bodyValue(Map.of("roles", List.of("REGIONAL_HEAD"))).exchange().expectStatus().isOk();
        get(token, "/api/console/appeals").exchange().expectStatus().isUnauthorized().expectBody()
                .jsonPath("$.detail").isEqualTo("Учётная запись изменена или отключена: войдите снова");
        KafkaProbe.await(Topics.ACCESS_REVOKED, e -> e.username().equals("op58trust")
                && "ROLES_CHANGED".equals(e.reason()) && e.minTokenVersion() > 0, WAIT);
        Map<?, ?> refreshed = web.post().uri("/api/auth/refresh").bodyValue(Map.of("refreshToken",
                own.get("refreshToken"))).exchange().expectStatus().isOk().expectBody(Map.class).returnResult()
                .getResponseBody();
        assertThat(refreshed.get("roles")).isEqualTo(List.of("REGIONAL_HEAD"));

        // disabled: every token and the refresh token stop working; routing hears the user is gone
        web.put().uri("/api/console/users/op58trust").header("Authorization", "Bearer " + admin)
                .bodyValue(Map.of("enabled", false)).exchange().expectStatus().isOk();
        get((String) refreshed.get("accessToken"), "/api/auth/me").exchange().expectStatus().isUnauthorized();
        web.post().uri("/api/auth/refresh").bodyValue(Map.of("refreshToken", refreshed.get("refreshToken")))
                .exchange().expectStatus().isUnauthorized();
        KafkaProbe.await(Topics.ACCESS_REVOKED, e -> e.username().equals("op58trust")
                && "DISABLED".equals(e.reason()), WAIT);
        KafkaProbe.await(Topics.STAFF_USER_CHANGED, e -> e.username().equals("op58trust") && !e.enabled(), WAIT);
    }

    @Test
    void weakPasswordsAreRefused() {
        String admin = login("admin");
        post(admin, "/api/console/users", Map.of("username", "weakling", "password", "onlyletters",
                "roles", List.of("FEDERAL"))).exchange().expectStatus().isBadRequest().expectBody()
                .jsonPath("$.detail").isEqualTo("Пароль должен содержать и буквы, и цифры");
        post(admin, "/api/console/users", Map.of("username", "weakling", "password", "weakling123",
                "roles", List.of("FEDERAL"))).exchange().expectStatus().isBadRequest().expectBody()
                .jsonPath("$.detail").isEqualTo("Пароль не должен содержать логин");
    }

    @Test
    void repeatedWrongPasswordsLockTheAccountAndAreAudited() {
        String admin = login("admin");
        post(admin, "/api/console/users", Map.of("username", "locktest", "password", "Замок-пароль-1",
                "roles", List.of("FEDERAL"))).exchange().expectStatus().isCreated();
        for (int i = 0; i < 5; i++) {
            web.post().uri("/api/auth/login").bodyValue(Map.of("username", "locktest", "password", "wrong-" + i))
                    .exchange().expectStatus().isUnauthorized();
        }
        // locked: even the right password is refused now, exactly as an unknown login is (the answer must not tell
        // a guesser that the login exists)
        String unknown = web.post().uri("/api/auth/login")
                .bodyValue(Map.of("username", "nosuchuser", "password", "Замок-пароль-1"))
                .exchange().expectStatus().isUnauthorized().expectBody(Map.class).returnResult().getResponseBody()
                .get("detail").toString();
        web.post().uri("/api/auth/login").bodyValue(Map.of("username", "locktest", "password", "Замок-пароль-1"))
                .exchange().expectStatus().isUnauthorized().expectBody()
                .jsonPath("$.detail").isEqualTo(unknown);
        assertThat(unknown).contains("временно блокируется");
        get(admin, "/api/console/audit?actor=locktest&action=LOGIN_LOCKED").exchange().expectBody()
                .jsonPath("$.length()").isEqualTo(1);
        get(admin, "/api/console/audit?actor=locktest&action=LOGIN_FAILED").exchange().expectBody()
                .jsonPath("$.length()").isEqualTo(5);
        get(admin, "/api/console/users?role=FEDERAL").exchange().expectBody()
                .jsonPath("$[?(@.username == 'locktest')].lockedUntil").isNotEmpty();
        // an admin's password reset unlocks (and makes the user choose a new password)
        web.put().uri("/api/console/users/locktest").header("Authorization", "Bearer " + admin)
                .bodyValue(Map.of("password", "Новый-временный-2")).exchange().expectStatus().isOk();
        assertThat(loginBody("locktest", "Новый-временный-2").get("passwordChangeRequired")).isEqualTo(true);
    }

    @Test
    void theAuditLogIsAppendOnlyInTheDatabaseAndFilteredByDay() {
        login("federal");
        Long id = db.sql("select max(id) as id from audit_log").map((r, m) -> r.get("id", Long.class)).one().block();
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                db.sql("update audit_log set actor = 'someone-else' where id = " + id).then().block())
                .hasMessageContaining("append-only");
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                db.sql("delete from audit_log where id = " + id).then().block()).hasMessageContaining("append-only");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> db.sql("truncate audit_log").then().block())
                .hasMessageContaining("append-only");
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Moscow")).toString();
        String federal = login("federal");
        get(federal, "/api/console/audit?actor=federal&action=LOGIN&from=" + today + "&to=" + today).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.length()").value(n -> assertThat((Integer) n).isGreaterThanOrEqualTo(2));
        get(federal, "/api/console/audit?actor=federal&from=2001-01-01&to=2001-01-02").exchange()
                .expectBody().jsonPath("$.length()").isEqualTo(0);
        get(federal, "/api/console/audit?from=вчера").exchange().expectStatus().isBadRequest();
    }

    private Map<?, ?> loginBody(String username, String password) {
        return web.post().uri("/api/auth/login").bodyValue(Map.of("username", username, "password", password))
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }

    private static String hs256(String user, String secret) {
        String unsigned = b64("{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"" + TestJwt.KID + "\"}") + "."
                + b64("{\"iss\":\"operator-service\",\"sub\":\"" + user + "\",\"roles\":[\"ADMIN\"],\"exp\":"
                + (System.currentTimeMillis() / 1000 + 600) + "}");
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return unsigned + "." + Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(unsigned.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
