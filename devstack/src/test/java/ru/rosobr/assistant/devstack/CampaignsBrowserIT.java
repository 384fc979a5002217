package ru.rosobr.assistant.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The console page «Рассылки» in a real browser on the running stack: {@code devstack/browser/campaigns.e2e.mjs}
 * creates a campaign, sees the audience size, watches the progress bar move, pauses and resumes it. Screenshots:
 * {@code devstack/target/browser-artifacts/campaigns-*.png}. Skipped, with the reason, where node or Chromium is
 * missing.
 */
class CampaignsBrowserIT {

    @Test
    void federalUserRunsACampaignInTheConsole() throws Exception {
        BrowserScript.assumeBrowser();
        DevStack stack = SharedStack.get();
        BrowserScript.runScript("campaigns.e2e.mjs", stack.gatewayUrl(), BrowserScript.ARTIFACTS.toString());
        assertThat(BrowserScript.ARTIFACTS.resolve("campaigns-02-running.png")).exists();
    }
}
