package ru.rosobr.assistant.intake;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The messenger edge: teachers write through a channel (web chat now; MAX and VK/Sferum as further adapters),
 * intake turns their questions and button presses into appeal events and delivers outbound messages back.
 */
@SpringBootApplication
public class IntakeServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(IntakeServiceApplication.class, args);
    }
}
