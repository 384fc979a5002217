package ru.rosobr.assistant.followup.api;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import ru.rosobr.assistant.followup.calendar.AnswerDeadline;
import ru.rosobr.assistant.platform.reference.Regions;

/**
 * {@code GET /api/followup/deadline}: the answer deadline by the production calendar, the same rule the status
 * message and the overdue timer use — for the console and the bot to show the same date. No personal data.
 */
@RestController
@RequestMapping("/api/followup")
public class DeadlineController {

    /**
     * Response body. {@code deadline} is the moment the appeal becomes overdue (midnight after the last day),
     * {@code warningAt} the warning to the operator (09:00 region time on the last day), {@code escalateAt} the
     * automatic federal escalation of an appeal still unanswered.
     */
    public record DeadlineResponse(String region, Instant from, int workingDays, LocalDate deadlineDay,
                                   Instant deadline, Instant warningAt, Instant escalateAt) {
    }

    private final AnswerDeadline rule;
    private final Clock clock;

    public DeadlineController(AnswerDeadline rule, Clock clock) {
        this.rule = rule;
        this.clock = clock;
    }

    @GetMapping("/deadline")
    public DeadlineResponse deadline(@RequestParam(required = false) String region,
                                     @RequestParam(required = false) String from,
                                     @RequestParam(required = false) Integer days) {
        if (region == null || !Regions.exists(region)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "укажите код региона (region), например 58; получено: " + region);
        }
        Instant start;
        try {
            start = from == null || from.isBlank() ? clock.instant() : Instant.parse(from);
        } catch (DateTimeParseException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "параметр from — момент времени в формате ISO-8601, например 2026-03-06T10:00:00Z");
        }
        int workingDays = days == null ? rule.workingDays() : days;
        if (workingDays < 1 || workingDays > 60) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "параметр days — от 1 до 60 рабочих дней");
        }
        AnswerDeadline.Plan plan = rule.plan(start, region, workingDays);
        return new DeadlineResponse(region, start, workingDays, plan.deadlineDay(), plan.deadline(),
                plan.warningAt(), plan.escalateAt());
    }
}
