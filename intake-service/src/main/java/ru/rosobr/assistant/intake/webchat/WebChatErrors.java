package ru.rosobr.assistant.intake.webchat;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;

import ru.rosobr.assistant.intake.dialogue.Rejected;

/** Bad input to the web chat: HTTP 400 with the reason in Russian (problem+json, field {@code detail}), logged. */
@RestControllerAdvice(assignableTypes = WebChatController.class)
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class WebChatErrors {

    private static final Logger log = LoggerFactory.getLogger(WebChatErrors.class);

    @ExceptionHandler(Rejected.class)
    public ProblemDetail rejected(Rejected e, ServerWebExchange exchange) {
        log.info("web chat {} {} rejected: {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(),
                e.getMessage());
        return badRequest("Запрос отклонён", e.getMessage());
    }

    @ExceptionHandler(ServerWebInputException.class)
    public ProblemDetail unreadable(ServerWebInputException e, ServerWebExchange exchange) {
        Throwable cause = e.getMostSpecificCause();
        String detail;
        if (cause instanceof StreamReadException syntax) {
            // the parser's position helps whoever wrote the body; its text carries no internals
            var at = syntax.getLocation();
            detail = "Некорректный JSON в теле запроса" + (at == null ? "" : " (строка " + at.getLineNr()
                    + ", позиция " + at.getColumnNr() + ")") + ": " + abbreviate(firstLine(syntax.getOriginalMessage()));
        } else if (cause instanceof DatabindException) {
            detail = "Некорректный JSON в теле запроса: ожидается JSON-объект со строковыми полями";
        } else {
            detail = "Некорректный JSON в теле запроса: тело отсутствует или не прочитано";
        }
        log.info("web chat {} {}: unreadable body: {}", exchange.getRequest().getMethod(),
                exchange.getRequest().getPath(), firstLine(cause.getMessage()));
        return badRequest("Некорректный запрос", detail);
    }

    private static ProblemDetail badRequest(String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle(title);
        return problem;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "тело запроса не прочитано";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static String abbreviate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "…";
    }
}
