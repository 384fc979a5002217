package ru.rosobr.assistant.followup;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Talks back to the teacher: the only writer of outbound messages, keeper of the durable timers (rating reminder,
 * overdue deadline) and of the working-day calendar.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class FollowupServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(FollowupServiceApplication.class, args);
    }
}
