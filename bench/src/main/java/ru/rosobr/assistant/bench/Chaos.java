package ru.rosobr.assistant.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import ru.rosobr.assistant.devstack.DevStack;
import ru.rosobr.assistant.testkit.LocalPostgres;

/**
 * bin/chaos: faults one after another under a steady load — kill -9 of each service and its restart, a restart of
 * the broker, a restart of PostgreSQL, an outage of the MAX platform (503) — then the proof that nothing was lost
 * or done twice: every accepted update stored once, one appeal per accepted question, one bot answer to each (the
 * fake platform's record), and the same number of appeals in intake, answer-service and analytics.
 */
final class Chaos {

    /** One fault as it went: when it began and ended (the driver's clock) and what it took. */
    record Outcome(String fault, String label, long startNanos, long endNanos, String detail) {
    }

    private static final Duration RESTART = Duration.ofSeconds(240);
    /** The fault table's head, printed and written alike. */
    static final String TABLE_HEAD = "| сбой | начало, с | длился, с | первый ответ на новый вопрос через, с | "
            + "p50 ответа, мс | p99 ответа, мс | что было |\n|---|---:|---:|---:|---:|---:|---|";

    /**
     * What the databases say of a run; {@link #exact()} is the verdict, {@link #lines()} the same figures in words.
     *
     * @param accepted accepted messages of teachers (questions and follow-ups); {@code stored} of them are in intake's
     *                 journal, {@code storedTwice} more than once
     * @param questions accepted new questions; {@code appeals} of the run's teachers in intake
     */
    record Audit(long accepted, long stored, long storedTwice, long questions, long appeals, long intakeAppeals,
                 long decisions, long received) {

        boolean exact() {
            return stored == accepted && storedTwice == 0 && appeals == questions && intakeAppeals == decisions
                    && decisions == received;
        }

        Map<String, String> lines() {
            Map<String, String> out = new LinkedHashMap<>();
            out.put("принятые сообщения педагогов (вопросы и дополнения)", String.valueOf(accepted));
            out.put("из них записаны в журнал intake", stored + (stored == accepted ? " — все" : " — НЕ ВСЕ"));
            out.put("записаны дважды", String.valueOf(storedTwice));
            out.put("принятые новые вопросы", String.valueOf(questions));
            out.put("обращения педагогов прогона в intake", appeals + (appeals == questions ? " — по одному на вопрос"
                    : " — НЕ РАВНО числу вопросов"));
            out.put("все обращения: intake / решения answer-service / analytics (received)",
                    intakeAppeals + " / " + decisions + " / " + received
                            + (intakeAppeals == decisions && decisions == received ? " — совпадают" : " — РАСХОДЯТСЯ"));
            return out;
        }
    }

    private final DevStack stack;
    private final FakeMax fake;
    private final Options options;
    private final long t0 = System.nanoTime();

    Chaos(DevStack stack, FakeMax fake, Options options) {
        this.stack = stack;
        this.fake = fake;
        this.options = options;
    }

    /** The faults in order, each after {@code gap} of steady load, and one more gap after the last. */
    List<Outcome> run() throws InterruptedException {
        List<Outcome> outcomes = new ArrayList<>();
        Thread.sleep(options.warmup());
        for (String fault : options.faults()) {
            Thread.sleep(options.faultGap());
            long start = System.nanoTime();
            System.out.printf("[chaos] %5.0f с: %s%n", seconds(start), label(fault));
            String detail;
            try {
                detail = apply(fault);
            } catch (RuntimeException | IOException e) {
                detail = "не удалось: " + e.getMessage();
            }
            long end = System.nanoTime();
            System.out.printf("[chaos] %5.0f с: %s — %s%n", seconds(end), label(fault), detail);
            outcomes.add(new Outcome(fault, label(fault), start, end, detail));
        }
        Thread.sleep(options.faultGap());
        return outcomes;
    }

