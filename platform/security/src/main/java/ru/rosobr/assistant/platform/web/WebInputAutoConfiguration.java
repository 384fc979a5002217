package ru.rosobr.assistant.platform.web;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
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

    /**
     * A null item in a list of a request body ({@code "phrasings": [null]}) is refused while the body is read (400)
     * rather than met later as a NullPointerException (500): no list of the services' APIs has a use for one.
     */
    @Bean
    JsonMapperBuilderCustomizer noNullItems() {
        // lists and sets only: a map's null value (a JSON object's null field) stays legitimate
        JsonSetter.Value failOnNullItems = JsonSetter.Value.forContentNulls(Nulls.FAIL);
        return builder -> builder
                .withConfigOverride(java.util.List.class, o -> o.setNullHandling(failOnNullItems))
                .withConfigOverride(java.util.Set.class, o -> o.setNullHandling(failOnNullItems));
    }

    /** Registered with the JSON mapper that reads request bodies (Spring Boot adds every module bean to it). */
    @Bean
    JacksonModule nulFreeStrings() {
        return new SimpleModule("nul-free-strings").addDeserializer(String.class, new NulFreeStrings());
    }
}
