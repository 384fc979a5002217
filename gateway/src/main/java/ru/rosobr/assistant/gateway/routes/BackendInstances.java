package ru.rosobr.assistant.gateway.routes;

import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.discovery.simple.InstanceProperties;
import org.springframework.cloud.client.loadbalancer.Request;
import org.springframework.cloud.client.loadbalancer.RequestDataContext;
import org.springframework.cloud.client.loadbalancer.Response;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.cloud.loadbalancer.annotation.LoadBalancerClients;
import org.springframework.cloud.loadbalancer.core.DelegatingServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import reactor.core.publisher.Flux;

/**
 * Several instances per service: {@code INTAKE_URL=http://a:8081,http://b:8081} becomes the SimpleDiscoveryClient
 * instance list of {@code intake-service}, and the {@code lb://} routes go round-robin over it (Spring Cloud
 * LoadBalancer). A retried request (the Retry filter retries refused connections) skips the instances it has
 * already tried, so one dead instance costs a refused connect, not a failed request.
 */
@Configuration(proxyBeanMethods = false)
@LoadBalancerClients(defaultConfiguration = LoadBalancing.class)
public class BackendInstances {

    /** Lets a discovery instance be written as a bare base URL, so a comma-separated *_URL binds as a list. */
    @Bean
    @ConfigurationPropertiesBinding
    static Converter<String, InstanceProperties> instanceFromUrl() {
        return new Converter<>() {
            @Override
            public InstanceProperties convert(String url) {
                InstanceProperties instance = new InstanceProperties();
                URI uri = URI.create(url.strip());
                if (uri.getScheme() == null || uri.getHost() == null) {
                    throw new IllegalArgumentException("instance URL must be like http://host:port, got " + url);
                }
                if (uri.getPort() < 0) {
                    // the instance list keeps host and port apart: spell out the scheme's default port
                    uri = URI.create(uri.getScheme() + "://" + uri.getRawAuthority() + ":"
                            + ("https".equals(uri.getScheme()) ? 443 : 80));
                }
                instance.setUri(uri);
                return instance;
            }
        };
    }

    /**
     * On a retry, offers the instances this request has not been sent to yet; when every instance has been tried,
     * offers them all again. The gateway keeps the previous pick in the exchange attributes, which the load
     * balancer's request context carries.
     */
    static final class UntriedFirst extends DelegatingServiceInstanceListSupplier {

        static final String TRIED = UntriedFirst.class.getName() + ".tried";

        UntriedFirst(ServiceInstanceListSupplier delegate) {
            super(delegate);
        }

        @Override
        public Flux<List<ServiceInstance>> get() {
            return getDelegate().get();
        }

        @Override
        public Flux<List<ServiceInstance>> get(Request request) {
            Set<URI> tried = tried(request);
            Flux<List<ServiceInstance>> all = getDelegate().get(request);
            if (tried.isEmpty()) {
                return all;
            }
            return all.map(list -> {
                List<ServiceInstance> untried = list.stream().filter(i -> !tried.contains(i.getUri())).toList();
                return untried.isEmpty() ? list : untried;
            });
        }

        @SuppressWarnings("unchecked")
        private static Set<URI> tried(Request<?> request) {
            if (!(request.getContext() instanceof RequestDataContext context) || context.getClientRequest() == null) {
                return Set.of();
            }
            Map<String, Object> attributes = context.getClientRequest().getAttributes();
            if (attributes == null) {
                return Set.of();
            }
            Object previous = attributes.get(ServerWebExchangeUtils.GATEWAY_LOADBALANCER_RESPONSE_ATTR);
            Set<URI> tried = (Set<URI>) attributes.get(TRIED);
            if (previous instanceof Response<?> response && response.hasServer()
                    && response.getServer() instanceof ServiceInstance instance) {
                if (tried == null) {
                    tried = new HashSet<>();
                    attributes.put(TRIED, tried);
                }
                tried.add(instance.getUri());
            }
            return tried == null ? Set.of() : tried;
        }
    }
}
