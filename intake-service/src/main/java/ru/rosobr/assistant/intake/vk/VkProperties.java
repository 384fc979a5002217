package ru.rosobr.assistant.intake.vk;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The VK community bot (Sferum / VK Messenger), {@code assistant.vk.*} set from the environment.
 *
 * @param apiBaseUrl   {@code VK_API_BASE_URL}, default https://api.vk.com/method
 * @param accessToken  {@code VK_ACCESS_TOKEN}: the community token with the messages permission
 * @param secret       {@code VK_SECRET}: the Callback API secret key every notification must carry
 * @param confirmation {@code VK_CONFIRMATION}: the string answered to the {@code confirmation} notification
 * @param apiVersion   {@code VK_API_VERSION}, default 5.199
 * @param rateLimit    requests per second (VK allows a community 20)
 */
@ConfigurationProperties("assistant.vk")
public record VkProperties(String apiBaseUrl, String accessToken, String secret, String confirmation,
                           String apiVersion, Integer rateLimit) {

    public VkProperties {
        apiBaseUrl = apiBaseUrl == null || apiBaseUrl.isBlank() ? "https://api.vk.com/method"
                : apiBaseUrl.strip().replaceAll("/+$", "");
        accessToken = blankToNull(accessToken);
        secret = blankToNull(secret);
        confirmation = blankToNull(confirmation);
        apiVersion = apiVersion == null || apiVersion.isBlank() ? "5.199" : apiVersion.strip();
        rateLimit = rateLimit == null ? 20 : rateLimit;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
