package ru.rosobr.assistant.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * «Статистика» and «Карта» in a real browser at 1366×768 on the running stack: {@code devstack/browser/stats.e2e.mjs}
 * (charts and the regions' table for a period, drill-down to a region and its appeals, the tile map, the XLSX report
 * downloaded and opened). Screenshots: {@code devstack/target/browser-artifacts/stats-*.png}. Skipped like
 * {@link ConsoleBrowserIT} where node or Chromium is missing.
 */
class StatsBrowserIT {

    @Test
    void federalStaffReadTheStatisticsTheMapAndTheReport() throws Exception {
        BrowserScript.assumeBrowser();
        DevStack stack = SharedStack.get();
        Files.createDirectories(BrowserScript.ARTIFACTS);
        List<String> output = new ArrayList<>();
        int exit = BrowserScript.run(List.of("node",
                        BrowserScript.BROWSER_DIR.resolve("stats.e2e.mjs").toString(), stack.gatewayUrl(),
                        BrowserScript.ARTIFACTS.toString()),
                BrowserScript.BROWSER_DIR, 600, output);
        assertThat(exit).as("stats.e2e.mjs failed (screenshots in %s):%n%s", BrowserScript.ARTIFACTS,
                String.join("\n", output)).isZero();
        assertThat(BrowserScript.ARTIFACTS.resolve("stats-01-overview.png")).exists();
        assertThat(BrowserScript.ARTIFACTS.resolve("stats-04-map.png")).exists();
    }
}