    private String apply(String fault) throws InterruptedException, IOException {
        if (fault.startsWith("kill:")) {
            String service = fault.substring("kill:".length());
            stack.kill(service, 0);
            long restart = System.nanoTime();
            stack.restart(service, 0, RESTART);
            return String.format("kill -9, перезапуск до UP за %.1f с", (System.nanoTime() - restart) / 1e9);
        }
        return switch (fault) {
            case "kafka" -> String.format("остановлен (SIGTERM) и снова принимает соединения через %.1f с",
                    stack.restartKafka().toMillis() / 1e3);
            case "postgres" -> restartPostgres();
            case "platform" -> {
                long refusedBefore = fake.refused();
                fake.unavailable(true);
                Thread.sleep(options.outage());
                fake.unavailable(false);
                yield String.format("платформа отвечала 503 %d с, отказано вызовов бота: %d",
                        options.outage().toSeconds(), fake.refused() - refusedBefore);
            }
            default -> throw new IllegalArgumentException(fault);
        };
    }

    /** The machine's cluster (Debian's pg_ctlcluster); an embedded server or another installation is not touched. */
    private String restartPostgres() throws IOException, InterruptedException {
        LocalPostgres.Server pg = stack.postgres();
        Path clusters = Path.of("/etc/postgresql");
        if (pg.embedded() != null || !Files.isDirectory(clusters)) {
            return "пропущен: стенд работает не на кластере машины (нет /etc/postgresql или сервер встроенный)";
        }
        String version;
        try (var list = Files.list(clusters)) {
            version = list.map(p -> p.getFileName().toString()).filter(v -> v.matches("\\d+"))
                    .max(java.util.Comparator.comparingInt(Integer::parseInt)).orElse(null);
        }
        if (version == null) {
            return "пропущен: в /etc/postgresql нет кластера";
        }
        long start = System.nanoTime();
        Process p = new ProcessBuilder("pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "restart")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            return "pg_ctlcluster restart не удался: " + out;
        }
        // until the server takes connections again
        while (true) {
            try (Connection c = pg.connect("postgres")) {
                break;
            } catch (SQLException e) {
                Thread.sleep(200);
            }
        }
        return String.format("кластер %s/main перезапущен (pg_ctlcluster restart), соединения снова через %.1f с",
                version, (System.nanoTime() - start) / 1e9);
    }

    double seconds(long nanos) {
        return (nanos - t0) / 1e9;
    }

    static String label(String fault) {
        if (fault.startsWith("kill:")) {
            return "kill -9 " + fault.substring("kill:".length());
        }
        return switch (fault) {
            case "kafka" -> "перезапуск брокера Kafka";
            case "postgres" -> "перезапуск PostgreSQL";
            case "platform" -> "платформа MAX отвечает 503";
            default -> fault;
        };
    }

    // ---- after the run ----

    /** Per fault: the first answer to a question asked after it began, and the answers of questions asked meanwhile. */
    List<String> recovery(List<Outcome> outcomes, Load.Step step) {
        List<String> rows = new ArrayList<>();
        for (Outcome o : outcomes) {
            long firstAnswer = Long.MAX_VALUE;
            List<Long> during = new ArrayList<>();
            for (Load.Sent s : step.sent) {
                if (s.sentNanos < o.startNanos() || !s.accepted() || s.replyNanos == 0) {
                    continue;
                }
                firstAnswer = Math.min(firstAnswer, s.replyNanos);
                if (s.sentNanos <= o.endNanos()) {
                    during.add((s.replyNanos - s.sentNanos) / 1_000_000);
                }
            }
            long[] sorted = during.stream().mapToLong(Long::longValue).sorted().toArray();
            rows.add(String.format("| %s | %.0f | %.1f | %s | %s | %s | %s |", o.label(), seconds(o.startNanos()),
                    (o.endNanos() - o.startNanos()) / 1e9,
                    firstAnswer == Long.MAX_VALUE ? "—" : String.format("%.1f", (firstAnswer - o.startNanos()) / 1e9),
                    sorted.length == 0 ? "—" : String.valueOf(sorted[sorted.length / 2]),
                    sorted.length == 0 ? "—" : String.valueOf(sorted[Math.max(0, (int) Math.ceil(sorted.length * 0.99) - 1)]),
                    o.detail()));
        }
        return rows;
    }

