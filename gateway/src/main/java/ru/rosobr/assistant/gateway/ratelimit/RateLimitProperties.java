package ru.rosobr.assistant.gateway.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Rate-limit budgets (token buckets: {@code perSecond} refilled each second, at most {@code burst} at once).
 *
 * @param enabled        false lifts every limit (benchmarks)
 * @param client         console, login and the other APIs: per user, otherwise per client address
 * @param teacher        platform webhooks, per platform user id
 * @param webhookAddress platform webhooks that name no user, per sending address
 */
@ConfigurationProperties("assistant.gateway.rate-limit")
public record RateLimitProperties(boolean enabled, Budget client, Budget teacher, Budget webhookAddress) {

    public record Budget(long perSecond, long burst) {
        public Budget {
            if (perSecond <= 0 || burst <= 0) {
                throw new IllegalArgumentException("rate-limit budgets must be positive");
            }
        }
    }
}
