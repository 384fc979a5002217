package ru.rosobr.assistant.answer.matching.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class TextAnalyzerTest {

    private static final TextAnalyzer ANALYZER = new TextAnalyzer(Morphology.get(), Lexicon.standard());

    private static List<String> forms(String text) {
        return ANALYZER.analyze(text).terms().stream().flatMap(t -> Arrays.stream(t.forms())).toList();
    }

    private static Asker asker(String text) {
        return ANALYZER.analyze(text).asker();
    }

    @Test
    void inflectedFormsShareTheirLemma() {
        assertThat(forms("обязана")).contains("обязанный");
        assertThat(forms("обязан")).contains("обязанный");
        assertThat(forms("учителей")).containsExactly("учитель");
        assertThat(forms("журналов")).containsExactly("журнал");
        assertThat(forms("характеристики")).containsExactly("характеристика");
        assertThat(forms("пишу")).containsExactly("писать");
    }

    @Test
    void commonSpellingSlipsAreUndoneBeforeTheStem() {
        assertThat(forms("документацыю")).isEqualTo(forms("документацию"));
        assertThat(forms("обязанна")).contains("обязанный");
        assertThat(ANALYZER.analyze("документацыю").terms().getFirst().unknown()).isFalse();
        // one vowel slip in an inflected word, which the typo corrector (it compares with lemmas) misses
        assertThat(forms("характиристику")).contains("характеристика");
        // slang keeps its own reading: its stems are tried before any vowel
        assertThat(forms("технокарту")).contains("технологический");
    }

    @Test
    void caseAndYoAreFolded() {
        assertThat(forms("Отчёты")).isEqualTo(forms("отчеты")).containsExactly("отчет");
        assertThat(forms("ПРОВЕДЁННЫХ МЕРОПРИЯТИЯХ")).isEqualTo(forms("проведенных мероприятиях"));
    }

    @Test
    void abbreviationsAndSlangAreExpanded() {
        assertThat(forms("ЭЖ")).containsExactly("электронный", "журнал");
        assertThat(forms("КТП")).contains("календарный", "тематический", "планирование");
        assertThat(forms("кл. рук.")).containsExactly("классный", "руководитель");
        assertThat(forms("кл рук")).containsExactly("классный", "руководитель");
        // inflected slang the dictionary does not know is recognised by its stem
        assertThat(forms("поурочку")).containsExactly("поурочный", "план");
        assertThat(forms("поурочки")).containsExactly("поурочный", "план");
        assertThat(forms("технокарты")).contains("технологический", "карта", "урок");
        assertThat(forms("соцпаспорт")).containsExactly("социальный", "паспорт");
        assertThat(forms("ВПР")).contains("всероссийский", "проверочный");
        assertThat(forms("ДОУ")).contains("детский", "сад");
    }

    @Test
    void unknownWordsFallBackToTheirSnowballStem() {
        assertThat(forms("портфолио")).isEqualTo(forms("портфолио"));
        Term t = ANALYZER.analyze("флешмобах").terms().getFirst();
        assertThat(t.unknown()).isTrue();
        assertThat(t.forms()).containsExactly("флешмоб");
        assertThat(forms("флешмобы")).containsExactly("флешмоб");
    }

    @Test
    void stopWordsAndNegatedWordsAreDropped() {
        assertThat(forms("подскажите пожалуйста а можно ли")).isEmpty();
        assertThat(forms("если он не классный руководитель")).isEmpty();
        assertThat(forms("могу ли я не вести журнал")).containsExactly("журнал");
    }

    @Test
    void conceptsAndWordFamiliesAreAttached() {
        Term obliged = ANALYZER.analyze("заставляют").terms().getFirst();
        assertThat(obliged.concepts()).contains("обязанность");
        Term doubling = ANALYZER.analyze("дублирование").terms().getFirst();
        Term doubled = ANALYZER.analyze("дублировать").terms().getFirst();
        assertThat(Ranker.termSimilarity(doubling, doubled, 0.8)).isGreaterThan(0).isLessThan(0.8);
    }

    @Test
    void theAskerIsRecognisedFromTheText() {
        assertThat(asker("Я преподаватель колледжа")).isEqualTo(Asker.SPO);
        assertThat(asker("в нашем техникуме")).isEqualTo(Asker.SPO);
        assertThat(asker("перечень для СПО")).isEqualTo(Asker.SPO);
        assertThat(asker("воспитатель детского сада")).isEqualTo(Asker.DOO);
        assertThat(asker("методист ДОУ")).isEqualTo(Asker.DOO);
        assertThat(asker("педагог дополнительного образования")).isEqualTo(Asker.OTHER);
        assertThat(asker("социальный педагог школы")).isEqualTo(Asker.OTHER);
        assertThat(asker("учитель математики")).isNull();
    }

    @Test
    void aShortQuestionAsksAboutThePaperOfTheStoryNotTheFillerBeforeIt() {
        TextAnalyzer.Analysis a = ANALYZER.analyze(
                "Завуч собирает тетради с поурочными планами. Я сижу до ночи. Это обязательно?");
        assertThat(focusOf(a, "план")).isEqualTo(1.0);
        assertThat(focusOf(a, "сидеть")).isEqualTo(TextAnalyzer.STORY);
        // with no paper in the story the sentence before a short question is still heard in full
        TextAnalyzer.Analysis b = ANALYZER.analyze("Родители пишут мне до ночи. Это законно?");
        assertThat(focusOf(b, "ночь")).isEqualTo(1.0);
    }

    private static double focusOf(TextAnalyzer.Analysis a, String lemma) {
        for (int i = 0; i < a.terms().size(); i++) {
            if (java.util.List.of(a.terms().get(i).forms()).contains(lemma)) {
                return a.focus()[i];
            }
        }
        throw new AssertionError("no term " + lemma);
    }

    @Test
    void aThirdPartyInTheStoryIsNotTheAsker() {
        // who asks the teacher for a paper, whom the teacher works with, the other one of a choice
        assertThat(asker("Психолог попросила написать характеристики на трёх детей")).isNull();
        assertThat(asker("Характеристику писать мне или социальному педагогу?")).isNull();
        assertThat(asker("тетрадь взаимодействия с логопедом")).isNull();
        // a place is where the asker works, whatever is demanded there; a role followed by a story is the asker
        assertThat(asker("В детском саду требуют календарный план")).isEqualTo(Asker.DOO);
        assertThat(asker("Я логопед, завуч требует отчёт")).isEqualTo(Asker.OTHER);
    }

    @Test
    void aStoryIsSplitIntoSentencesAndTheQuestionKeepsItsFocus() {
        assertThat(TextNormalizer.sentences("Что должен вести кл. рук. по закону? У нас т. е. всё иначе. Ну вот"))
                .containsExactly("Что должен вести кл. рук. по закону?", "У нас т. е. всё иначе.", "Ну вот");
        TextAnalyzer.Analysis a = ANALYZER.analyze("Кабинет у нас тесный. Обязан ли учитель вести журнал?");
        assertThat(a.terms()).hasSize(a.focus().length);
        assertThat(a.focus()[0]).isEqualTo(TextAnalyzer.STORY);
        assertThat(a.focus()[a.focus().length - 1]).isEqualTo(1.0);
        // a short question ("Это законно?") shares its focus with the sentence before it
        TextAnalyzer.Analysis b = ANALYZER.analyze("Ремонт был весной. Требуют конспекты уроков. Это законно?");
        assertThat(b.focus()[0]).isEqualTo(TextAnalyzer.STORY);
        assertThat(b.focus()[b.focus().length - 1]).isEqualTo(1.0);
        assertThat(ANALYZER.analyze("Обязан ли учитель вести журнал").focus()).containsOnly(1.0);
        // who demands and numbers tell the story, not the subject
        assertThat(ANALYZER.analyze("директор требует журнал 25").focus())
                .containsExactly(TextAnalyzer.CONTEXT, 1.0, 1.0, TextAnalyzer.NUMBER);
    }

    @Test
    void typoDistanceCountsTranspositionsAsOneEdit() {
        assertThat(TypoCorrector.distance("журнла", "журнал", 2)).isEqualTo(1);
        assertThat(TypoCorrector.distance("учителй", "учитель", 2)).isEqualTo(1);
        assertThat(TypoCorrector.distance("характеристеку", "характеристика", 2)).isEqualTo(2);
        assertThat(TypoCorrector.distance("журнал", "портфолио", 2)).isGreaterThan(2);
    }
}
