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
 * administrator logs in and must change the password, creates an operator for region 58 and uploads a registry of one
 * MAX teacher of that region in «Педагоги»; the operator logs in (a password change again), goes on shift; the
 * teacher's uncovered question, a MAX {@code message_created} update through the gateway's {@code /webhooks/max} with
 * the installation's secret, appears in the operator's list, and the bot tells the teacher on MAX (a fake platform
 * the script runs on loopback) that the question went to a specialist; a question sent through the web chat reaches
 * the operator too; the shift start is in the administrator's «Журнал действий». Skipped, with the reason, where node
 * or Chromium is missing.
 *
 * <p>Runs after the tests of the shared stack and stops it first: its own stack then starts on an otherwise idle
 * machine (beside the idle shared stack the start took half as long again). A test that came later would simply start
 * the shared stack anew.
 */
@Order(Integer.MAX_VALUE)
class FirstRunBrowserIT {

    static final String ADMIN = "chief";
    static final String ADMIN_PASSWORD = "Первый-пароль-2025";
    static final String MAX_SECRET = "first-run-webhook-secret";

    @Test
    void firstAdministratorCreatesAnOperatorWhoGetsATeachersQuestion() throws Exception {
        BrowserScript.assumeBrowser();
        SharedStack.stop();
        // the fake MAX platform is the script's: the stack is told its address before it starts
        int maxPort = freePort();
        try (DevStack stack = start(maxPort)) {
            BrowserScript.runScript("first-run.e2e.mjs", stack.gatewayUrl(), BrowserScript.ARTIFACTS.toString(),
                    ADMIN, ADMIN_PASSWORD, String.valueOf(maxPort), MAX_SECRET);
        }
        assertThat(BrowserScript.ARTIFACTS.resolve("first-05-operator-queue.png")).exists();
    }

    private static DevStack start(int maxPort) throws IOException {
        Path root = Path.of(System.getProperty("devstack.root", "..")).toAbsolutePath().normalize();
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (String service : StackConfig.SERVICES) {
            ports.put(service, freePort());
        }
        Map<String, String> env = Map.of(
                "DEMO_DATA", "false",
                "ASSISTANT_ADMIN_USERNAME", ADMIN,
                "ASSISTANT_ADMIN_PASSWORD", ADMIN_PASSWORD,
                "MAX_API_BASE_URL", "http://127.0.0.1:" + maxPort,
                "MAX_BOT_TOKEN", "first-run-token",
                "MAX_WEBHOOK_SECRET", MAX_SECRET);
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
