package ru.rosobr.assistant.operator.appeals;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.springframework.http.MediaType;
import reactor.core.publisher.Flux;


/**
 * The appeal list as CSV for Excel: UTF-8 with a byte-order mark, «;» between fields (what Excel expects in a
 * Russian locale), times in Moscow time. Cells that a spreadsheet would run as a formula are defused.
 */
final class AppealsCsv {

    static final MediaType MEDIA_TYPE = new MediaType("text", "csv", StandardCharsets.UTF_8);

    /** RFC 4180 quoting (only where a cell needs it), «;» between fields, CRLF after each row. */
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setDelimiter(';').setRecordSeparator("\r\n")
            .get();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm")
            .withZone(ZoneId.of("Europe/Moscow"));
    private static final List<String> HEADER = List.of("Номер обращения", "Код региона", "Регион", "Статус",
            "Просрочено", "Федеральный контроль", "Создано (МСК)", "Срок ответа (МСК)", "ФИО педагога",
            "Тип организации", "Оператор", "Оценка педагога", "Вопрос");

    private AppealsCsv() {
    }

    static Flux<String> lines(Flux<AppealSummary> appeals) {
        return Flux.concat(Flux.just("\uFEFF" + line(HEADER)), appeals.map(AppealsCsv::row));
    }

    private static String row(AppealSummary a) {
        return line(List.of(String.valueOf(a.id()), nz(a.region()), nz(a.regionName()), a.status().title(),
                a.overdue() ? "да" : "нет", a.federal() ? "да" : "нет", time(a.createdAt()), time(a.deadline()),
                nz(a.teacherFio()), a.orgType() == null ? "" : a.orgType().name(), nz(a.assignedOperator()),
                a.rating() == null ? "" : String.valueOf(a.rating()), nz(a.text())));
    }

    static String line(List<String> cells) {
        return FORMAT.format(cells.stream().map(AppealsCsv::defused).toArray()) + "\r\n";
    }

    /** A cell a spreadsheet would run as a formula is shown as text instead. */
    static String defused(String value) {
        return !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }

    private static String time(Instant t) {
        return t == null ? "" : TIME.format(t);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
