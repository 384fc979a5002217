package ru.rosobr.assistant.platform.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.server.WebFilter;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.module.SimpleModule;

/** Bad input answered as the client's mistake (4xx) in every reactive web service of the platform. */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
public class WebInputAutoConfiguration {

    @Bean
    PathValueAdvice pathValueAdvice() {
        return new PathValueAdvice();
    }

    @Bean
    WebFilter nulInAddress() {
        return new NulInAddress();
    }

    /** Registered with the JSON mapper that reads request bodies (Spring Boot adds every module bean to it). */
    @Bean
    JacksonModule nulFreeStrings() {
        return new SimpleModule("nul-free-strings").addDeserializer(String.class, new NulFreeStrings());
    }
}
