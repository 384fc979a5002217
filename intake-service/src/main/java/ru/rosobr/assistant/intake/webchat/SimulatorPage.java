package ru.rosobr.assistant.intake.webchat;

import java.net.URI;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.WebFilter;

/**
 * «Симулятор педагога» at {@code /simulator/}: a static page (classpath {@code static/simulator/}) that talks to
 * the web chat API with relative URLs, so it works directly and through the gateway. Off with the web chat.
 */
@Configuration(proxyBeanMethods = false)
public class SimulatorPage {

    static final String PATH = "/simulator";

    @Bean
    @ConditionalOnProperty(prefix = "assistant.webchat", name = "enabled", havingValue = "true",
            matchIfMissing = true)
    RouterFunction<ServerResponse> simulatorRoutes(@Value("classpath:/static/simulator/index.html") Resource page) {
        return RouterFunctions.route()
                // the page's own files are addressed relative to /simulator/
                .GET(PATH, request -> ServerResponse.temporaryRedirect(URI.create(PATH + "/")).build())
                .GET(PATH + "/", request -> ServerResponse.ok()
                        .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                        .bodyValue(page))
                .build();
    }

    /** With the web chat off, the simulator's static files are not served either. */
    @Bean
    @ConditionalOnProperty(prefix = "assistant.webchat", name = "enabled", havingValue = "false")
    WebFilter simulatorOff() {
        return (exchange, chain) -> {
            String path = exchange.getRequest().getPath().pathWithinApplication().value();
            if (path.equals(PATH) || path.startsWith(PATH + "/")) {
                exchange.getResponse().setStatusCode(HttpStatus.NOT_FOUND);
                return exchange.getResponse().setComplete();
            }
            return chain.filter(exchange);
        };
    }
}
