package ru.rosobr.assistant.answer.matching;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import ru.rosobr.assistant.answer.matching.internal.StemOverlapMatcher;

/** The matcher in use. */
@Configuration(proxyBeanMethods = false)
public class MatchingConfiguration {

    @Bean
    Matcher matcher() {
        return new StemOverlapMatcher();
    }
}
