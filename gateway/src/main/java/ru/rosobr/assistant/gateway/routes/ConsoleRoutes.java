package ru.rosobr.assistant.gateway.routes;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;

import java.net.URI;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/** Serves the console SPA (packaged by the console module under META-INF/resources/console). */
@Configuration(proxyBeanMethods = false)
public class ConsoleRoutes {

    private static final Resource INDEX = new ClassPathResource("META-INF/resources/console/index.html");

    @Bean
    RouterFunction<ServerResponse> consoleIndex() {
        return RouterFunctions
                .route(GET("/"), req -> ServerResponse.temporaryRedirect(URI.create("/console/")).build())
                .andRoute(GET("/console").or(GET("/console/")),
                        req -> ServerResponse.ok().contentType(MediaType.TEXT_HTML).bodyValue(INDEX));
    }
}
