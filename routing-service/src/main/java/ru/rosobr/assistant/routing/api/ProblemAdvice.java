package ru.rosobr.assistant.routing.api;

import java.net.URI;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;

/** Every refused request is logged and answered as problem JSON with a Russian {@code detail}. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class ProblemAdvice {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    @ExceptionHandler(ResponseStatusException.class)
    public ResponseEntity<ProblemDetail> refused(ResponseStatusException e, ServerWebExchange exchange) {
        String detail = e instanceof ServerWebInputException
                ? "Некорректный запрос: проверьте JSON и параметры" // Spring's own reason is English and technical
                : e.getReason();
        ProblemDetail body = ProblemDetail.forStatusAndDetail(e.getStatusCode(), detail);
        body.setInstance(URI.create(exchange.getRequest().getPath().value()));
        log.warn("{} {} → {}: {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath().value(),
                e.getStatusCode().value(), detail);
        return ResponseEntity.status(e.getStatusCode()).body(body);
    }
}
