package ru.rosobr.assistant.platform.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerErrorException;
import org.springframework.web.server.ServerWebExchange;

/**
 * A path variable that matched the route but converts to nothing (a blank id, {@code /deliveries/%20/retry}) is the
 * client's mistake; WebFlux reports it as a missing value of the handler, a 500. Answered 400 here, ahead of the
 * services' own advice; every other server error is left as it is.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class PathValueAdvice {

    private static final Logger log = LoggerFactory.getLogger(PathValueAdvice.class);

    @ExceptionHandler(ServerErrorException.class)
    public ProblemDetail emptyPathValue(ServerErrorException e, ServerWebExchange exchange)
            throws ServerErrorException {
        MethodParameter parameter = e.getMethodParameter();
        PathVariable variable = parameter == null ? null : parameter.getParameterAnnotation(PathVariable.class);
        if (variable == null) {
            throw e;
        }
        String name = !variable.name().isEmpty() ? variable.name() : String.valueOf(parameter.getParameterName());
        log.warn("{} {} → 400: empty path value {}", exchange.getRequest().getMethod(),
                exchange.getRequest().getPath().value(), name);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "Пустое или некорректное значение «" + name + "» в адресе запроса");
        problem.setTitle("Некорректный запрос");
        return problem;
    }
}
