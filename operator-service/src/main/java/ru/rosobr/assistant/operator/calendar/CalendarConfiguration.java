package ru.rosobr.assistant.operator.calendar;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import ru.rosobr.assistant.platform.calendar.WorkingCalendar;

/** The production calendar shipped in the platform module. */
@Configuration(proxyBeanMethods = false)
public class CalendarConfiguration {

    @Bean
    WorkingCalendar workingCalendar() {
        return WorkingCalendar.fromClasspath();
    }
}
