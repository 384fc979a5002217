package ru.rosobr.assistant.bench;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.imageio.ImageIO;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Prints the figures and writes target/bench/pipeline-&lt;timestamp&gt;.md with its PNG chart. */
final class Report {

    private Report() {
    }

    static void printStep(Result r) {
        System.out.println(String.join("\n", stepLines(r, false)));
    }

    static void printSweep(List<Result> results) {
        System.out.println();
        System.out.println(String.join("\n", sweepTable(results)));
    }

    private static List<String> sweepTable(List<Result> results) {
        List<String> out = new ArrayList<>();
        out.add("| частота, /с | принято, /с | ответов, /с | p50, мс | p95, мс | p99, мс | max, мс | потеряно "
                + "| дублей | CPU стенда, % ядра | CPU машины, % |");
        out.add("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (Result r : results) {
            out.add(String.format(Locale.ROOT, "| %.0f | %.1f | %.1f | %d | %d | %d | %d | %d | %d | %.0f | %.0f |",
                    r.rate, r.acceptedPerSecond(), r.answersPerSecond(), r.latency(50), r.latency(95), r.latency(99),
                    r.maxLatency(), r.lost, r.duplicates, r.stackCpu(), r.usage.machineBusyPercent()));
        }
        return out;
    }

    private static List<String> stepLines(Result r, boolean markdown) {
        List<String> out = new ArrayList<>();
        String h = markdown ? "### " : "== ";
        out.add(h + String.format(Locale.ROOT, "%.0f вопросов/с, замер %.0f с", r.rate, r.seconds));
        out.add("");
        out.add(String.format(Locale.ROOT, "- предложено %d (%.1f/с), принято (2xx) %d (%.1f/с); коды ответа: %s",
                r.offered, r.offered / r.seconds, r.accepted, r.acceptedPerSecond(), r.statuses));
        if (r.noTeacher > 0 || r.substituted > 0) {
            out.add(String.format("- не отправлено (нет свободного педагога): %d; заменено вопросом из базы (нет "
                    + "переданного вопроса для дополнения или ответа для оценки): %d", r.noTeacher, r.substituted));
        }
        out.add(String.format(Locale.ROOT, "- подтверждение вебхука: p50 %d мс, p99 %d мс",
                Result.percentile(r.ackMillis, 50), Result.percentile(r.ackMillis, 99)));
        out.add(String.format(Locale.ROOT, "- вопрос → первое сообщение бота: p50 %d мс, p95 %d мс, p99 %d мс, "
                + "max %d мс (%d ответов)", r.latency(50), r.latency(95), r.latency(99), r.maxLatency(),
                r.latencyMillis.length));
        r.latencyByKind.forEach((k, v) -> out.add(String.format(Locale.ROOT,
                "  - %s: отправлено %d, p50 %d мс, p99 %d мс", k.label, r.sentByKind.getOrDefault(k, 0L),
                Result.percentile(v, 50), Result.percentile(v, 99))));
        out.add(String.format(Locale.ROOT, "- ответов за окно замера: %.1f/с; потеряно (нет ответа после ожидания): "
                + "%d; дублей: %d", r.answersPerSecond(), r.lost, r.duplicates));
        if (!r.unexpected.isEmpty()) {
            out.add("- ответ не того вида (вид → ответ): " + r.unexpected);
        }
        out.add(String.format(Locale.ROOT, "- вызовов платформы MAX за окно: %d (%.1f/с); с настоящим пределом %d/с "
                        + "на бота они заняли бы %.0f с вместо %.0f с", r.botCalls, r.botCalls / r.seconds,
                BenchPipeline.REAL_MAX_LIMIT, r.botCalls / (double) BenchPipeline.REAL_MAX_LIMIT, r.seconds));
        out.add(markdown ? "" : "- CPU (% одного ядра) и RSS:");
        if (markdown) {
            out.add("| процесс | CPU, % ядра | RSS, МиБ |");
            out.add("|---|---:|---:|");
        }
        for (Map.Entry<String, Double> e : r.usage.cpuPercent().entrySet()) {
            Long rss = r.usage.rssMib().get(e.getKey());
            boolean thread = e.getKey().startsWith("драйвер") || e.getKey().startsWith("фейковый");
            String rssText = thread ? "—" : String.valueOf(rss);
            out.add(markdown ? String.format(Locale.ROOT, "| %s | %.1f | %s |", e.getKey(), e.getValue(), rssText)
                    : String.format(Locale.ROOT, "    %-50s %6.1f %%  %6s МиБ", e.getKey(), e.getValue(), rssText));
        }
        long totalRss = r.usage.rssMib().entrySet().stream().filter(e -> !e.getKey().startsWith("bench")
                && !e.getKey().startsWith("postgres")).mapToLong(Map.Entry::getValue).sum();
        out.add(String.format(Locale.ROOT, "%sстенд всего (сервисы, брокер, бэкенды PostgreSQL): CPU %.0f %% ядра; RSS "
                        + "сервисов и брокера %d МиБ; машина занята на %.0f %% (2 ядра = 100 %%, включая чужие процессы)",
                markdown ? "\n- " : "- ", r.stackCpu(), totalRss, r.usage.machineBusyPercent()));
        out.add("- отставание потребителей в конце: " + (r.lag == null ? "не получено" : r.lag));
        out.add("- очереди в базе в конце: " + r.queues);
        if (!r.stages.isEmpty()) {
            out.add("- новый вопрос по этапам (по меткам времени в базе, p50 / p95, мс):");
            r.stages.forEach((stage, p) -> out.add(String.format(Locale.ROOT, "    %s: %d / %d", stage, p[0], p[1])));
        }
        out.add("");
        return out;
    }

