package ru.rosobr.assistant.platform.process;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/** Process-level concerns every service (the gateway included) shares. */
@AutoConfiguration
public class ProcessAutoConfiguration {

    @Bean
    ParentWatchdog parentWatchdog(@Value("${assistant.parent-pid:#{null}}") Long parentPid) {
        return new ParentWatchdog(parentPid);
    }
}
