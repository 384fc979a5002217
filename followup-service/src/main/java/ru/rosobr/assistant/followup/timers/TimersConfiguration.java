package ru.rosobr.assistant.followup.timers;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

import ru.rosobr.assistant.followup.FollowupProperties;
import ru.rosobr.assistant.followup.timers.internal.TimerScheduler;
import ru.rosobr.assistant.platform.outbox.Outbox;

/** The durable timers and the scheduler that fires them. */
@Configuration(proxyBeanMethods = false)
public class TimersConfiguration {

    @Bean
    Timers timers(DatabaseClient db) {
        return new Timers(db);
    }

    @Bean
    TimerScheduler timerScheduler(Timers timers, Outbox outbox, TransactionalOperator tx, Clock clock,
                                  FollowupProperties props) {
        return new TimerScheduler(timers, outbox, tx, clock, props.pollInterval(),
                props.escalationWorkingDays());
    }
}
