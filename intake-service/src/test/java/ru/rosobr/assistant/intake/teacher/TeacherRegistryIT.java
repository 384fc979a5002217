package ru.rosobr.assistant.intake.teacher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;

import ru.rosobr.assistant.contracts.Channel;
import ru.rosobr.assistant.intake.IntakeTestBase;
import ru.rosobr.assistant.testkit.TestJwt;

/** The verified-teacher registry: JSON and CSV imports, all-or-nothing checks, ADMIN only. */
class TeacherRegistryIT extends IntakeTestBase {

    private Map<String, Object> row(long user) {
        return db.sql("select fio, region, org_type, verified from teachers where channel = 'MAX' "
                        + "and platform_user_id = :u")
                .bind("u", String.valueOf(user))
                .map((r, m) -> Map.<String, Object>of("fio", r.get("fio", String.class),
                        "region", String.valueOf(r.get("region", String.class)),
                        "orgType", r.get("org_type", String.class), "verified", r.get("verified", Boolean.class)))
                .one().block();
    }

    @Test
    void jsonImportAddsAndThenUpdatesVerifiedTeachers() {
        long a = newUserId();
        long b = newUserId();
        Map<String, Object> first = importTeachers("[{\"channel\":\"MAX\",\"platformUserId\":\"" + a
                + "\",\"fio\":\"Орлова Ирина Павловна\",\"region\":\"58\",\"orgType\":\"SCHOOL\"},"
                + "{\"channel\":\"VK\",\"platformUserId\":" + b
                + ",\"fio\":\"Зайцев Пётр Ильич\",\"region\":\"33\",\"orgType\":\"SPO\"}]");
        assertThat(first).containsEntry("imported", 2).containsEntry("created", 2).containsEntry("updated", 0);
        assertThat(row(a)).containsEntry("fio", "Орлова Ирина Павловна").containsEntry("region", "58")
                .containsEntry("orgType", "SCHOOL").containsEntry("verified", true);

        String teacherId = teacherId(Channel.MAX, a);
        Map<String, Object> second = importTeachers("[{\"channel\":\"MAX\",\"platformUserId\":\"" + a
                + "\",\"fio\":\"Орлова-Смирнова Ирина Павловна\",\"region\":\"\",\"orgType\":\"ДОО\"}]");
        assertThat(second).containsEntry("created", 0).containsEntry("updated", 1);
        // the intake id stays; a registry without the region keeps the one known
        assertThat(teacherId(Channel.MAX, a)).isEqualTo(teacherId);
        assertThat(row(a)).containsEntry("fio", "Орлова-Смирнова Ирина Павловна").containsEntry("region", "58")
                .containsEntry("orgType", "DOO");
    }

    @Test
    void csvImportWorksToo() {
        long a = newUserId();
        long b = newUserId();
        String csv = "channel,platformUserId,fio,region,orgType\r\n"
                + "MAX," + a + ",\"Белова Анна, методист\",58,SCHOOL\r\n"
                + "\r\n"
                + "MAX," + b + ",Носов Олег Петрович,,СПО\r\n";
        web.post().uri("/api/admin/teachers").header("Authorization", adminBearer())
                .contentType(MediaType.parseMediaType("text/csv; charset=utf-8")).bodyValue(csv)
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.imported").isEqualTo(2).jsonPath("$.created").isEqualTo(2);
        assertThat(row(a)).containsEntry("fio", "Белова Анна, методист").containsEntry("region", "58");
        assertThat(row(b)).containsEntry("region", "null").containsEntry("orgType", "SPO");
    }

    @Test
    void badRowsAreListedAndNothingIsImported() {
        long good = newUserId();
        String csv = "channel,platformUserId,fio,region,orgType\n"
                + "MAX," + good + ",Хорошая Строка Тест,58,SCHOOL\n"
                + "TELEGRAM,123,Иванов Иван,58,SCHOOL\n"
                + "MAX,abc,,00,UNIVERSITY\n"
                + "MAX," + good + ",Дубль Строки,58,DOO\n";
        List<Map<String, Object>> errors = web.post().uri("/api/admin/teachers").header("Authorization", adminBearer())
                .contentType(MediaType.parseMediaType("text/csv")).bodyValue(csv)
                .exchange().expectStatus().isBadRequest()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
                })
                .returnResult().getResponseBody().entrySet().stream()
                .filter(e -> e.getKey().equals("errors")).findFirst()
                .map(e -> {
                    @SuppressWarnings("unchecked")
                    List<Map<String, Object>> list = (List<Map<String, Object>>) e.getValue();
                    return list;
                }).orElseThrow();
        assertThat(errors).extracting(e -> e.get("row")).containsExactly(3, 4, 5);
        assertThat((String) errors.get(0).get("reason")).contains("MAX или VK");
        assertThat((String) errors.get(1).get("reason")).contains("platformUserId").contains("ФИО")
                .contains("региона").contains("orgType");
        assertThat((String) errors.get(2).get("reason")).contains("строке 2");
        assertThat(row(good)).isNull();

        web.post().uri("/api/admin/teachers").header("Authorization", adminBearer())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("[{\"channel\":\"MAX\",\"platformUserId\":\"" + good + "\",\"fio\":\"А\",\"orgType\":\"SCHOOL\"},"
                        + "{\"channel\":\"MAX\",\"platformUserId\":\"1\",\"fio\":{\"x\":1},\"orgType\":\"SCHOOL\"}]")
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].row").isEqualTo(2)
                .jsonPath("$.detail").value(String.class, d -> assertThat(d).contains("записях 2"));
        web.post().uri("/api/admin/teachers").header("Authorization", adminBearer())
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{not json")
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").value(String.class, d -> assertThat(d).contains("JSON"));
        web.post().uri("/api/admin/teachers").header("Authorization", adminBearer())
                .contentType(MediaType.parseMediaType("text/csv")).bodyValue("name,phone\nА,1\n")
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").value(String.class, d -> assertThat(d).contains("platformUserId"));
        assertThat(row(good)).isNull();
    }

    @Test
    void registryIsForAdminsOnly() {
        String body = "[{\"channel\":\"MAX\",\"platformUserId\":\"1\",\"fio\":\"А\",\"region\":\"58\","
                + "\"orgType\":\"SCHOOL\"}]";
        web.post().uri("/api/admin/teachers").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isUnauthorized();
        web.post().uri("/api/admin/teachers")
                .header("Authorization", "Bearer " + TestJwt.token("head58", List.of("REGIONAL_HEAD"), "58"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isForbidden();
        web.post().uri("/api/admin/teachers").header("Authorization", "Bearer not.a.token")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isUnauthorized();
        // this internet-facing service holds no signing key and trusts only operator-service's: an ADMIN token
        // signed with any other key is refused
        web.post().uri("/api/admin/teachers")
                .header("Authorization", "Bearer " + TestJwt.foreignToken("admin", List.of("ADMIN"), null))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isUnauthorized();
    }
}
