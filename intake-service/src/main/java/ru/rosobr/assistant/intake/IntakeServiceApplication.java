package ru.rosobr.assistant.intake;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * The messenger edge: teachers write through a channel (MAX, VK/Sferum, and the web chat for development), intake
 * turns their questions and button presses into appeal events and delivers outbound messages back.
 */
@SpringBootApplication
public class IntakeServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(IntakeServiceApplication.class, args);
    }

    /** The time of delivery decisions (quiet hours, retries); tests replace it to prove them. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
