package ru.rosobr.assistant.operator.kb;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

import ru.rosobr.assistant.operator.appeals.AppealActions;
import ru.rosobr.assistant.operator.audit.AuditTrail;
import ru.rosobr.assistant.operator.appeals.AppealQueries;
import ru.rosobr.assistant.operator.kb.internal.DraftRepository;
import ru.rosobr.assistant.platform.outbox.Outbox;

/** Knowledge-base drafts and their publication ({@code kb.entry.published}). */
@Configuration(proxyBeanMethods = false)
public class KbConfiguration {

    @Bean
    KbDrafts kbDrafts(DatabaseClient db, AppealQueries appeals, AppealActions actions, AuditTrail audit,
                      Outbox outbox, TransactionalOperator tx) {
        return new KbDrafts(new DraftRepository(db), appeals, actions, audit, outbox, tx);
    }
}
