package ru.rosobr.assistant.platform;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param serviceName       the service's name: its consumer group and its identity as a topic writer
 * @param outboxInterval    how often the relay looks for unpublished rows when nothing woke it (a safety net: a
 *                          commit wakes it at once)
 * @param outboxRetention   how long published outbox rows are kept
 * @param replicationFactor replication of the topics this service declares
 * @param concurrency       consumer threads of the service (each takes whole partitions, so per-appeal order holds)
 * @param parentPid         when set (dev stack), the service exits as soon as that process is gone
 * @param retryFor          how long a consumer retries a failing event before it is dead-lettered
 */
@ConfigurationProperties("assistant")
public record PlatformProperties(String serviceName, Duration outboxInterval, Duration outboxRetention,
                                 Integer replicationFactor, Integer concurrency, Long parentPid, Duration retryFor) {
    public PlatformProperties {
        if (serviceName == null || serviceName.isBlank()) {
            throw new IllegalStateException("assistant.service-name must be set");
        }
        outboxInterval = outboxInterval == null ? Duration.ofSeconds(1) : outboxInterval;
        outboxRetention = outboxRetention == null ? Duration.ofDays(1) : outboxRetention;
        replicationFactor = replicationFactor == null ? 1 : replicationFactor;
        concurrency = concurrency == null ? 2 : concurrency;
        retryFor = retryFor == null ? Duration.ofSeconds(30) : retryFor;
    }
}
