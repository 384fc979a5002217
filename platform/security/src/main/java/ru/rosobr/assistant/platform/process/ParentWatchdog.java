package ru.rosobr.assistant.platform.process;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;

/**
 * In the dev stack every service is a child of the launcher. If the launcher dies without stopping its children
 * (kill -9), the children notice and exit instead of lingering as orphans.
 */
public class ParentWatchdog implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(ParentWatchdog.class);
    private final long parentPid;

    public ParentWatchdog(long parentPid) {
        this.parentPid = parentPid;
    }

    @Override
    public void afterPropertiesSet() {
        ProcessHandle.of(parentPid).ifPresentOrElse(
                parent -> parent.onExit().thenRun(() -> {
                    log.warn("parent process {} is gone; exiting", parentPid);
                    System.exit(0);
                }),
                () -> {
                    log.warn("parent process {} not found; exiting", parentPid);
                    System.exit(0);
                });
    }
}
