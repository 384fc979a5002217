package ru.rosobr.assistant.operator;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

import ru.rosobr.assistant.platform.web.ProblemAdvice;

/** Users and their tokens, appeals under human handling, and the console API regional and federal staff work in. */
@SpringBootApplication
@Import(ProblemAdvice.class)
public class OperatorServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(OperatorServiceApplication.class, args);
    }
}
