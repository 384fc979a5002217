package ru.rosobr.assistant.intake.teacher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;

import ru.rosobr.assistant.contracts.Channel;
import ru.rosobr.assistant.contracts.Topics;
import ru.rosobr.assistant.contracts.events.StaffActionAudited;
import ru.rosobr.assistant.contracts.events.TeacherChanged;
import ru.rosobr.assistant.intake.IntakeTestBase;
import ru.rosobr.assistant.intake.support.FakeMaxPlatform;
import ru.rosobr.assistant.intake.support.Updates;
import ru.rosobr.assistant.contracts.json.EventCodec;
import ru.rosobr.assistant.testkit.KafkaProbe;
import ru.rosobr.assistant.testkit.TestJwt;

/**
 * The console's registry page: file upload (CSV, XLSX) with a report by row and field, search with filters and
 * paging, disabling a teacher (polite refusal, no appeal, out of campaign audiences) — ADMIN only.
 */
class TeacherAdminIT extends IntakeTestBase {

    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final FakeMaxPlatform max = FakeMaxPlatform.get();

    private WebTestClient.ResponseSpec upload(byte[] file, MediaType type) {
        return web.post().uri("/api/admin/teachers/upload").header("Authorization", adminBearer())
                .contentType(type).bodyValue(file).exchange();
    }

