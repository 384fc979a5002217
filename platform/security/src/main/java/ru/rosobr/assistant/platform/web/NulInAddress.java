package ru.rosobr.assistant.platform.web;

import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import ru.rosobr.assistant.platform.input.TextInput;
import ru.rosobr.assistant.platform.security.ApiSecurity;

/**
 * A NUL ({@code %00}) in the path or the query string is refused before any handler sees it: no route takes one,
 * and PostgreSQL would fail on it as a parameter.
 */
final class NulInAddress implements WebFilter, Ordered {

    private static final Logger log = LoggerFactory.getLogger(NulInAddress.class);

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        var uri = exchange.getRequest().getURI();
        String raw = (uri.getRawPath() == null ? "" : uri.getRawPath()) + "?"
                + (uri.getRawQuery() == null ? "" : uri.getRawQuery());
        if (raw.toLowerCase(Locale.ROOT).contains("%00")) {
            log.warn("{} {} → 400: NUL in the address", exchange.getRequest().getMethod(), uri.getRawPath());
            return ApiSecurity.problem(exchange, HttpStatus.BAD_REQUEST,
                    "Адрес или параметры запроса " + TextInput.NUL_REASON);
        }
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
