package ru.rosobr.assistant.intake.max;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The MAX bot ({@code assistant.max.*}, set from the environment in application.yml).
 *
 * @param apiBaseUrl     {@code MAX_API_BASE_URL}, default https://platform-api2.max.ru
 * @param token          {@code MAX_BOT_TOKEN}: sent as {@code Authorization: <token>}
 * @param webhookSecret  {@code MAX_WEBHOOK_SECRET}: the {@code X-Max-Bot-Api-Secret} every webhook must carry
 * @param webhookUrl     {@code MAX_WEBHOOK_URL}: when set (with the token), the subscription is registered on start
 * @param polling        {@code MAX_POLLING}: take updates by long polling instead of the webhook
 * @param pollingTimeout how long one {@code GET /updates} waits for updates
 * @param pollingRetry   the pause after a failed poll
 * @param rateLimit      requests per second (MAX allows 30)
 */
@ConfigurationProperties("assistant.max")
public record MaxProperties(String apiBaseUrl, String token, String webhookSecret, String webhookUrl,
                            boolean polling, Duration pollingTimeout, Duration pollingRetry, Integer rateLimit) {

    public MaxProperties {
        apiBaseUrl = apiBaseUrl == null || apiBaseUrl.isBlank() ? "https://platform-api2.max.ru"
                : apiBaseUrl.strip().replaceAll("/+$", "");
        token = blankToNull(token);
        webhookSecret = blankToNull(webhookSecret);
        webhookUrl = blankToNull(webhookUrl);
        pollingTimeout = pollingTimeout == null ? Duration.ofSeconds(30) : pollingTimeout;
        pollingRetry = pollingRetry == null ? Duration.ofSeconds(5) : pollingRetry;
        rateLimit = rateLimit == null ? 30 : rateLimit;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
