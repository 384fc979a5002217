package ru.rosobr.assistant.routing;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

import ru.rosobr.assistant.platform.web.ProblemAdvice;

/** Decides who handles each appeal that needs a human: a regional operator, the region's queue or federal staff. */
@SpringBootApplication
@Import(ProblemAdvice.class)
public class RoutingServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(RoutingServiceApplication.class, args);
    }
}
