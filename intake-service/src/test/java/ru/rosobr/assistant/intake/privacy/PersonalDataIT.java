package ru.rosobr.assistant.intake.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import ru.rosobr.assistant.contracts.Channel;
import ru.rosobr.assistant.contracts.Topics;
import ru.rosobr.assistant.contracts.events.AppealReceived;
import ru.rosobr.assistant.contracts.events.TeacherErased;
import ru.rosobr.assistant.intake.IntakeTestBase;
import ru.rosobr.assistant.intake.support.Updates;
import ru.rosobr.assistant.testkit.KafkaProbe;
import ru.rosobr.assistant.testkit.TestJwt;

/** A teacher's data exported and erased on request by an admin; what statistics need stays. */
class PersonalDataIT extends IntakeTestBase {

    @Test
    void anAdminExportsAndErasesATeachersPersonalData() {
        long user = newUserId();
        registerTeacher(Channel.MAX, user, "Громова Алла Юрьевна", "58");
        postMax(Updates.maxMessageCreated(user, "mid-" + user, "Нужно ли вести журнал кружка каждую неделю?"))
                .expectStatus().isOk();
        String teacherId = Awaitility.await().atMost(WAIT).until(() -> teacherId(Channel.MAX, user), t -> t != null);
        AppealReceived appeal = KafkaProbe.await(Topics.APPEAL_RECEIVED, e -> teacherId.equals(e.teacherId()), WAIT);
        assertThat(count("select count(*) from teachers where teacher_id = :p0 and platform_dialog_id is not null",
                teacherId)).as("the dialog's chat_id, told by the message").isEqualTo(1);
        assertThat(count("select count(*) from teachers where teacher_id = :p0 and display_name is not null",
                teacherId)).as("the messenger profile's name, told by the message").isEqualTo(1);
        String uri = "/api/admin/teachers/MAX/" + user + "/personal-data";

        web.get().uri(uri).exchange().expectStatus().isUnauthorized();
        web.get().uri(uri).header("Authorization", "Bearer " + TestJwt.token("op", List.of("OPERATOR"), "58"))
                .exchange().expectStatus().isForbidden();
        web.get().uri(uri).header("Authorization", adminBearer()).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.teacher.fio").isEqualTo("Громова Алла Юрьевна")
                .jsonPath("$.teacher.platformUserId").isEqualTo(String.valueOf(user))
                .jsonPath("$.appeals[0].question").isEqualTo("Нужно ли вести журнал кружка каждую неделю?")
                .jsonPath("$.messages[?(@.direction == 'IN')].text").isNotEmpty();

        web.delete().uri(uri).header("Authorization", adminBearer()).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.appealsAnonymised").isEqualTo(1);
        TeacherErased erased = KafkaProbe.await(Topics.TEACHER_ERASED, e -> teacherId.equals(e.teacherId()), WAIT);
        assertThat(erased.appealIds()).containsExactly(appeal.appealId());

        // nothing personal left; the appeal (region, state, dates) stays for the statistics
        assertThat(count("select count(*) from messages where teacher_id = :p0", teacherId)).isZero();
        assertThat(count("select count(*) from teachers where teacher_id = :p0 and fio is null "
                + "and display_name is null and platform_user_id like 'erased:%' and platform_dialog_id is null "
                + "and region = '58'", teacherId))
                .isEqualTo(1);
        assertThat(count("select count(*) from appeals where appeal_id = :p0 and question = '[удалено по запросу]' "
                + "and region = '58'", appeal.appealId())).isEqualTo(1);
        // the person is unknown now: the platform id no longer leads anywhere
        web.get().uri(uri).header("Authorization", adminBearer()).exchange().expectStatus().isNotFound();
        web.delete().uri(uri).header("Authorization", adminBearer()).exchange().expectStatus().isNotFound();
        web.get().uri("/api/admin/teachers/FAX/1/personal-data").header("Authorization", adminBearer()).exchange()
                .expectStatus().isBadRequest();
    }
}
