package ru.rosobr.assistant.gateway.security;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import ru.rosobr.assistant.platform.security.ApiSecurity;

/**
 * The gateway's own metrics and actuator endpoints (its probes excepted) are for the scraper inside the installation:
 * a request is admitted only straight from a loopback or private address, never through a proxy (a forwarding
 * header means it came from outside, whatever the proxy's own address). Runs before security, so the refusal is a
 * 403 with its reason rather than a request for a token that would not help.
 */
public final class InternalOnly implements WebFilter, Ordered {

    static final String REFUSED = "Метрики и служебные адреса шлюза доступны только изнутри установки";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        boolean actuator = path.equals("/actuator") || path.startsWith("/actuator/");
        boolean probe = path.equals("/actuator/health") || path.startsWith("/actuator/health/");
        if (!actuator || probe || admits(exchange.getRequest())) {
            return chain.filter(exchange);
        }
        return ApiSecurity.problem(exchange, HttpStatus.FORBIDDEN, REFUSED);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    static boolean admits(ServerHttpRequest request) {
        HttpHeaders h = request.getHeaders();
        if (h.containsHeader("X-Forwarded-For") || h.containsHeader("X-Real-IP") || h.containsHeader("Forwarded")) {
            return false;
        }
        InetSocketAddress remote = request.getRemoteAddress();
        return remote != null && remote.getAddress() != null && internal(remote.getAddress());
    }

    public static boolean internal(InetAddress a) {
        if (a.isLoopbackAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress()) {
            return true;
        }
        // IPv6 unique local addresses (fc00::/7), the private range Java's isSiteLocalAddress does not know
        return a instanceof Inet6Address && (a.getAddress()[0] & 0xfe) == 0xfc;
    }
}
