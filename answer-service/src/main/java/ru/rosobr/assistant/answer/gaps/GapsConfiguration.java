package ru.rosobr.assistant.answer.gaps;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

import ru.rosobr.assistant.answer.gaps.internal.GapRepository;
import ru.rosobr.assistant.answer.kb.KnowledgeBase;
import ru.rosobr.assistant.answer.matching.Matcher;

/** The KB gaps report for editors: routed questions grouped by similarity. */
@Configuration(proxyBeanMethods = false)
public class GapsConfiguration {

    @Bean
    KbGaps kbGaps(DatabaseClient db, Matcher matcher, KnowledgeBase kb) {
        return new KbGaps(new GapRepository(db), matcher, kb);
    }
}
