package ru.rosobr.assistant.intake.webchat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import ru.rosobr.assistant.contracts.OrgType;

class MessageRequestTest {

    private static MessageRequest request(String teacherId, String fio, String region, String orgType, String text) {
        return new MessageRequest(teacherId, fio, region, orgType, text);
    }

    @Test
    void validRequestHasNoProblem() {
        MessageRequest r = request("t-1", "Иванова Мария Петровна", "58", "DOO", "Вопрос");
        assertThat(r.problem()).isEmpty();
        assertThat(r.parsedOrgType()).isEqualTo(OrgType.DOO);
    }

    @Test
    void everyFieldIsChecked() {
        assertThat(request(null, "Ф", "58", "SCHOOL", "т").problem()).hasValueSatisfying(
                p -> assertThat(p).contains("teacherId"));
        assertThat(request("t".repeat(101), "Ф", "58", "SCHOOL", "т").problem()).hasValueSatisfying(
                p -> assertThat(p).contains("100"));
        assertThat(request("t".repeat(100), "Ф", "58", "SCHOOL", "т").problem()).isEmpty();
        assertThat(request("t", " ", "58", "SCHOOL", "т").problem()).hasValueSatisfying(
                p -> assertThat(p).contains("ФИО"));
        assertThat(request("t", "Ф", "00", "SCHOOL", "т").problem()).hasValueSatisfying(
                p -> assertThat(p).contains("Неизвестный код региона"));
        assertThat(request("t", "Ф", "89", "SCHOOL", "т").problem()).isEmpty();
        assertThat(request("t", "Ф", null, "SCHOOL", "т").problem()).hasValueSatisfying(
                p -> assertThat(p).contains("Не указан регион"));
        assertThat(request("t", "Ф", "58", "school", "т").problem()).hasValueSatisfying(
                p -> assertThat(p).contains("SCHOOL, SPO или DOO"));
        assertThat(request("t", "Ф", "58", null, "т").problem()).isPresent();
        assertThat(request("t", "Ф", "58", "SPO", "\n\t").problem()).hasValueSatisfying(
                p -> assertThat(p).contains("пуст"));
        assertThat(request("t", "Ф", "58", "SPO", "я".repeat(4001)).problem()).hasValueSatisfying(
                p -> assertThat(p).contains("4000"));
        assertThat(request("t", "Ф", "58", "SPO", "я".repeat(4000)).problem()).isEmpty();
    }
}
