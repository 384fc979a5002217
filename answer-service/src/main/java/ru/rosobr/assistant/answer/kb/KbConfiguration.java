package ru.rosobr.assistant.answer.kb;

import java.time.Duration;

import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

import ru.rosobr.assistant.answer.kb.internal.KbRepository;
import ru.rosobr.assistant.answer.kb.internal.StarterKbSeeder;
import ru.rosobr.assistant.answer.matching.Matcher;

/** The knowledge base, its starter content and the matcher index kept in step with it. */
@Configuration(proxyBeanMethods = false)
public class KbConfiguration {

    @Bean
    KbRepository kbRepository(DatabaseClient db) {
        return new KbRepository(db);
    }

    @Bean
    KnowledgeBase knowledgeBase(KbRepository repository, Matcher matcher, TransactionalOperator tx) {
        KnowledgeBase kb = new KnowledgeBase(repository, tx);
        kb.onChange(matcher::update);
        return kb;
    }

    @Bean
    StarterKbSeeder starterKbSeeder(KbRepository repository, KnowledgeBase kb, TransactionalOperator tx) {
        return new StarterKbSeeder(repository, kb, tx);
    }

    /** Seed on first start, then build the index from everything stored (seeded or published earlier). */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    ApplicationRunner loadKnowledgeBase(StarterKbSeeder seeder, KnowledgeBase kb, Matcher matcher) {
        return args -> {
            seeder.seed().block(Duration.ofMinutes(1));
            matcher.reindex(kb.all().collectList().block(Duration.ofMinutes(1)));
        };
    }
}
