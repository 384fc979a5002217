package ru.rosobr.assistant.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The console in a real browser on the running stack: {@code devstack/browser/console.e2e.mjs} (Playwright driving
 * Debian's Chromium, headless) logs in, sees a new appeal arrive live, replies, judges the AI answer, publishes to the
 * knowledge base, moves a card on the kanban and escalates. Screenshots: {@code devstack/target/browser-artifacts/}.
 * Skipped, with the reason, where node or Chromium is missing ({@code .ci/run} installs both).
 */
class ConsoleBrowserIT {

    @Test
    void operatorWorksAnAppealInTheConsole() throws Exception {
        BrowserScript.assumeBrowser();
        DevStack stack = SharedStack.get();
        BrowserScript.runScript("console.e2e.mjs", stack.gatewayUrl(), BrowserScript.ARTIFACTS.toString());
        assertThat(BrowserScript.ARTIFACTS.resolve("02-list-new-appeal.png")).exists();
    }
}
