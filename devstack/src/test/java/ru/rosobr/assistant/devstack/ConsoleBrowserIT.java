package ru.rosobr.assistant.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The console in a real browser on the running stack: {@code devstack/browser/console.e2e.mjs} (Playwright driving
 * Debian's Chromium, headless) logs in, sees a new appeal arrive live, replies, judges the AI answer, publishes to the
 * knowledge base, moves a card on the kanban and escalates. Screenshots: {@code devstack/target/browser-artifacts/}.
 * Skipped, with the reason, where node or Chromium is missing ({@code .ci/run} installs both).
 */
class ConsoleBrowserIT {

    private static final Path MODULE = Path.of("").toAbsolutePath();
    private static final Path BROWSER_DIR = MODULE.resolve("browser");
    private static final Path ARTIFACTS = MODULE.resolve("target").resolve("browser-artifacts");

    @Test
    void operatorWorksAnAppealInTheConsole() throws Exception {
        runScript("console.e2e.mjs", "02-list-new-appeal.png");
    }

    /**
     * Runs one browser script of {@code devstack/browser} against the shared stack (skipped, with the reason, where
     * node or Chromium is missing) and checks its exit code and one screenshot it must have taken.
     */
    static void runScript(String script, String expectedScreenshot) throws Exception {
        String chromium = System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium");
        int node = nodeMajorVersion();
        assumeTrue(node >= 20, node < 0
                ? "браузерный тест консоли пропущен: нет node (Node.js 20+) — установите его или запустите .ci/run"
                : "браузерный тест консоли пропущен: Node.js " + node + " слишком старый, playwright-core нужен 20+");
        assumeTrue(Files.isExecutable(Path.of(chromium)),
                "браузерный тест консоли пропущен: нет " + chromium + " — apt-get install chromium (делает .ci/run)");
        if (!Files.isDirectory(BROWSER_DIR.resolve("node_modules").resolve("playwright-core"))) {
            assumeTrue(works("npm", "--version"),
                    "браузерный тест консоли пропущен: нет playwright-core и npm, чтобы его поставить (npm ci в devstack/browser)");
            System.out.println("[browser] npm ci в " + BROWSER_DIR);
            List<String> output = new ArrayList<>();
            assumeTrue(run(List.of("npm", "ci", "--no-audit", "--no-fund"), BROWSER_DIR, 300, output) == 0,
                    "браузерный тест консоли пропущен: npm ci в devstack/browser не удался:\n" + String.join("\n", output));
        }

        DevStack stack = SharedStack.get();
        Files.createDirectories(ARTIFACTS);
        List<String> output = new ArrayList<>();
        int exit = run(List.of("node", BROWSER_DIR.resolve(script).toString(), stack.gatewayUrl(),
                ARTIFACTS.toString()), BROWSER_DIR, 600, output);
        assertThat(exit).as("%s failed (screenshots in %s):%n%s", script, ARTIFACTS, String.join("\n", output))
                .isZero();
        assertThat(ARTIFACTS.resolve(expectedScreenshot)).exists();
    }

    /** The major version of the `node` on the PATH, -1 when there is none. */
    private static int nodeMajorVersion() {
        try {
            Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return -1;
            }
            Matcher m = Pattern.compile("^v?(\\d+)").matcher(out);
            return m.find() ? Integer.parseInt(m.group(1)) : -1;
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static boolean works(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Runs the command, echoing its output line by line (it is the test's report) into `output` too; the exit code. */
    private static int run(List<String> command, Path dir, int timeoutSeconds, List<String> output)
            throws IOException, InterruptedException {
        Process p = new ProcessBuilder(new ArrayList<>(command)).directory(dir.toFile()).redirectErrorStream(true).start();
        Thread pump = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    System.out.println("[browser] " + line);
                    synchronized (output) {
                        output.add(line);
                    }
                }
            } catch (IOException e) {
                // the process is gone
            }
        }, "browser-output");
        pump.start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            pump.join(5000);
            throw new AssertionError(String.join(" ", command) + " did not finish in " + timeoutSeconds + " s");
        }
        pump.join(5000);
        return p.exitValue();
    }
}
