package ru.rosobr.assistant.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;

import ru.rosobr.assistant.contracts.json.EventCodec;

/** The XLSX report through the gateway (the HTTP contract): a token is required, the answer is a workbook. */
class StatisticsReportIT {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theReportOfAYearIsAnXlsxWorkbookForATokenAndRefusedWithoutOne() throws Exception {
        String base = SharedStack.get().gatewayUrl();
        String path = "/api/analytics/report.xlsx?from=2026-01-01&to=2026-12-31";
        HttpResponse<byte[]> anonymous = http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(anonymous.statusCode()).isEqualTo(401);

        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base + "/api/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(EventCodec.mapper().writeValueAsString(
                        Map.of("username", "federal", "password", "demo")))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        String token = EventCodec.mapper().readTree(login.body()).path("accessToken").asString();

        HttpResponse<byte[]> report = http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(report.statusCode()).isEqualTo(200);
        assertThat(report.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith(XLSX));
        // a ZIP container (the workbook's parts), not an error page
        assertThat(report.body()).hasSizeGreaterThan(1000);
        assertThat(new String(report.body(), 0, 2, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("PK");
    }
}
