package ru.rosobr.assistant.devstack;

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
        ConsoleBrowserIT.runScript("campaigns.e2e.mjs", "campaigns-02-running.png");
    }
}
