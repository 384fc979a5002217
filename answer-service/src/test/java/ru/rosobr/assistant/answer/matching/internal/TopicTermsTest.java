package ru.rosobr.assistant.answer.matching.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class TopicTermsTest {

    private static final TextAnalyzer ANALYZER = new TextAnalyzer(Morphology.get(), Lexicon.standard());
    private static final TopicTerms TERMS = TopicTerms.load(ANALYZER);

    private static List<Term> terms(String text) {
        return ANALYZER.analyze(text).terms();
    }

    @Test
    void aTopicIsNamedByItsWordsInAnyFormSlangOrAbbreviation() {
        assertThat(TERMS.named("student-characteristic", terms("написать характеристики на учеников"))).isTrue();
        assertThat(TERMS.named("lesson-plans", terms("сдавать поурочки завучу"))).isTrue();
        assertThat(TERMS.named("ktp", terms("КТП на год"))).isTrue();
        assertThat(TERMS.named("bot-scope", terms("что умеет этот бот"))).isTrue();
    }

    @Test
    void aQuestionWithoutTheTopicsWordsDoesNotNameIt() {
        assertThat(TERMS.named("bot-scope", terms("возможности ребёнка с ОВЗ"))).isFalse();
        // who asks is not what is asked: the class teacher's topic is named by papers
        assertThat(TERMS.named("class-teacher-docs", terms("подарок классному руководителю"))).isFalse();
        assertThat(TERMS.named("class-teacher-docs", terms("соцпаспорт класса у классного руководителя"))).isTrue();
    }

    @Test
    void aTopicTheFileDoesNotListRequiresNothing() {
        assertThat(TERMS.named("operators-new-topic", terms("погода завтра"))).isTrue();
    }
}
