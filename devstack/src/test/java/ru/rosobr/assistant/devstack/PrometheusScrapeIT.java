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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import ru.rosobr.assistant.contracts.json.EventCodec;

/**
 * A real Prometheus (Debian's package) scrapes the seven services of the running stack while traffic flows: every
 * target is up, the services' metrics arrive tagged with their application, **every expression of every panel of
 * every Grafana dashboard** in {@code deploy/grafana/dashboards} returns at least one series, the alert rules of
 * {@code deploy/prometheus/alerts.yml} pass {@code promtool check rules} and load, and each rule's expression
 * without its threshold returns series. A typo'd metric or label fails here.
 */
class PrometheusScrapeIT {

    private static final Path PROMETHEUS = Path.of("/usr/bin/prometheus");
    private static final Path PROMTOOL = Path.of("/usr/bin/promtool");
    /** A rule is "<figure> <comparison> <number>"; the figure alone must return series. */
    private static final Pattern THRESHOLD = Pattern.compile("(?s)^(.*\\S)\\s*(==|!=|>=|<=|>|<)\\s*-?[0-9.]+\\s*$");
    private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\((.+),\\s*\\w+\\)");
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void prometheusScrapesEveryServiceAndEveryDashboardAndRuleExpressionHasSeries() throws Exception {
        assumeTrue(Files.isExecutable(PROMETHEUS),
                "нет /usr/bin/prometheus (apt-get install prometheus) — проверка сбора метрик пропущена");
        DevStack stack = SharedStack.get();
        Path deploy = stack.config().root().resolve("deploy");
        Path rules = deploy.resolve("prometheus/alerts.yml");
        if (Files.isExecutable(PROMTOOL)) {
            Process check = new ProcessBuilder(PROMTOOL.toString(), "check", "rules", rules.toString())
                    .redirectErrorStream(true).start();
            String out = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(check.waitFor()).as(out).isZero();
        }
        Path dir = Files.createTempDirectory("prometheus-check");
        String targets = stack.config().ports().values().stream().map(p -> "'127.0.0.1:" + p + "'")
                .collect(Collectors.joining(", "));
        Path config = dir.resolve("prometheus.yml");
        Files.writeString(config, """
                global:
                  scrape_interval: 1s
                  evaluation_interval: 1s
                rule_files:
                  - '%s'
                scrape_configs:
                  - job_name: assistant
                    metrics_path: /actuator/prometheus
                    static_configs:
                      - targets: [%s]
                """.formatted(rules, targets));
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Process prometheus = new ProcessBuilder(PROMETHEUS.toString(), "--config.file=" + config,
                "--storage.tsdb.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile()).start();
        try {
            String api = "http://127.0.0.1:" + port + "/api/v1/";
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

            new Traffic(http, stack.gatewayUrl()).flow();

            Map<String, String> expressions = dashboardExpressions(deploy.resolve("grafana/dashboards"));
            assertThat(expressions).hasSizeGreaterThan(20);
            JsonNode loaded = get(api + "rules").path("data").path("groups");
            Map<String, String> ruleFigures = new LinkedHashMap<>();
            for (JsonNode group : loaded) {
                for (JsonNode rule : group.path("rules")) {
                    assertThat(rule.path("health").asString()).as(rule.toString()).isNotEqualTo("err");
                    Matcher m = THRESHOLD.matcher(rule.path("query").asString());
                    assertThat(m.matches()).as("rule %s ends with a threshold", rule.path("name")).isTrue();
                    ruleFigures.put("alert " + rule.path("name").asString(), m.group(1));
                }
            }
            assertThat(ruleFigures).containsKeys("alert ServiceDown", "alert DeadLettersPending",
                    "alert ConsumerLagGrowing", "alert DeliveriesFailing", "alert OverdueShareRising");
            expressions.putAll(ruleFigures);
            // the state gauges have read their tables (a failed query would leave NaN, which compares false)
            expressions.put("outbox backlog read", "count(assistant_outbox_backlog >= 0) >= 6");
            expressions.put("dead letters read", "count(assistant_dead_letters_pending >= 0) >= 6");
            expressions.put("timers due read", "assistant_timers_due{application=\"followup-service\"} >= 0");
            expressions.put("deliveries failed read", "assistant_deliveries_failed{application=\"intake-service\"} >= 0");
            // the leader-exported domain series come at the analytics refresh, Kafka client metrics within a minute
            await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
                List<String> empty = new ArrayList<>();
                for (Map.Entry<String, String> e : expressions.entrySet()) {
                    if (query(api, e.getValue()).isEmpty()) {
                        empty.add(e.getKey() + ": " + e.getValue());
                    }
                }
                assertThat(empty).as("expressions without any series").isEmpty();
            });
        } finally {
            prometheus.destroy();
            if (!prometheus.waitFor(20, TimeUnit.SECONDS)) {
                prometheus.destroyForcibly();
            }
        }
    }

    /**
     * Every panel target and every query variable of every dashboard, with Grafana's variables as a dashboard
     * would send them ({@code $region} = all regions, the time range = one hour).
     */
    static Map<String, String> dashboardExpressions(Path dashboards) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        List<Path> files;
        try (Stream<Path> s = Files.list(dashboards)) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(3);
        for (Path file : files) {
            JsonNode dashboard = EventCodec.mapper().readTree(Files.readString(file));
            for (JsonNode variable : dashboard.path("templating").path("list")) {
                Matcher m = LABEL_VALUES.matcher(variable.path("definition").asString());
                if (m.matches()) {
                    out.put(file.getFileName() + " $" + variable.path("name").asString(), m.group(1));
                }
            }
            for (JsonNode panel : dashboard.path("panels")) {
                for (JsonNode target : panel.path("targets")) {
                    String expr = target.path("expr").asString()
                            .replace("$region", ".*")
                            .replace("$__rate_interval", "1m")
                            .replace("$__interval", "1m")
                            .replace("$__range", "1h");
                    assertThat(expr).as("%s: %s", file.getFileName(), panel.path("title")).doesNotContain("$");
                    out.put(file.getFileName() + " «" + panel.path("title").asString() + "» "
                            + target.path("refId").asString(), expr);
                }
            }
        }
        return out;
    }

    private JsonNode query(String api, String promql) throws IOException, InterruptedException {
        return get(api + "query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8))
                .path("data").path("result");
    }

    private JsonNode get(String url) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return EventCodec.mapper().readTree(r.body());
    }

    /** A teacher's covered question answered by the AI and rated, and an uncovered one passed to the region. */
    private record Traffic(HttpClient http, String base) {

        void flow() throws Exception {
            String teacher = "metrics-" + UUID.randomUUID();
            send(teacher, "Нужно ли вести календарно-тематическое планирование отдельным документом?");
            String rate = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .until(() -> ratePayload(teacher), p -> p != null);
            post("/api/webchat/callbacks", Map.of("teacherId", teacher, "payload", rate.replaceAll(":\\d$", ":4")));
            send(teacher, "Какие документы нужно подготовить к аттестации на первую квалификационную категорию?");
        }

        private void send(String teacher, String text) throws Exception {
            post("/api/webchat/messages", Map.of("teacherId", teacher, "fio", "Петрова Анна Сергеевна",
                    "region", "58", "orgType", "SCHOOL", "text", text));
        }

        private String ratePayload(String teacher) throws Exception {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(
                            URI.create(base + "/api/webchat/teachers/" + teacher + "/messages")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            for (JsonNode message : EventCodec.mapper().readTree(r.body())) {
                for (JsonNode button : message.path("buttons")) {
                    if (button.path("payload").asString().startsWith("rate:")) {
                        return button.path("payload").asString();
                    }
                }
            }
            return null;
        }

        private void post(String path, Object body) throws Exception {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(EventCodec.mapper().writeValueAsString(body))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as("POST %s: %s", path, r.body()).isBetween(200, 202);
        }
    }
}
