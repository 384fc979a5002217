package ru.rosobr.assistant.intake.support;

import java.time.Clock;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Replaces the service's clock with the tests' {@link MutableClock}. */
@TestConfiguration(proxyBeanMethods = false)
public class TestClockConfiguration {

    public static final MutableClock CLOCK = new MutableClock();

    @Bean
    @Primary
    Clock testClock() {
        return CLOCK;
    }
}
