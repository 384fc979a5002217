package ru.rosobr.assistant.devstack;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/** Stops the shared dev stack when the test run ends, before the JVM's shutdown (surefire may not wait long then). */
public class SharedStackListener implements LauncherSessionListener {

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        SharedStack.stop();
    }
}
