package ru.rosobr.assistant.platform.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

/** Bad input answered as the client's mistake (4xx) in every reactive web service of the platform. */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
public class WebInputAutoConfiguration {

    @Bean
    PathValueAdvice pathValueAdvice() {
        return new PathValueAdvice();
    }
}
