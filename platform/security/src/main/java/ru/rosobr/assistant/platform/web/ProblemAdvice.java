package ru.rosobr.assistant.platform.web;

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

/**
 * Every refused request ({@link ResponseStatusException}) is logged with its reason and answered as problem JSON with
 * a Russian {@code detail} (the console shows it to the user as it is). A service takes it with
 * {@code @Import(ProblemAdvice.class)}; mapping its own domain exceptions stays with the service. Not registered for
 * every service: some answer such refusals in a form of their own (webhooks, the web chat).
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class ProblemAdvice {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    @ExceptionHandler(ResponseStatusException.class)
    public ResponseEntity<ProblemDetail> refused(ResponseStatusException e, ServerWebExchange exchange) {
        String detail = e.getReason();
        if (e instanceof ServerWebInputException) {
            // malformed JSON, a wrong type of a parameter: Spring's reason is English and technical
            detail = "Некорректный запрос: проверьте JSON и параметры";
        }
        ProblemDetail body = ProblemDetail.forStatusAndDetail(e.getStatusCode(), detail);
        body.setInstance(URI.create(exchange.getRequest().getPath().value()));
        log.warn("{} {} → {}: {}{}", exchange.getRequest().getMethod(), exchange.getRequest().getPath().value(),
                e.getStatusCode().value(), detail,
                e instanceof ServerWebInputException && e.getCause() != null ? " (" + e.getCause().getMessage() + ")"
                        : "");
        return ResponseEntity.status(e.getStatusCode()).body(body);
    }
}
