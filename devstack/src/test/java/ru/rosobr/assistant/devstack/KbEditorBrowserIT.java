package ru.rosobr.assistant.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The KB editor's screen in a real browser on the running stack: {@code devstack/browser/kb-editor.e2e.mjs} — an
 * editor edits a live entry (answer text, a new phrasing; the version diff is shown), another employee verifies it and
 * the next question gets the new text, on every answer-service replica (the URLs are handed to the script: the edit
 * reaches each through the PostgreSQL change notification); a retired entry no longer answers, a restored one does.
 * Skipped, with the reason, where node or Chromium is missing.
 */
class KbEditorBrowserIT {

    @Test
    void editorEditsRetiresAndRestoresALiveEntry() throws Exception {
        BrowserScript.assumeBrowser();
        DevStack stack = SharedStack.get();
        BrowserScript.runScript("kb-editor.e2e.mjs", stack.gatewayUrl(), BrowserScript.ARTIFACTS.toString(),
                stack.config().urls("answer-service"));
        assertThat(BrowserScript.ARTIFACTS.resolve("kb-03-new-text.png")).exists();
    }
}