    private Map<String, Object> report(byte[] file, MediaType type) {
        return upload(file, type).expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
                }).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private static List<String> errors(Map<String, Object> report) {
        return ((List<Map<String, Object>>) report.get("errors")).stream()
                .map(e -> e.get("row") + ":" + e.get("field") + ":" + e.get("reason")).toList();
    }

    /** {@code query}: {@code name=value&…} with plain values (encoded here). */
    private List<Map<String, Object>> search(String query, long expectedTotal) {
        return web.get().uri(b -> {
                    b.path("/api/admin/teachers");
                    List<Object> values = new java.util.ArrayList<>();
                    for (String pair : query.split("&")) {
                        String[] kv = pair.split("=", 2);
                        b.queryParam(kv[0], "{v" + values.size() + "}");
                        values.add(kv[1]);
                    }
                    return b.build(values.toArray());
                }).header("Authorization", adminBearer()).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Total-Count", String.valueOf(expectedTotal))
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() {
                }).returnResult().getResponseBody();
    }

    private static String marker(String stem) {
        return stem + Long.toString(Math.abs(UUID.randomUUID().getMostSignificantBits()) % 1_000_000_000L);
    }

    @Test
    void csvUploadImportsTheGoodRowsAndReportsTheBadOnesByRowAndField() {
        String m = marker("Загрузкина");
        long a = newUserId();
        long b = newUserId();
        long d = newUserId();
        // Excel in a Russian locale: ';', a BOM, Russian headers and organisation types
        String csv = "\uFEFFканал;идентификатор;ФИО;регион;тип организации\r\n"
                + "MAX;" + a + ";" + m + " Анна;58;школа\r\n"
                + "VK;" + b + ";\"" + m + " Борис; методист\";5;СПО\r\n"
                + "TELEGRAM;123;" + m + " Вера;58;SCHOOL\r\n"
                + ";;;;\r\n"
                + "MAX;abc;;99;ВУЗ\r\n"
                + "MAX;" + a + ";" + m + " Дубль;58;DOO\r\n"
                + "MAX;" + d + ";" + m + " Галина;;DOO\r\n";
        Map<String, Object> report = report(csv.getBytes(StandardCharsets.UTF_8), MediaType.parseMediaType("text/csv"));

        assertThat(report).containsEntry("format", "CSV").containsEntry("rows", 6).containsEntry("imported", 3)
                .containsEntry("created", 3).containsEntry("updated", 0).containsEntry("rejected", 3)
                .containsEntry("errorsTruncated", false);
        assertThat(errors(report)).containsExactly(
                "4:channel:channel должен быть MAX или VK",
                "6:platformUserId:platformUserId должен быть числом — идентификатором пользователя на платформе",
                "6:fio:не указаны ФИО (fio)",
                "6:region:неизвестный код региона «99»",
                "6:orgType:orgType должен быть SCHOOL (школа), SPO (СПО) или DOO (ДОО)",
                "7:platformUserId:педагог MAX " + a + " уже указан в строке 2");
        assertThat(count("select count(*) from teachers where fio like :p0 and verified", m + "%")).isEqualTo(3);
        assertThat(count("select count(*) from teachers where channel = 'VK' and platform_user_id = :p0 "
                + "and region = '05' and org_type = 'SPO' and fio = :p1", String.valueOf(b), m + " Борис; методист"))
                .isEqualTo(1);
        List<String> ids = List.of(teacherId(Channel.MAX, a), teacherId(Channel.VK, b), teacherId(Channel.MAX, d));
        assertThat(KafkaProbe.awaitCount(Topics.TEACHER_CHANGED, e -> ids.contains(e.teacherId()), 3, WAIT))
                .allMatch(TeacherChanged::verified);

        // the same file again: nothing new, the good rows updated
        Map<String, Object> again = report(csv.getBytes(StandardCharsets.UTF_8), MediaType.parseMediaType("text/csv"));
        assertThat(again).containsEntry("imported", 3).containsEntry("created", 0).containsEntry("updated", 3)
                .containsEntry("rejected", 3);
        assertThat(count("select count(*) from teachers where fio like :p0", m + "%")).isEqualTo(3);
        // each import is in the console's audit log, with who did it and the counts (no teacher's data)
        StaffActionAudited first = KafkaProbe.await(Topics.AUDIT_INTAKE, e -> e.details() != null
                && e.details().equals("CSV: строк 6, загружено 3 (новых 3, обновлено 0), отклонено 3"), WAIT);
        assertThat(first.actor()).isEqualTo("admin");
        assertThat(first.action()).isEqualTo("REGISTRY_IMPORT");
        assertThat(first.region()).isNull();
        KafkaProbe.await(Topics.AUDIT_INTAKE, e -> e.details() != null
                && e.details().equals("CSV: строк 6, загружено 3 (новых 0, обновлено 3), отклонено 3"), WAIT);
    }

    @Test
    void xlsxUploadIsReadFromTheFirstSheet() throws IOException {
        String m = marker("Таблицына");
        long a = newUserId();
        long b = newUserId();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook workbook = new Workbook(out, "test", "1.0");
        Worksheet sheet = workbook.newWorksheet("Реестр");
        String[] header = {"channel", "platformUserId", "fio", "region", "orgType"};
        for (int c = 0; c < header.length; c++) {
            sheet.value(0, c, header[c]);
        }
        // numbers as Excel keeps them: the id and the region are numeric cells
        sheet.value(1, 0, "MAX");
        sheet.value(1, 1, a);
        sheet.value(1, 2, m + " Анна");
        sheet.value(1, 3, 5);
        sheet.value(1, 4, "SCHOOL");
        sheet.value(2, 0, "VK");
        sheet.value(2, 1, String.valueOf(b));
        sheet.value(2, 2, m + " Борис");
        sheet.value(2, 3, "33");
        sheet.value(2, 4, "ДОО");
        sheet.value(4, 0, "MAX");
        sheet.value(4, 1, newUserId());
        sheet.value(4, 2, m + " Без типа");
        workbook.finish();

        Map<String, Object> report = report(out.toByteArray(), XLSX);
        assertThat(report).containsEntry("format", "XLSX").containsEntry("rows", 3).containsEntry("imported", 2)
                .containsEntry("created", 2).containsEntry("rejected", 1);
        assertThat(errors(report)).containsExactly(
                "5:orgType:orgType должен быть SCHOOL (школа), SPO (СПО) или DOO (ДОО)");
        assertThat(count("select count(*) from teachers where channel = 'MAX' and platform_user_id = :p0 "
                + "and region = '05' and org_type = 'SCHOOL'", String.valueOf(a))).isEqualTo(1);
        assertThat(count("select count(*) from teachers where channel = 'VK' and platform_user_id = :p0 "
                + "and region = '33' and org_type = 'DOO'", String.valueOf(b))).isEqualTo(1);
    }

    @Test
    void unreadableAndOversizedFilesAreRefusedWithAReason() {
        long user = newUserId();
        upload(new byte[0], MediaType.parseMediaType("text/csv")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").isEqualTo("Файл пуст");
        upload("name,phone\nИванов,1\n".getBytes(StandardCharsets.UTF_8), MediaType.parseMediaType("text/csv"))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.detail").value(String.class,
                        detail -> assertThat(detail).startsWith("В заголовке CSV нет столбцов: channel, platformUserId"));
        // saved by Excel as «CSV (разделители — запятые)»: Windows-1251, refused rather than imported garbled
        upload(("channel,platformUserId,fio,region,orgType\nMAX," + user + ",Иванов Иван,58,SCHOOL\n")
                .getBytes(Charset.forName("windows-1251")), MediaType.parseMediaType("text/csv"))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.detail").value(String.class,
                        detail -> assertThat(detail).contains("UTF-8"));
        upload("PK\u0003\u0004 not really a workbook".getBytes(StandardCharsets.ISO_8859_1), XLSX)
                .expectStatus().isBadRequest().expectBody().jsonPath("$.detail")
                .isEqualTo("Файл не читается как книга Excel (XLSX)");
        upload("channel,platformUserId,fio,region,orgType\n".getBytes(StandardCharsets.UTF_8),
                MediaType.parseMediaType("text/csv")).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.detail").value(String.class, detail -> assertThat(detail).contains("нет ни одного"));
        // one line longer than the reader can look ahead over: no header, refused rather than a server error
        upload(("\"" + "a".repeat(100_000) + "\"").getBytes(StandardCharsets.UTF_8),
                MediaType.parseMediaType("text/csv")).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.detail").value(String.class, detail -> assertThat(detail).startsWith("Первая строка"));
        assertThat(teacherId(Channel.MAX, user)).isNull();

        // over the limit (1 MB in the tests): declared up front, and streamed without a length
        byte[] big = new byte[1024 * 1024 + 1];
        Arrays.fill(big, (byte) 'x');
        upload(big, MediaType.parseMediaType("text/csv")).expectStatus().isEqualTo(413).expectBody()
                .jsonPath("$.detail").isEqualTo("Файл больше 1 МБ: разделите реестр на несколько файлов");
        Flux<DataBuffer> chunks = Flux.range(0, 3).map(i -> DefaultDataBufferFactory.sharedInstance
                .wrap(Arrays.copyOf(big, 512 * 1024)));
        web.post().uri("/api/admin/teachers/upload").header("Authorization", adminBearer())
                .contentType(MediaType.parseMediaType("text/csv")).body(chunks, DataBuffer.class).exchange()
                .expectStatus().isEqualTo(413);
    }

    @Test
    void searchFiltersAndPages() {
        String m = marker("Поискова");
        long[] users = {newUserId(), newUserId(), newUserId(), newUserId(), newUserId()};
        importTeachers("["
                + entry("MAX", users[0], m + " Анна", "58", "SCHOOL") + ","
                + entry("MAX", users[1], m + " Борис", "58", "SPO") + ","
                + entry("VK", users[2], m + " Вера", "33", "SCHOOL") + ","
                + entry("VK", users[3], m + " Глеб", "58", "DOO") + ","
                + entry("MAX", users[4], m + " Дарья", "77", "SCHOOL") + "]");

        List<Map<String, Object>> first = search("q=" + m + "&limit=2", 5);
        assertThat(first).extracting(t -> t.get("fio")).containsExactly(m + " Анна", m + " Борис");
        assertThat(first.getFirst()).containsEntry("regionName", "Пензенская область")
                .containsEntry("verified", true).containsEntry("disabled", false);
        assertThat(search("q=" + m + "&limit=2&offset=4", 5)).extracting(t -> t.get("fio"))
                .containsExactly(m + " Дарья");
        // part of the name, any case
        assertThat(search("q=" + m.toLowerCase() + " гл", 1)).extracting(t -> t.get("fio"))
                .containsExactly(m + " Глеб");
        assertThat(search("q=" + m + "&region=58", 3)).hasSize(3);
        assertThat(search("q=" + m + "&region=58&orgType=SCHOOL", 1)).hasSize(1);
        assertThat(search("q=" + m + "&channel=VK", 2)).extracting(t -> t.get("fio"))
                .containsExactly(m + " Вера", m + " Глеб");
        assertThat(search("q=" + m + "&verified=true", 5)).hasSize(5);
        assertThat(search("q=" + m + "&disabled=true", 0)).isEmpty();
        assertThat(search("q=" + users[2], 1)).extracting(t -> t.get("fio")).containsExactly(m + " Вера");

        web.post().uri("/api/admin/teachers/VK/" + users[3] + "/disable").header("Authorization", adminBearer())
                .exchange().expectStatus().isOk();
        assertThat(search("q=" + m + "&disabled=true", 1)).extracting(t -> t.get("fio"))
                .containsExactly(m + " Глеб");
        assertThat(search("q=" + m + "&disabled=false", 4)).hasSize(4);

        // the LIKE wildcards are plain characters
        importTeachers("[" + entry("MAX", newUserId(), m + " Ёж_100%", "58", "SCHOOL") + "]");
        assertThat(search("q=" + m + "%", 0)).isEmpty();
        assertThat(search("q=" + m + " Ёж_1", 1)).extracting(t -> t.get("fio")).containsExactly(m + " Ёж_100%");
        assertThat(search("q=Ёж_100%", 1)).hasSize(1);

        web.get().uri("/api/admin/teachers?region=99").header("Authorization", adminBearer()).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.detail")
                .isEqualTo("Неизвестный код региона: 99");
        web.get().uri("/api/admin/teachers?limit=500").header("Authorization", adminBearer()).exchange()
                .expectStatus().isBadRequest();
    }

    private static String entry(String channel, long user, String fio, String region, String orgType) {
        return "{\"channel\":\"" + channel + "\",\"platformUserId\":\"" + user + "\",\"fio\":\"" + fio
                + "\",\"region\":\"" + region + "\",\"orgType\":\"" + orgType + "\"}";
    }

    private long changes(String teacherId) {
        return count("select count(*) from outbox where topic = 'teacher.changed.v1' and payload like :p0",
                "%" + teacherId + "%");
    }

    private List<JsonNode> messagesTo(long user) {
        return max.acceptedMessagesTo(String.valueOf(user)).stream()
                .map(r -> EventCodec.mapper().readTree(r.body())).toList();
    }

    @Test
    void aDisabledTeacherIsRefusedPolitelyLeavesTheAudiencesAndComesBackWhenEnabled() {
        long user = newUserId();
        registerTeacher(Channel.MAX, user, "Отключаемова Ольга Ивановна", "58");
        String teacher = teacherId(Channel.MAX, user);
        long before = changes(teacher);

        web.post().uri("/api/admin/teachers/MAX/" + user + "/disable").header("Authorization", adminBearer())
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.disabled").isEqualTo(true).jsonPath("$.teacherId").isEqualTo(teacher);
        KafkaProbe.await(Topics.TEACHER_CHANGED, e -> teacher.equals(e.teacherId()) && !e.verified(), WAIT);
        assertThat(changes(teacher)).isEqualTo(before + 1);
        // disabling again changes nothing and announces nothing
        web.post().uri("/api/admin/teachers/MAX/" + user + "/disable").header("Authorization", adminBearer())
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.disabled").isEqualTo(true);
        assertThat(changes(teacher)).isEqualTo(before + 1);
        assertThat(count("select count(*) from teachers where teacher_id = :p0 and disabled_by = 'admin'", teacher))
                .isEqualTo(1);

        String mid = "mid." + UUID.randomUUID();
        postMax(Updates.maxMessageCreated(user, mid, "Нужно ли вести дневник наблюдений?")).expectStatus().isOk();
        await().atMost(WAIT).until(() -> messagesTo(user).stream()
                .anyMatch(b -> b.path("text").asString("").contains("приостановлен администратором")));
        await().atMost(WAIT).until(() -> count("select count(*) from inbound_updates where dedup_key = :p0 "
                + "and status = 'DONE'", "mid:" + mid) == 1);
        assertThat(count("select count(*) from appeals where teacher_id = :p0", teacher)).isZero();
        assertThat(count("select count(*) from outbox where topic = 'appeal.received.v1' and payload like :p0",
                "%" + teacher + "%")).isZero();

        // a registry import updates the name but does not undo the administrator's decision
        registerTeacher(Channel.MAX, user, "Отключаемова-Петрова Ольга Ивановна", "58");
        assertThat(count("select count(*) from teachers where teacher_id = :p0 and disabled_at is not null "
                + "and fio = 'Отключаемова-Петрова Ольга Ивановна'", teacher)).isEqualTo(1);
        assertThat(KafkaProbe.awaitCount(Topics.TEACHER_CHANGED, e -> teacher.equals(e.teacherId()), 3, WAIT)
                .getLast().verified()).isFalse();

        web.post().uri("/api/admin/teachers/MAX/" + user + "/enable").header("Authorization", adminBearer())
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.disabled").isEqualTo(false);
        // the audit log hears of the disabling once (the repeat changed nothing) and of the enabling, in the region
        StaffActionAudited enabled = KafkaProbe.await(Topics.AUDIT_INTAKE,
                e -> e.action().equals("TEACHER_ENABLE") && e.details().equals("педагог " + teacher), WAIT);
        assertThat(enabled.region()).isEqualTo("58");
        assertThat(enabled.actor()).isEqualTo("admin");
        assertThat(KafkaProbe.all(Topics.AUDIT_INTAKE,
                e -> e.action().equals("TEACHER_DISABLE") && e.details().equals("педагог " + teacher))).hasSize(1);
        assertThat(KafkaProbe.awaitCount(Topics.TEACHER_CHANGED, e -> teacher.equals(e.teacherId()), 4, WAIT)
                .getLast().verified()).isTrue();
        String text = "Нужно ли вести дневник наблюдений после включения?";
        postMax(Updates.maxMessageCreated(user, "mid." + UUID.randomUUID(), text)).expectStatus().isOk();
        KafkaProbe.await(Topics.APPEAL_RECEIVED, e -> teacher.equals(e.teacherId()) && text.equals(e.text()), WAIT);

        web.post().uri("/api/admin/teachers/MAX/" + newUserId() + "/disable").header("Authorization", adminBearer())
                .exchange().expectStatus().isNotFound();
        web.post().uri("/api/admin/teachers/TELEGRAM/1/disable").header("Authorization", adminBearer())
                .exchange().expectStatus().isBadRequest();
    }

    @Test
    void theRegistryPageIsForAdminsOnly() {
        String head = "Bearer " + TestJwt.token("head58", List.of("REGIONAL_HEAD"), "58");
        String federal = "Bearer " + TestJwt.token("fed", List.of("FEDERAL"), null);
        for (String token : List.of(head, federal)) {
            web.get().uri("/api/admin/teachers").header("Authorization", token).exchange()
                    .expectStatus().isForbidden();
            web.post().uri("/api/admin/teachers/MAX/1/disable").header("Authorization", token).exchange()
                    .expectStatus().isForbidden();
            web.post().uri("/api/admin/teachers/upload").header("Authorization", token)
                    .contentType(MediaType.parseMediaType("text/csv")).bodyValue("channel\n").exchange()
                    .expectStatus().isForbidden();
        }
        web.get().uri("/api/admin/teachers").exchange().expectStatus().isUnauthorized();
    }
}
