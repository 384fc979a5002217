package ru.rosobr.assistant.gateway.ratelimit;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
public class RateLimitConfiguration {

    @Bean
    ClientAddresses clientAddresses(@Value("${assistant.gateway.client-address.trusted-proxies:}") String trusted,
                                    @Value("${assistant.gateway.client-address.header:X-Forwarded-For}") String header) {
        return new ClientAddresses(trusted, header);
    }

    @Bean
    RateLimitFilter rateLimitFilter(RateLimitProperties properties, ClientAddresses addresses) {
        return new RateLimitFilter(properties, addresses);
    }
}