    static Path write(Path dir, Options options, Map<String, String> notes, List<Result> results, Load load)
            throws IOException {
        Files.createDirectories(dir);
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path md = dir.resolve("pipeline-" + stamp + ".md");
        Path png = dir.resolve("pipeline-" + stamp + ".png");
        chart(results, png);
        List<String> out = new ArrayList<>();
        out.add("# Нагрузочный тест конвейера — " + stamp);
        out.add("");
        out.add("Вебхуки MAX `message_created` / `message_callback` через шлюз (`POST /webhooks/max`), открытый цикл "
                + "(частота не зависит от ответов), задержка — от отправки вопроса до первого сообщения бота этому "
                + "педагогу на фейковой платформе MAX (приветствие новому педагогу не считается).");
        out.add("");
        out.add("## Условия");
        out.add("");
        notes.forEach((k, v) -> out.add("- **" + k + "**: " + v));
        out.add(String.format("- **Смесь** (цель, %%): из базы знаний %d, вне базы (оператору) %d, не по теме %d, "
                        + "дополнения %d, оценки %d", options.mix().get(Load.Kind.COVERED),
                options.mix().get(Load.Kind.UNCOVERED), options.mix().get(Load.Kind.OFFTOPIC),
                options.mix().get(Load.Kind.FOLLOWUP), options.mix().get(Load.Kind.RATING)));
        out.add(String.format("- **Длительность**: разогрев %d с, замер %d с, ожидание ответов после замера до %d с",
                options.warmup().toSeconds(), options.duration().toSeconds(), options.grace().toSeconds()));
        out.add("- CPU — доля одного ядра за окно замера (/proc/<pid>/stat), RSS — в конце окна (/proc/<pid>/status); "
                + "драйвер и фейковый MAX работают в одной JVM, их потоки показаны отдельно.");
        out.add("");
        out.add("## Сводка");
        out.add("");
        out.addAll(sweepTable(results));
        out.add("");
        out.add("![Задержка и пропускная способность по секундам](" + png.getFileName() + ")");
        out.add("");
        out.add("## Подробно");
        out.add("");
        for (Result r : results) {
            out.addAll(stepLines(r, true));
        }
        out.add("## Предел платформы MAX");
        out.add("");
        for (Result r : results) {
            out.add(String.format(Locale.ROOT, "- %.0f/с: бот вызвал платформу %d раз за %.0f с (%.1f/с); настоящая "
                            + "платформа (%d/с на бота) пропустила бы их за %.0f с — очередь растёт на %.1f вызова/с.",
                    r.rate, r.botCalls, r.seconds, r.botCalls / r.seconds, BenchPipeline.REAL_MAX_LIMIT,
                    r.botCalls / (double) BenchPipeline.REAL_MAX_LIMIT,
                    Math.max(0, r.botCalls / r.seconds - BenchPipeline.REAL_MAX_LIMIT)));
        }
        out.add("");
        out.add(String.format("Приветствий новым педагогам: %d; сообщений бота без вопроса в полёте (поздние или "
                + "лишние): %d.", load.greetings(), load.unsolicited()));
        if (!load.refusals().isEmpty()) {
            out.add("");
            out.add("Первый ответ на отказанный вебхук по каждому коду:");
            out.add("");
            load.refusals().forEach((code, body) -> out.add("- " + code + ": `" + body.replace('`', '\'') + "`"));
        }
        Files.writeString(md, String.join("\n", out) + "\n");
        return md;
    }

