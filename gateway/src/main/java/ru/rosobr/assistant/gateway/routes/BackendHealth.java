package ru.rosobr.assistant.gateway.routes;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.netty.channel.ChannelOption;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.CompositeReactiveHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthContributor;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.discovery.simple.InstanceProperties;
import org.springframework.cloud.client.discovery.simple.reactive.SimpleReactiveDiscoveryProperties;
import org.springframework.cloud.gateway.config.GatewayProperties;
import org.springframework.cloud.gateway.route.RouteDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * The gateway is ready only when the services behind its routes answer: one health indicator per service
 * ({@code backends} in {@code /actuator/health} and in the readiness group), UP when at least one of its instances
 * answers {@code /actuator/health} with 200 within a short timeout. Results are cached briefly, so probes hitting
 * the gateway do not multiply into requests to every service. Liveness stays the gateway's own.
 */
@Configuration(proxyBeanMethods = false)
public class BackendHealth {

    @Bean
    ReactiveHealthContributor backends(GatewayProperties gateway, SimpleReactiveDiscoveryProperties discovery,
                                       @Value("${assistant.gateway.backend-health.path:/actuator/health}") String path,
                                       @Value("${assistant.gateway.backend-health.timeout:1s}") Duration timeout,
                                       @Value("${assistant.gateway.backend-health.cache-for:2s}") Duration cacheFor) {
        // a small pool of its own: health probes never queue behind proxied traffic
        HttpClient http = HttpClient.create(ConnectionProvider.builder("backend-health").maxConnections(16).build())
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) timeout.toMillis())
                .responseTimeout(timeout);
        WebClient client = WebClient.builder().clientConnector(new ReactorClientHttpConnector(http)).build();
        Map<String, ReactiveHealthContributor> services = new TreeMap<>();
        for (String service : services(gateway)) {
            List<ServiceInstance> instances = discovery.getInstances(service).stream()
                    .map(InstanceProperties::toServiceInstance).toList();
            services.put(service, new ServiceHealth(client, instances, path, timeout, cacheFor));
        }
        return CompositeReactiveHealthContributor.fromMap(services);
    }

    /** The services the routes lead to ({@code lb://<service>}), in route order. */
    static List<String> services(GatewayProperties gateway) {
        return gateway.getRoutes().stream().map(RouteDefinition::getUri)
                .filter(uri -> "lb".equals(uri.getScheme()) && uri.getHost() != null)
                .map(URI::getHost).distinct().toList();
    }

    /** One service: UP when any instance answers; the details name each instance's state. */
    static final class ServiceHealth implements ReactiveHealthIndicator {

        private final Mono<Health> cached;

        ServiceHealth(WebClient client, List<ServiceInstance> instances, String path, Duration timeout,
                      Duration cacheFor) {
            Mono<Health> probe = Flux.fromIterable(instances)
                    .flatMapSequential(instance -> client.get().uri(instance.getUri().resolve(path))
                            .exchangeToMono(r -> Mono.just(r.statusCode().is2xxSuccessful() ? "UP"
                                    : "DOWN (HTTP " + r.statusCode().value() + ")"))
                            .timeout(timeout)
                            .onErrorResume(e -> Mono.just("DOWN (не отвечает)"))
                            .map(state -> Map.entry(instance.getUri().toString(), state)))
                    .collectList()
                    .map(states -> {
                        Map<String, String> byInstance = new LinkedHashMap<>();
                        states.forEach(e -> byInstance.put(e.getKey(), e.getValue()));
                        boolean anyUp = byInstance.containsValue("UP");
                        return (anyUp ? Health.up() : Health.down()).withDetail("instances", byInstance).build();
                    });
            this.cached = probe.cache(cacheFor);
        }

        @Override
        public Mono<Health> health() {
            return cached;
        }
    }
}
