package ru.rosobr.assistant.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import ru.rosobr.assistant.analytics.summary.CampaignRates;
import ru.rosobr.assistant.analytics.summary.Figures;
import ru.rosobr.assistant.analytics.summary.KbGrowth;
import ru.rosobr.assistant.testkit.KafkaProbe;
import ru.rosobr.assistant.testkit.ServiceTestSupport;
import ru.rosobr.assistant.testkit.TestJwt;

/**
 * The breakdowns by day, region and KB topic, the rating distribution, the times to answer and the KB growth, with
 * exact numbers, on the real broker and PostgreSQL; region isolation of each breakdown; and the XLSX report of a
 * period, downloaded and opened (sheets, Russian headers, numbers, dates, percentages, frozen header).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
class StatisticsIT {

    private static final Duration WAIT = Duration.ofSeconds(45);
    static final String FEDERAL = TestJwt.token("federal", List.of("FEDERAL"), null);
    static final String OPERATOR_58 = TestJwt.token("operator58", List.of("OPERATOR"), "58");

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        ServiceTestSupport.register(registry, "analytics");
    }

    @Autowired
    WebTestClient web;

    private List<Figures> figures(String token, String path) {
        return web.get().uri("/api/analytics" + path).header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange().expectStatus().isOk()
                .expectBodyList(Figures.class).returnResult().getResponseBody();
    }

    @Test
    void breakdownsGiveExactFiguresAndRegionalUsersOnlyTheirOwn() {
        StatisticsScenario scenario = new StatisticsScenario(LocalDate.parse("2026-03-10"));
        scenario.publish(KafkaProbe::publish);
        String day = "?from=2026-03-10&to=2026-03-10";

        await().atMost(WAIT).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
                assertThat(figures(FEDERAL, "/daily" + day)).isEqualTo(scenario.daily()));
        assertThat(figures(FEDERAL, "/regions" + day)).isEqualTo(scenario.regions());
        assertThat(figures(FEDERAL, "/topics" + day)).isEqualTo(scenario.topics());
        assertThat(web.get().uri("/api/analytics/kb-growth" + day)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + FEDERAL).exchange().expectStatus().isOk()
                .expectBodyList(KbGrowth.class).returnResult().getResponseBody()).isEqualTo(scenario.kbGrowth());

        // another topic: its own wait
        await().atMost(WAIT).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
                assertThat(campaigns(FEDERAL, day)).isEqualTo(scenario.campaigns()));

        // the federal view narrowed to a region, and a regional user, get that region only
        assertThat(figures(FEDERAL, "/regions" + day + "&region=58")).containsExactly(scenario.regions().get(1));
        assertThat(figures(OPERATOR_58, "/regions" + day)).containsExactly(scenario.regions().get(1));
        assertThat(figures(OPERATOR_58, "/daily" + day)).singleElement()
                .satisfies(f -> assertThat(f.appeals()).isEqualTo(3));
        assertThat(figures(OPERATOR_58, "/topics" + day)).isEqualTo(scenario.topicsOf58());
        assertThat(campaigns(FEDERAL, day + "&region=58")).containsExactly(scenario.campaigns().get(2));
        assertThat(campaigns(OPERATOR_58, day)).containsExactly(scenario.campaigns().get(2));
        web.get().uri("/api/analytics/campaigns" + day + "&region=33")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + OPERATOR_58).exchange()
                .expectStatus().isForbidden();
        web.get().uri("/api/analytics/daily" + day + "&region=33")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + OPERATOR_58).exchange()
                .expectStatus().isForbidden();
        web.get().uri("/api/analytics/topics" + day).exchange().expectStatus().isUnauthorized();
        // the rebuild is an administrator's
        web.post().uri("/api/analytics/admin/rebuild")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + FEDERAL).exchange()
                .expectStatus().isForbidden();
    }

    private List<CampaignRates> campaigns(String token, String query) {
        return web.get().uri("/api/analytics/campaigns" + query).header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange().expectStatus().isOk()
                .expectBodyList(CampaignRates.class).returnResult().getResponseBody();
    }

    private byte[] report(String token, String query) {
        return web.get().uri("/api/analytics/report.xlsx" + query)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange()
                .expectStatus().isOk()
                .expectHeader().contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .expectHeader().value(HttpHeaders.CONTENT_DISPOSITION, v -> assertThat(v).contains(".xlsx"))
                .expectBody(byte[].class).returnResult().getResponseBody();
    }

    private static List<Row> rows(ReadableWorkbook wb, String sheet) throws IOException {
        Sheet s = wb.findSheet(sheet).orElseThrow(() -> new AssertionError("no sheet " + sheet));
        return s.read();
    }

    private static BigDecimal number(Row row, int cell) {
        assertThat(row.getCell(cell).getType()).as("cell %d of row %d", cell, row.getRowNum())
                .isEqualTo(CellType.NUMBER);
        return row.getCellAsNumber(cell).orElseThrow();
    }

    @Test
    void theReportOfAPeriodHasItsFiguresAsNumbersAndDatesUnderAFrozenRussianHeader() throws IOException {
        StatisticsScenario scenario = new StatisticsScenario(LocalDate.parse("2026-05-12"));
        scenario.publish(KafkaProbe::publish);
        await().atMost(WAIT).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
                assertThat(web.get().uri("/api/analytics/daily?from=2026-05-12&to=2026-05-12")
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + FEDERAL).exchange()
                        .expectBodyList(Figures.class).returnResult().getResponseBody())
                        .isEqualTo(scenario.daily()));
        // another topic: its own wait
        await().atMost(WAIT).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
                assertThat(campaigns(FEDERAL, "?from=2026-05-12&to=2026-05-12")).isEqualTo(scenario.campaigns()));

        byte[] file = report(FEDERAL, "?from=2026-05-12&to=2026-05-12");
        // with the cells' number formats: the rates must be shown as percentages
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(file),
                new ReadingOptions(true, false))) {
            List<Row> regions = rows(wb, "По регионам");
            assertThat(regions.getFirst().getCellAsString(0)).contains("Код региона");
            assertThat(regions.getFirst().getCellAsString(1)).contains("Регион");
            assertThat(regions.getFirst().getCellAsString(2)).contains("Поступило");
            assertThat(regions.getFirst().getCellAsString(14)).contains("Средняя оценка");
            assertThat(regions).hasSize(3);
            Row penza = regions.get(2);
            assertThat(penza.getCellAsString(0)).contains("58");
            assertThat(penza.getCellAsString(1)).contains("Пензенская область");
            assertThat(number(penza, 2)).isEqualByComparingTo("3");    // received
            assertThat(number(penza, 3)).isEqualByComparingTo("2");    // answered by the AI
            assertThat(number(penza, 9)).isEqualByComparingTo("1");    // overdue
            assertThat(number(penza, 14)).isEqualByComparingTo("3.33"); // average rating
            assertThat(number(penza, 21)).isEqualByComparingTo("20");  // first answer, median, s
            assertThat(number(penza, 24)).isEqualByComparingTo("3240"); // specialist answer, p90, s

            List<Row> topics = rows(wb, "По темам");
            assertThat(topics).hasSize(3);
            assertThat(topics.get(1).getCellAsString(0)).contains("ktp");
            assertThat(number(topics.get(1), 1)).isEqualByComparingTo("3");
            assertThat(number(topics.get(2), 13)).isEqualByComparingTo("1.5");

            List<Row> days = rows(wb, "По дням");
            assertThat(days).hasSize(2);
            assertThat(days.get(0).getCellAsString(0)).contains("День");
            assertThat(days.get(1).getCell(0).getType()).isEqualTo(CellType.NUMBER);
            assertThat(days.get(1).getCellAsDate(0).orElseThrow().toLocalDate()).isEqualTo(scenario.day);
            assertThat(number(days.get(1), 1)).isEqualByComparingTo("6");

            List<Row> kb = rows(wb, "Рост базы знаний");
            assertThat(kb).hasSize(3);
            assertThat(kb.get(1).getCellAsDate(0).orElseThrow().toLocalDate()).isEqualTo(scenario.day);
            assertThat(number(kb.get(1), 2)).isEqualByComparingTo("1");
            assertThat(number(kb.get(1), 3)).isEqualByComparingTo("1");

            // campaigns: the country first, then 33 and 58 (c1…c5 of the scenario; the message without a region
            // and the AI answer's delivery are not counted)
            List<Row> campaigns = rows(wb, "Рассылки");
            assertThat(campaigns).hasSize(4);
            Row header = campaigns.getFirst();
            assertThat(List.of(header.getCellAsString(0).orElseThrow(), header.getCellAsString(1).orElseThrow(),
                    header.getCellAsString(2).orElseThrow(), header.getCellAsString(3).orElseThrow(),
                    header.getCellAsString(4).orElseThrow(), header.getCellAsString(5).orElseThrow(),
                    header.getCellAsString(6).orElseThrow(), header.getCellAsString(7).orElseThrow(),
                    header.getCellAsString(8).orElseThrow())).containsExactly("Код региона", "Регион", "Отправлено",
                    "Доставлено", "Не доставлено", "Доставлено в VK (сообщает о прочтении)", "Прочитано",
                    "Доля доставки", "Доля прочтения (VK)");
            Row country = campaigns.get(1);
            assertThat(country.getCellAsString(0)).isEmpty();
            assertThat(country.getCellAsString(1)).contains("Все регионы");
            assertCampaignRow(country, "5", "4", "1", "3", "2", "0.8", "0.6667");
            Row vladimir = campaigns.get(2);
            assertThat(vladimir.getCellAsString(0)).contains("33");
            assertThat(vladimir.getCellAsString(1)).contains("Владимирская область");
            assertCampaignRow(vladimir, "2", "1", "1", "1", "1", "0.5", "1");
            Row penzaCampaigns = campaigns.get(3);
            assertThat(penzaCampaigns.getCellAsString(0)).contains("58");
            assertCampaignRow(penzaCampaigns, "3", "3", "0", "2", "1", "1", "0.5");
            assertThat(penzaCampaigns.getCell(7).getDataFormatString()).isEqualTo("0.00%");
            assertThat(penzaCampaigns.getCell(8).getDataFormatString()).isEqualTo("0.00%");

            List<Row> about = rows(wb, "Об отчёте");
            assertThat(about.get(2).getCellAsString(0).orElseThrow()).contains("MAX не сообщает о прочтении")
                    .contains("только VK");
        }
        // the header row of the first sheet and of the campaigns' sheet (the fifth) is frozen
        assertThat(sheetXml(file, "xl/worksheets/sheet1.xml")).containsPattern("<pane[^>]*ySplit=\"1\"[^>]*frozen");
        assertThat(sheetXml(file, "xl/worksheets/sheet5.xml")).containsPattern("<pane[^>]*ySplit=\"1\"[^>]*frozen");

        // a regional user's report holds their region only; another region's is refused
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(
                report(OPERATOR_58, "?from=2026-05-12&to=2026-05-12")))) {
            List<Row> regions = rows(wb, "По регионам");
            assertThat(regions).hasSize(2);
            assertThat(regions.get(1).getCellAsString(0)).contains("58");
            // no national row for a regional user: their region only
            List<Row> campaigns = rows(wb, "Рассылки");
            assertThat(campaigns).hasSize(2);
            assertThat(campaigns.get(1).getCellAsString(0)).contains("58");
            assertCampaignRow(campaigns.get(1), "3", "3", "0", "2", "1", "1", "0.5");
        }
        web.get().uri("/api/analytics/report.xlsx?from=2026-05-12&to=2026-05-12&region=33")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + OPERATOR_58).exchange().expectStatus().isForbidden();
        web.get().uri("/api/analytics/report.xlsx?from=2026-01-01&to=2026-12-31").exchange()
                .expectStatus().isUnauthorized();
    }

    /** Sent, delivered, failed, readable, read, delivery rate and read rate, all numbers. */
    private static void assertCampaignRow(Row row, String... figures) {
        for (int i = 0; i < figures.length; i++) {
            assertThat(number(row, 2 + i)).as("column %d of row %d", 2 + i, row.getRowNum())
                    .isEqualByComparingTo(figures[i]);
        }
    }

    /** Through the central directory: the streamed entries carry their sizes only after their data. */
    private static String sheetXml(byte[] file, String name) throws IOException {
        Path copy = Files.createTempFile("report", ".xlsx");
        try {
            Files.write(copy, file);
            try (ZipFile zip = new ZipFile(copy.toFile())) {
                ZipEntry entry = zip.getEntry(name);
                assertThat(entry).as(name).isNotNull();
                return new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
            }
        } finally {
            Files.delete(copy);
        }
    }
}
