package ru.rosobr.assistant.platform.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * The token decoder of a service that only verifies: operator-service's published keys ({@code assistant.jwt.jwks-uri}).
 * A service that decodes otherwise (operator-service with its own keys, the gateway with revocations, intake where
 * the keys are optional) declares its own decoder, and this one steps back.
 */
@AutoConfiguration
@ConditionalOnClass(ReactiveJwtDecoder.class)
public class JwtDecoderAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(ReactiveJwtDecoder.class)
    ReactiveJwtDecoder jwtDecoder(@Value("${assistant.jwt.jwks-uri}") String jwksUri) {
        return JwtSupport.decoder(jwksUri);
    }
}
