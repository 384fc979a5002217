package ru.rosobr.assistant.gateway.routes;

import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * The per-service load-balancer context: the discovery instance list, untried instances first on a retry. Not a
 * {@code @Configuration} and not nested in one: Spring Cloud LoadBalancer creates it once per service, and it must
 * not land in the main context.
 */
class LoadBalancing {

    @Bean
    ServiceInstanceListSupplier instances(ConfigurableApplicationContext context) {
        return ServiceInstanceListSupplier.builder()
                .withDiscoveryClient()
                .with((ctx, delegate) -> new BackendInstances.UntriedFirst(delegate))
                .build(context);
    }
}
