package ru.rosobr.assistant.intake.delivery;

import java.time.Duration;
import java.time.LocalTime;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How outbound messages reach the platforms ({@code assistant.delivery.*}).
 *
 * @param pollInterval          how often the worker looks for messages due (it is also woken when one is queued)
 * @param batchSize             urgent messages (answers, statuses) claimed per round
 * @param bulkBatchSize         non-urgent messages (campaigns, reminders) claimed per round: few, so that a round
 *                              is short and an answer queued behind a campaign goes in the next one
 * @param concurrency           teachers served in parallel (one teacher's messages always go in order)
 * @param lease                 a claimed message is another worker's to retry only after this long
 * @param requestTimeout        one HTTP request to a platform
 * @param retryAttempts         tries of one request within a round (first try included) on 429/5xx/no answer
 * @param retryBackoff          wait before the first in-round retry; doubles with each further one
 * @param breakerFailureRate    % of failed requests in the window that opens a channel's circuit breaker
 * @param breakerWindow         requests in the breaker's sliding window
 * @param breakerMinimumCalls   requests before the breaker judges the failure rate
 * @param breakerOpenFor        how long an open breaker refuses requests before it lets trial requests through
 * @param roundBackoff          after a failed round, the message waits this long before the next round…
 * @param roundMaxBackoff       …doubling with each failed round up to this
 * @param giveUpAfter           a message still failing this long after its first failure is given up (kept as FAILED)
 * @param callbackGiveUpAfter   a button-press answer is useless after this long (the platform forgets the press)
 * @param quietFrom             non-urgent messages go out from this local time…
 * @param quietTo               …until this local time of the teacher's region
 */
@ConfigurationProperties("assistant.delivery")
public record DeliverySettings(Duration pollInterval, Integer batchSize, Integer bulkBatchSize, Integer concurrency, Duration lease,
                               Duration requestTimeout, Integer retryAttempts, Duration retryBackoff,
                               Integer breakerFailureRate, Integer breakerWindow, Integer breakerMinimumCalls,
                               Duration breakerOpenFor, Duration roundBackoff, Duration roundMaxBackoff,
                               Duration giveUpAfter, Duration callbackGiveUpAfter, LocalTime quietFrom,
                               LocalTime quietTo) {

    public DeliverySettings {
        pollInterval = or(pollInterval, Duration.ofMillis(250));
        batchSize = batchSize == null ? 50 : batchSize;
        bulkBatchSize = bulkBatchSize == null ? 10 : bulkBatchSize;
        concurrency = concurrency == null ? 32 : concurrency;
        lease = or(lease, Duration.ofMinutes(2));
        requestTimeout = or(requestTimeout, Duration.ofSeconds(10));
        retryAttempts = retryAttempts == null ? 4 : retryAttempts;
        retryBackoff = or(retryBackoff, Duration.ofMillis(500));
        breakerFailureRate = breakerFailureRate == null ? 50 : breakerFailureRate;
        breakerWindow = breakerWindow == null ? 20 : breakerWindow;
        breakerMinimumCalls = breakerMinimumCalls == null ? 10 : breakerMinimumCalls;
        breakerOpenFor = or(breakerOpenFor, Duration.ofSeconds(30));
        roundBackoff = or(roundBackoff, Duration.ofSeconds(5));
        roundMaxBackoff = or(roundMaxBackoff, Duration.ofSeconds(60));
        giveUpAfter = or(giveUpAfter, Duration.ofHours(72));
        callbackGiveUpAfter = or(callbackGiveUpAfter, Duration.ofMinutes(10));
        quietFrom = quietFrom == null ? LocalTime.of(8, 0) : quietFrom;
        quietTo = quietTo == null ? LocalTime.of(19, 0) : quietTo;
    }

    /** The wait after the n-th failed round (n from 1): roundBackoff · 2^(n−1), at most roundMaxBackoff. */
    public Duration backoffAfterRound(int n) {
        Duration d = roundBackoff;
        for (int i = 1; i < n && d.compareTo(roundMaxBackoff) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(roundMaxBackoff) > 0 ? roundMaxBackoff : d;
    }

    private static Duration or(Duration value, Duration fallback) {
        return value == null ? fallback : value;
    }
}
