package ru.rosobr.assistant.answer.kb;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KnowledgeBaseIdTest {

    @Test
    void anIdIsMadeFromATopicInAnyScript() {
        assertThat(KnowledgeBase.slug("Живой уголок 17")).isEqualTo("zhivoy-ugolok-17");
        assertThat(KnowledgeBase.slug("doc-list")).isEqualTo("doc-list");
        assertThat(KnowledgeBase.slug("Щёлковская школа: отчёты!")).isEqualTo("shchelkovskaya-shkola-otchety");
        assertThat(KnowledgeBase.slug("«»!?")).isEqualTo("entry");
        assertThat(KnowledgeBase.slug("а".repeat(200))).hasSizeLessThanOrEqualTo(60);
    }
}
