package ru.rosobr.assistant.answer;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Turns a teacher's question into MATCHED, UNMATCHED or OFF_TOPIC against the verified knowledge base. */
@SpringBootApplication
public class AnswerServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(AnswerServiceApplication.class, args);
    }
}