    /** Two charts one above the other: latency percentiles by send second, and throughput per second. */
    private static void chart(List<Result> results, Path png) throws IOException {
        XYChart latency = new XYChartBuilder().width(1000).height(380).title("Вопрос → первое сообщение бота")
                .xAxisTitle("секунда замера (шаги подряд)").yAxisTitle("мс").build();
        XYChart throughput = new XYChartBuilder().width(1000).height(380).title("Пропускная способность")
                .xAxisTitle("секунда замера (шаги подряд)").yAxisTitle("в секунду").build();
        List<Double> x = new ArrayList<>();
        List<Double> p50 = new ArrayList<>();
        List<Double> p99 = new ArrayList<>();
        List<Double> sent = new ArrayList<>();
        List<Double> accepted = new ArrayList<>();
        List<Double> answered = new ArrayList<>();
        double offset = 0;
        for (Result r : results) {
            for (int i = 0; i < r.sentPerSecond.length; i++) {
                x.add(offset + i);
                p50.add(r.p50BySecond[i]);
                p99.add(r.p99BySecond[i]);
                sent.add((double) r.sentPerSecond[i]);
                accepted.add((double) r.acceptedPerSecond[i]);
                answered.add((double) r.answeredPerSecond[i]);
            }
            offset += r.sentPerSecond.length;
        }
        if (x.isEmpty()) {
            x.add(0.0);
            for (List<Double> l : List.of(p50, p99, sent, accepted, answered)) {
                l.add(0.0);
            }
        }
        latency.addSeries("p50", x, p50).setMarker(SeriesMarkers.NONE);
        latency.addSeries("p99", x, p99).setMarker(SeriesMarkers.NONE);
        throughput.addSeries("отправлено", x, sent).setMarker(SeriesMarkers.NONE);
        throughput.addSeries("принято (2xx)", x, accepted).setMarker(SeriesMarkers.NONE);
        throughput.addSeries("ответов", x, answered).setMarker(SeriesMarkers.NONE);
        BufferedImage top = BitmapEncoder.getBufferedImage(latency);
        BufferedImage bottom = BitmapEncoder.getBufferedImage(throughput);
        BufferedImage both = new BufferedImage(top.getWidth(), top.getHeight() + bottom.getHeight(),
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = both.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, both.getWidth(), both.getHeight());
        g.drawImage(top, 0, 0, null);
        g.drawImage(bottom, 0, top.getHeight(), null);
        g.dispose();
        ImageIO.write(both, "png", png.toFile());
    }
}
