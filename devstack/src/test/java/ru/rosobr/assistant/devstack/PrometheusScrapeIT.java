package ru.rosobr.assistant.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import ru.rosobr.assistant.platform.json.EventCodec;

/**
 * A real Prometheus (Debian's package) scrapes the seven services of the running stack: every target is up and
 * the services' metrics arrive tagged with their application — what Grafana's dashboards read.
 */
class PrometheusScrapeIT {

    private static final Path PROMETHEUS = Path.of("/usr/bin/prometheus");
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void prometheusScrapesEveryService() throws Exception {
        assumeTrue(Files.isExecutable(PROMETHEUS),
                "нет /usr/bin/prometheus (apt-get install prometheus) — проверка сбора метрик пропущена");
        DevStack stack = SharedStack.get();
        Path dir = Files.createTempDirectory("prometheus-check");
        String targets = stack.config().ports().values().stream().map(p -> "'127.0.0.1:" + p + "'")
                .collect(Collectors.joining(", "));
        Path config = dir.resolve("prometheus.yml");
        Files.writeString(config, """
                global:
                  scrape_interval: 1s
                scrape_configs:
                  - job_name: assistant
                    metrics_path: /actuator/prometheus
                    static_configs:
                      - targets: [%s]
                """.formatted(targets));
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Process prometheus = new ProcessBuilder(PROMETHEUS.toString(), "--config.file=" + config,
                "--storage.tsdb.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile()).start();
        try {
            String api = "http://127.0.0.1:" + port + "/api/v1/query?query=";
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                JsonNode up = query(api, "up{job=\"assistant\"}");
                assertThat(up).hasSize(stack.config().ports().size());
                for (JsonNode series : up) {
                    assertThat(series.path("value").get(1).asString()).as(series.toString()).isEqualTo("1");
                }
            });
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                Set<String> applications = new HashSet<>();
                for (JsonNode series : query(api, "jvm_memory_used_bytes")) {
                    applications.add(series.path("metric").path("application").asString());
                }
                assertThat(applications).contains("gateway", "intake-service", "answer-service", "routing-service",
                        "operator-service", "analytics-service", "followup-service");
            });
        } finally {
            prometheus.destroy();
            if (!prometheus.waitFor(20, TimeUnit.SECONDS)) {
                prometheus.destroyForcibly();
            }
        }
    }

    private JsonNode query(String api, String promql) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(
                URI.create(api + URLEncoder.encode(promql, StandardCharsets.UTF_8))).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return EventCodec.mapper().readTree(r.body()).path("data").path("result");
    }
}