    /**
     * What the databases say of the run: accepted updates stored once each, appeals of the run's teachers against the
     * accepted questions, and the appeals as intake, answer-service and analytics count them.
     */
    static Audit audit(LocalPostgres.Server pg, String database, Load.Step step, long runId) throws SQLException {
        List<String> mids = new ArrayList<>();
        long questions = 0;
        for (Load.Sent s : step.sent) {
            if (s.accepted() && s.kind != Load.Kind.RATING) {
                mids.add(s.mid);
                if (s.kind != Load.Kind.FOLLOWUP) {
                    questions++;
                }
            }
        }
        try (Connection c = pg.connect(database)) {
            long stored = 0;
            long twice = 0;
            try (PreparedStatement ps = c.prepareStatement("select external_id, count(*) from intake.messages "
                    + "where direction = 'IN' and external_id = any(?) group by external_id")) {
                ps.setArray(1, c.createArrayOf("text", mids.toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        stored++;
                        if (rs.getLong(2) > 1) {
                            twice++;
                        }
                    }
                }
            }
            // the run's teachers: platform user ids runId·10⁶ + i (BenchPipeline.register)
            String teachers = "select t.teacher_id from intake.teachers t where t.channel = 'MAX' "
                    + "and t.platform_user_id like '" + runId + "%' and length(t.platform_user_id) = "
                    + (String.valueOf(runId).length() + 6);
            try (Statement st = c.createStatement()) {
                return new Audit(mids.size(), stored, twice, questions,
                        count(st, "select count(*) from intake.appeals where teacher_id in (" + teachers + ")"),
                        count(st, "select count(*) from intake.appeals"),
                        count(st, "select count(*) from answer.match_decisions"),
                        count(st, "select coalesce(sum(received), 0) from analytics.region_day_stats"));
            }
        }
    }

    private static long count(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static Path write(Path dir, Options options, Map<String, String> notes, List<String> faults, Result r,
                      Audit audit, Map<String, Long> lag, Map<String, Long> queues) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve("chaos-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))
                + ".md");
        StringBuilder b = new StringBuilder("# Сбои под нагрузкой (bin/chaos)\n\n");
        b.append(String.format("Нагрузка %.0f вопросов/с через `POST /webhooks/max` всё время прогона; между сбоями %d с; "
                + "вебхук, отклонённый во время сбоя, драйвер повторяет раз в секунду (как платформа).%n%n",
                options.rates().getFirst(), options.faultGap().toSeconds()));
        notes.forEach((k, v) -> b.append("- ").append(k).append(": ").append(v).append('\n'));
        b.append('\n').append(TABLE_HEAD).append('\n');
        faults.forEach(row -> b.append(row).append('\n'));
        b.append("\n## Итог\n\n");
        b.append(summary(r, audit, lag, queues));
        Files.writeString(file, b.toString());
        return file;
    }

    static String summary(Result r, Audit audit, Map<String, Long> lag, Map<String, Long> queues) {
        StringBuilder b = new StringBuilder();
        b.append(String.format("- отправлено %d, принято %d; ответов %d, потеряно (нет ответа) %d, дублей %d%n",
                r.offered, r.accepted, r.accepted - r.lost, r.lost, r.duplicates));
        audit.lines().forEach((k, v) -> b.append("- ").append(k).append(": ").append(v).append('\n'));
        b.append("- отставание потребителей в конце: ").append(lag).append('\n');
        b.append("- очереди в базе в конце: ").append(queues).append('\n');
        return b.toString();
    }
}
