package ru.rosobr.assistant.analytics.report.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import ru.rosobr.assistant.analytics.summary.CampaignRates;
import ru.rosobr.assistant.analytics.summary.Figures;
import ru.rosobr.assistant.analytics.summary.KbGrowth;

/**
 * Writes the statistics of a period as an XLSX workbook: sheets by region, by KB topic, by day, the KB's growth and
 * the campaigns' delivery and reads by region.
 * Numbers are numbers, days are dates, the header row is frozen, the column names are Russian. The writer streams:
 * each sheet's rows are flushed to {@code out} as they are written.
 */
public final class StatisticsWorkbook {

    private static final String DATE = "dd.mm.yyyy";
    private static final String DECIMAL = "0.00";
    private static final String PERCENT = "0.00%";

    private record Column(String title, double width, Function<Figures, Object> value, String format) {
    }

    private static final List<Column> FIGURES = List.of(
            new Column("Поступило", 12, Figures::appeals, null),
            new Column("Ответил ИИ", 12, Figures::autoAnswered, null),
            new Column("Нет ответа в базе", 14, Figures::unmatched, null),
            new Column("Запрошен специалист", 14, Figures::humanRequested, null),
            new Column("Передано специалисту", 14, Figures::routed, null),
            new Column("Ответил специалист", 14, Figures::answered, null),
            new Column("Не по теме", 12, Figures::offTopic, null),
            new Column("Просрочено", 12, Figures::overdue, null),
            new Column("На федеральном контроле", 14, Figures::escalated, null),
            new Column("ИИ верно", 10, Figures::aiCorrect, null),
            new Column("ИИ частично", 10, Figures::aiPartial, null),
            new Column("ИИ неверно", 10, Figures::aiWrong, null),
            new Column("Средняя оценка", 12, Figures::ratingAvg, DECIMAL),
            new Column("Оценок", 10, Figures::ratingCount, null),
            new Column("Оценка 1", 9, f -> f.ratings().get(0), null),
            new Column("Оценка 2", 9, f -> f.ratings().get(1), null),
            new Column("Оценка 3", 9, f -> f.ratings().get(2), null),
            new Column("Оценка 4", 9, f -> f.ratings().get(3), null),
            new Column("Оценка 5", 9, f -> f.ratings().get(4), null),
            new Column("Первый ответ, медиана, с", 14, Figures::firstAnswerMedian, null),
            new Column("Первый ответ, p90, с", 14, Figures::firstAnswerP90, null),
            new Column("Ответ специалиста, медиана, с", 16, Figures::specialistAnswerMedian, null),
            new Column("Ответ специалиста, p90, с", 16, Figures::specialistAnswerP90, null));

    private StatisticsWorkbook() {
    }

    public static void write(OutputStream out, LocalDate from, LocalDate to, List<Figures> regions,
                             List<Figures> topics, List<Figures> days, List<KbGrowth> kb,
                             List<CampaignRates> campaigns) throws IOException {
        Workbook wb = new Workbook(out, "Помощник Рособрнадзора", "1.0");
        figures(wb.newWorksheet("По регионам"), List.of(
                new Column("Код региона", 10, Figures::key, null),
                new Column("Регион", 34, Figures::name, null)), regions);
        figures(wb.newWorksheet("По темам"), List.of(new Column("Тема базы знаний", 24, Figures::key, null)),
                topics);
        figures(wb.newWorksheet("По дням"), List.of(new Column("День", 12, Figures::day, DATE)), days);
        Worksheet growth = wb.newWorksheet("Рост базы знаний");
        header(growth, List.of(new Column("День", 12, null, null), new Column("Тема", 24, null, null),
                new Column("Новых записей", 14, null, null), new Column("Новых версий", 14, null, null)));
        int r = 1;
        for (KbGrowth g : kb) {
            growth.value(r, 0, g.day());
            growth.style(r, 0).format(DATE).set();
            growth.value(r, 1, g.topic());
            growth.value(r, 2, g.created());
            growth.value(r, 3, g.updated());
            r++;
        }
        campaigns(wb.newWorksheet("Рассылки"), campaigns);
        Worksheet about = wb.newWorksheet("Об отчёте");
        about.value(0, 0, "Период");
        about.value(0, 1, from);
        about.style(0, 1).format(DATE).set();
        about.value(0, 2, to);
        about.style(0, 2).format(DATE).set();
        about.value(1, 0, "Дни — по московскому времени; времена ответа — в секундах (оценка по интервалам гистограммы; "
                + "по темам — точные процентили).");
        about.value(2, 0, "Рассылки: «Отправлено» — сообщения, о которых платформа ответила (доставлено или ошибка), "
                + "каждое один раз; доля доставки — доставлено / отправлено. " + CampaignRates.READ_NOTE
                + " (прочитано / доставлено в VK); о прочтении сообщает только VK. "
                + "Первая строка листа — вся страна (если отчёт не по одному региону).");
        about.width(0, 12);
        wb.finish();
    }

    private static void figures(Worksheet ws, List<Column> keys, List<Figures> rows) throws IOException {
        List<Column> columns = new ArrayList<>(keys);
        columns.addAll(FIGURES);
        header(ws, columns);
        int r = 1;
        for (Figures f : rows) {
            for (int c = 0; c < columns.size(); c++) {
                Column column = columns.get(c);
                Object v = column.value().apply(f);
                if (v == null) {
                    continue;
                }
                switch (v) {
                    case Number n -> ws.value(r, c, n);
                    case LocalDate d -> ws.value(r, c, d);
                    default -> ws.value(r, c, v.toString());
                }
                if (column.format() != null) {
                    ws.style(r, c).format(column.format()).set();
                }
            }
            r++;
            if (r % 1_000 == 0) {
                ws.flush();
            }
        }
    }

    /** The country first (when the report is not of one region), then each region with campaign messages. */
    private static void campaigns(Worksheet ws, List<CampaignRates> rows) {
        header(ws, List.of(new Column("Код региона", 10, null, null), new Column("Регион", 34, null, null),
                new Column("Отправлено", 12, null, null), new Column("Доставлено", 12, null, null),
                new Column("Не доставлено", 12, null, null),
                new Column("Доставлено в VK (сообщает о прочтении)", 16, null, null),
                new Column("Прочитано", 12, null, null), new Column("Доля доставки", 12, null, null),
                new Column("Доля прочтения (VK)", 12, null, null)));
        int r = 1;
        for (CampaignRates c : rows) {
            if (c.region() != null) {
                ws.value(r, 0, c.region());
            }
            ws.value(r, 1, c.name());
            ws.value(r, 2, c.attempted());
            ws.value(r, 3, c.delivered());
            ws.value(r, 4, c.failed());
            ws.value(r, 5, c.readable());
            ws.value(r, 6, c.read());
            rate(ws, r, 7, c.deliveryRate());
            rate(ws, r, 8, c.readRate());
            r++;
        }
    }

    /** A share 0…1 shown as a percentage; no cell without a base (nothing sent, nothing readable). */
    private static void rate(Worksheet ws, int r, int c, Double rate) {
        if (rate != null) {
            ws.value(r, c, rate);
            ws.style(r, c).format(PERCENT).set();
        }
    }

    private static void header(Worksheet ws, List<Column> columns) {
        for (int c = 0; c < columns.size(); c++) {
            ws.value(0, c, columns.get(c).title());
            ws.style(0, c).bold().wrapText(true).set();
            ws.width(c, columns.get(c).width());
        }
        ws.freezePane(0, 1);
    }
}
