package ru.rosobr.assistant.platform.process;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/** Process-level concerns every service (the gateway included) shares. */
@AutoConfiguration
public class ProcessAutoConfiguration {

    /** Only where the dev stack asks for it by passing its own pid: a production service has no such parent. */
    @Bean
    @ConditionalOnProperty("assistant.parent-pid")
    ParentWatchdog parentWatchdog(@Value("${assistant.parent-pid}") long parentPid) {
        return new ParentWatchdog(parentPid);
    }
}
