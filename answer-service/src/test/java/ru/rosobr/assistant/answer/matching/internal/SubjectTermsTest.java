package ru.rosobr.assistant.answer.matching.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class SubjectTermsTest {

    private static final TextAnalyzer ANALYZER = new TextAnalyzer(Morphology.get(), Lexicon.standard());
    private static final SubjectTerms TERMS = SubjectTerms.load(ANALYZER);

    private static List<Term> terms(String text) {
        return ANALYZER.analyze(text).terms();
    }

    @Test
    void anEntryIsNamedByItsWordsInAnyFormSlangOrAbbreviation() {
        assertThat(TERMS.named("student-characteristic-1", terms("написать характеристики на учеников"))).isTrue();
        assertThat(TERMS.named("lesson-plans-1", terms("сдавать поурочки завучу"))).isTrue();
        assertThat(TERMS.named("ktp-1", terms("КТП на год"))).isTrue();
        assertThat(TERMS.named("bot-scope-1", terms("что умеет этот бот"))).isTrue();
    }

    @Test
    void aQuestionWithoutTheEntrysWordsDoesNotNameIt() {
        assertThat(TERMS.named("bot-scope-1", terms("возможности ребёнка с ОВЗ"))).isFalse();
        // who asks is not what is asked: the class teacher's entry is named by papers
        assertThat(TERMS.named("class-teacher-docs-1", terms("подарок классному руководителю"))).isFalse();
        assertThat(TERMS.named("class-teacher-docs-1", terms("соцпаспорт класса у классного руководителя"))).isTrue();
    }

    @Test
    void aPhraseOrAnExpandedAbbreviationNeedsAllItsWords() {
        // ЭЖ is read as «электронный журнал»: a journal of another kind does not name the electronic journal
        assertThat(TERMS.named("electronic-journal-1", terms("журнал проветривания кабинета"))).isFalse();
        assertThat(TERMS.named("electronic-journal-1", terms("заполнять ЭЖ каждый день"))).isTrue();
        assertThat(TERMS.named("electronic-journal-1", terms("журнал в электронном виде"))).isTrue();
    }

    @Test
    void theClassTeachersPapersNeedAClassTeacherAndTheGeneralListLeavesThemToIt() {
        // «&»: a paper alone is the general list's subject, not the class teacher's
        assertThat(TERMS.named("class-teacher-docs-1", terms("какие документы обязан вести учитель"))).isFalse();
        assertThat(TERMS.named("class-teacher-docs-1", terms("какие документы положены классной"))).isTrue();
        assertThat(TERMS.named("class-teacher-docs-1", terms("кл. руководителям велели сдавать отчёт"))).isTrue();
        assertThat(TERMS.named("class-teacher-docs-1", terms("социальный паспорт на каждого ребёнка"))).isTrue();
        // «!»: the general list does not answer what a class teacher keeps
        assertThat(TERMS.named("doc-list-1", terms("какие документы обязан вести учитель"))).isTrue();
        assertThat(TERMS.named("doc-list-1", terms("какие документы ведёт классный руководитель"))).isFalse();
        assertThat(TERMS.named("doc-list-1", terms("бумаги за классное руководство"))).isFalse();
    }

    @Test
    void anEntryTheFileDoesNotListRequiresNothing() {
        // an operator's entry on a listed topic is named by its own wording
        assertThat(TERMS.named("op-doc-list-chalk", terms("журнал выдачи мела"))).isTrue();
    }
}
