package ru.rosobr.assistant.platform;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * Adds every platform part's {@code META-INF/assistant/defaults.properties} on the classpath as the last (weakest)
 * property sources of a service: each part brings the defaults of what it wires (the gateway, which has no
 * database, gets none of the database's).
 */
public class PlatformDefaults implements EnvironmentPostProcessor {

    static final String LOCATION = "classpath*:META-INF/assistant/defaults.properties";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            Resource[] parts = new PathMatchingResourcePatternResolver().getResources(LOCATION);
            for (int i = 0; i < parts.length; i++) {
                environment.getPropertySources().addLast(new ResourcePropertySource("platformDefaults-" + i, parts[i]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
