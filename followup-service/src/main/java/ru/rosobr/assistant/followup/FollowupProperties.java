package ru.rosobr.assistant.followup;

import java.time.Duration;
import java.time.LocalTime;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param reminderDelay          how long after an answer the teacher is asked (once) to rate it; P4D
 * @param answerWorkingDays      the answer deadline for an appeal handed to a human, in working days; 5
 * @param escalationWorkingDays  working days after the deadline day an unanswered appeal goes to federal
 *                               control by itself; 2
 * @param warningTime            local time on the deadline day the assigned operator is warned; 09:00
 * @param pollInterval           how often the scheduler looks for due timers; PT1S
 */
@ConfigurationProperties("assistant.followup")
public record FollowupProperties(Duration reminderDelay, Integer answerWorkingDays, Integer escalationWorkingDays,
                                 LocalTime warningTime, Duration pollInterval) {
    public FollowupProperties {
        reminderDelay = reminderDelay == null ? Duration.ofDays(4) : reminderDelay;
        answerWorkingDays = answerWorkingDays == null ? 5 : answerWorkingDays;
        escalationWorkingDays = escalationWorkingDays == null ? 2 : escalationWorkingDays;
        warningTime = warningTime == null ? LocalTime.of(9, 0) : warningTime;
        pollInterval = pollInterval == null ? Duration.ofSeconds(1) : pollInterval;
        if (reminderDelay.isNegative() || answerWorkingDays < 1 || escalationWorkingDays < 1
                || pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalStateException(
                    "assistant.followup: delays must be positive, working days (answer, escalation) >= 1");
        }
    }
}
