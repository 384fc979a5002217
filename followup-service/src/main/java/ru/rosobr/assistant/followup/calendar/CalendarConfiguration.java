package ru.rosobr.assistant.followup.calendar;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import ru.rosobr.assistant.followup.FollowupProperties;
import ru.rosobr.assistant.platform.calendar.WorkingCalendar;

/** The production calendar and the clock every time decision of the service reads (replaceable in tests). */
@Configuration(proxyBeanMethods = false)
public class CalendarConfiguration {

    @Bean
    WorkingCalendar workingCalendar() {
        return WorkingCalendar.fromClasspath();
    }

    @Bean
    AnswerDeadline answerDeadline(WorkingCalendar calendar, FollowupProperties props) {
        return new AnswerDeadline(calendar, props.answerWorkingDays(), props.escalationWorkingDays(),
                props.warningTime());
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
