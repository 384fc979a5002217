package ru.rosobr.assistant.intake.webchat;

import java.util.Optional;

import ru.rosobr.assistant.contracts.OrgType;
import ru.rosobr.assistant.platform.input.TextInput;
import ru.rosobr.assistant.platform.reference.Regions;

/**
 * Body of {@code POST /api/webchat/messages}. Fields are read as text and checked here, so that every bad value
 * gets its own reason instead of a generic parse error.
 */
public record MessageRequest(String teacherId, String fio, String region, String orgType, String text) {

    public static final int MAX_TEACHER_ID = 100;
    public static final int MAX_FIO = 300;
    /** The messengers' limit for one message; the web chat keeps to it too. */
    public static final int MAX_TEXT = 4000;

    /** The first problem with the request, as a reason for the user; empty when the request is valid. */
    public Optional<String> problem() {
        Optional<String> nul = TextInput.firstWithNul(java.util.Map.of("teacherId", nz(teacherId), "fio", nz(fio),
                "region", nz(region), "orgType", nz(orgType), "text", nz(text)));
        if (nul.isPresent()) {
            return Optional.of("Поле " + nul.get() + " " + TextInput.NUL_REASON);
        }
        if (blank(teacherId)) {
            return Optional.of("Не указан идентификатор педагога (teacherId)");
        }
        if (teacherId.length() > MAX_TEACHER_ID) {
            return Optional.of("Идентификатор педагога длиннее " + MAX_TEACHER_ID + " символов");
        }
        if (blank(fio)) {
            return Optional.of("Не указаны ФИО педагога (fio)");
        }
        if (fio.length() > MAX_FIO) {
            return Optional.of("ФИО длиннее " + MAX_FIO + " символов");
        }
        if (!Regions.exists(region)) {
            return Optional.of(blank(region) ? "Не указан регион (region)"
                    : "Неизвестный код региона: «" + region + "» (ожидается двузначный код, например 58)");
        }
        if (parsedOrgType() == null) {
            return Optional.of("Тип организации (orgType) должен быть SCHOOL, SPO или DOO");
        }
        if (blank(text)) {
            return Optional.of("Текст сообщения пуст");
        }
        if (text.length() > MAX_TEXT) {
            return Optional.of("Сообщение длиннее " + MAX_TEXT + " символов: сократите его или разбейте на части");
        }
        return Optional.empty();
    }

    /** The organisation type, or null when it is not one of SCHOOL, SPO, DOO. */
    public OrgType parsedOrgType() {
        if (orgType == null) {
            return null;
        }
        try {
            return OrgType.valueOf(orgType.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
