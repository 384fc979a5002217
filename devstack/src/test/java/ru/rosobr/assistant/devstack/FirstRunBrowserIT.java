package ru.rosobr.assistant.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import ru.rosobr.assistant.testkit.LocalPostgres;

/**
 * A fresh install in a real browser: a stack of its own (not the shared one, which carries demo data) started with
 * {@code DEMO_DATA=false} and the first administrator from the environment. {@code browser/first-run.e2e.mjs}: the
 * administrator logs in and must change the password, creates an operator for region 58; the operator logs in (a
 * password change again), goes on shift; a teacher's uncovered question of that region, sent through the web chat,
 * appears in the operator's list; the shift start is in the administrator's «Журнал действий». Skipped, with the
 * reason, where node or Chromium is missing.
 *
 * <p>Runs after the tests of the shared stack and stops it first: its own stack then starts on an otherwise idle
 * machine (beside the idle shared stack the start took half as long again). A test that came later would simply start
 * the shared stack anew.
 */
@Order(Integer.MAX_VALUE)
class FirstRunBrowserIT {

    static final String ADMIN = "chief";
    static final String ADMIN_PASSWORD = "Первый-пароль-2025";

    @Test
    void firstAdministratorCreatesAnOperatorWhoGetsATeachersQuestion() throws Exception {
        BrowserScript.assumeBrowser();
        SharedStack.stop();
        try (DevStack stack = start()) {
            BrowserScript.runScript("first-run.e2e.mjs", stack.gatewayUrl(), BrowserScript.ARTIFACTS.toString(),
                    ADMIN, ADMIN_PASSWORD);
        }
        assertThat(BrowserScript.ARTIFACTS.resolve("first-05-operator-queue.png")).exists();
    }

    private static DevStack start() throws IOException {
        Path root = Path.of(System.getProperty("devstack.root", "..")).toAbsolutePath().normalize();
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (String service : StackConfig.SERVICES) {
            ports.put(service, freePort());
        }
        Map<String, String> env = Map.of(
                "DEMO_DATA", "false",
                "ASSISTANT_ADMIN_USERNAME", ADMIN,
                "ASSISTANT_ADMIN_PASSWORD", ADMIN_PASSWORD);
        StackConfig config = new StackConfig(root, Files.createTempDirectory("devstack-first-run"),
                LocalPostgres.newDatabaseName("firstrun"), freePort(), freePort(), ports, null, freePort(), env);
        long t0 = System.nanoTime();
        DevStack started = new DevStack(config)
                .start(Duration.ofSeconds(Long.getLong("devstack.start-timeout", 240)));
        System.out.printf("[first-run] stack UP in %.1f s, gateway %s%n", (System.nanoTime() - t0) / 1e9,
                started.gatewayUrl());
        return started;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
