package ru.rosobr.assistant.platform;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param serviceName       the service's name: its consumer group and its identity as a topic writer
 * @param outboxInterval    how often the relay looks for unpublished rows
 * @param replicationFactor replication of the topics this service declares
 * @param concurrency       consumer threads per subscribed topic
 * @param parentPid         when set (dev stack), the service exits as soon as that process is gone
 * @param retryFor          how long a consumer retries a failing event before it is dead-lettered
 */
@ConfigurationProperties("assistant")
public record PlatformProperties(String serviceName, Duration outboxInterval, Integer replicationFactor,
                                 Integer concurrency, Long parentPid, Duration retryFor) {
    public PlatformProperties {
        if (serviceName == null || serviceName.isBlank()) {
            throw new IllegalStateException("assistant.service-name must be set");
        }
        outboxInterval = outboxInterval == null ? Duration.ofMillis(100) : outboxInterval;
        replicationFactor = replicationFactor == null ? 1 : replicationFactor;
        concurrency = concurrency == null ? 1 : concurrency;
        retryFor = retryFor == null ? Duration.ofSeconds(30) : retryFor;
    }
}
