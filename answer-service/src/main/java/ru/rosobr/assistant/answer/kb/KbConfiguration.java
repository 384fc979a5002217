package ru.rosobr.assistant.answer.kb;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

import ru.rosobr.assistant.answer.kb.internal.KbRepository;
import ru.rosobr.assistant.answer.kb.internal.KbSync;
import ru.rosobr.assistant.answer.kb.internal.PublishedEntries;
import ru.rosobr.assistant.answer.kb.internal.StarterKbSeeder;
import ru.rosobr.assistant.contracts.Topics;
import ru.rosobr.assistant.platform.messaging.EventSubscription;
import ru.rosobr.assistant.platform.messaging.EventSubscriptions;
import ru.rosobr.assistant.platform.notify.PgNotifications;
import ru.rosobr.assistant.platform.outbox.Outbox;

/**
 * The knowledge base, its starter content and the matcher index kept in step with it; consumes kb.entry.published
 * (entries verified elsewhere become versions of the base).
 */
@Configuration(proxyBeanMethods = false)
public class KbConfiguration {

    @Bean
    KbRepository kbRepository(DatabaseClient db) {
        return new KbRepository(db);
    }

    /** Keeps the index of this replica in step with changes made on any replica. */
    @Bean
    KbSync kbSync(KbRepository repository, KbIndex index, PgNotifications notifications,
                  @Value("${assistant.kb.sync-interval:5s}") Duration syncInterval) {
        return new KbSync(repository, index, notifications, syncInterval);
    }

    @Bean
    KnowledgeBase knowledgeBase(KbRepository repository, KbSync sync, TransactionalOperator tx, Outbox outbox) {
        KnowledgeBase kb = new KnowledgeBase(repository, tx, sync::version, outbox);
        // an admin change is in this replica's index as soon as it commits (the others get the notification)
        kb.onChange(sync::apply);
        return kb;
    }

    @Bean
    PublishedEntries publishedEntries(KnowledgeBase kb) {
        return new PublishedEntries(kb);
    }

    @Bean
    EventSubscriptions kbSubscriptions(PublishedEntries published) {
        return EventSubscriptions.of(
                EventSubscription.on(Topics.KB_ENTRY_PUBLISHED, published::onPublished));
    }

    @Bean
    StarterKbSeeder starterKbSeeder(KbRepository repository, KnowledgeBase kb, TransactionalOperator tx) {
        return new StarterKbSeeder(repository, kb, tx);
    }

    /** Seed on first start, then build the index from everything stored (seeded or published earlier). */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    ApplicationRunner loadKnowledgeBase(StarterKbSeeder seeder, KnowledgeBase kb, KbSync sync) {
        return args -> {
            seeder.seed().block(Duration.ofMinutes(1));
            sync.load(kb.all().collectList().block(Duration.ofMinutes(1)));
            // what other replicas changed while this one was loading
            sync.catchUp().block(Duration.ofMinutes(1));
        };
    }
}
