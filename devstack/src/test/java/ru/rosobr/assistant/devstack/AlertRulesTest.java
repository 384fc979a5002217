package ru.rosobr.assistant.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * The alert rules are valid and fire as meant ({@code promtool test rules deploy/prometheus/alerts.test.yml}: the
 * dead-letter alert after five minutes, once per service however many replicas report).
 */
class AlertRulesTest {

    private static final Path PROMTOOL = Path.of("/usr/bin/promtool");

    @Test
    void alertRulesPassTheirUnitTests() throws Exception {
        assumeTrue(Files.isExecutable(PROMTOOL), "нет /usr/bin/promtool (пакет prometheus) — проверка правил пропущена");
        Path dir = Path.of("..", "deploy", "prometheus").toAbsolutePath().normalize();
        for (String[] args : new String[][] {{"check", "rules", "alerts.yml"}, {"test", "rules", "alerts.test.yml"}}) {
            Process p = new ProcessBuilder(PROMTOOL.toString(), args[0], args[1], args[2]).directory(dir.toFile())
                    .redirectErrorStream(true).start();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.exitValue()).as(out).isZero();
        }
    }
}
