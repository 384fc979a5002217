package ru.rosobr.assistant.intake.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class OutboundTextTest {

    @Test
    void shortTextIsOnePart() {
        assertThat(OutboundText.split("Короткий ответ.", 4000)).containsExactly("Короткий ответ.");
    }

    @Test
    void longTextIsCutAtParagraphs() {
        String p1 = "а".repeat(2500);
        String p2 = "б".repeat(2500);
        assertThat(OutboundText.split(p1 + "\n\n" + p2, 4000)).containsExactly(p1, p2);
    }

    @Test
    void withoutParagraphsItIsCutAtASentence() {
        String sentence = "Учитель не обязан вести этот документ. ";
        String text = sentence.repeat(150).strip();
        List<String> parts = OutboundText.split(text, 4000);
        assertThat(parts).hasSize(2);
        assertThat(parts).allSatisfy(p -> assertThat(p.length()).isLessThanOrEqualTo(4000));
        assertThat(parts.getFirst()).endsWith("документ.");
        assertThat(String.join(" ", parts)).isEqualTo(text);
    }

    @Test
    void aSingleHugeWordIsCutHard() {
        String word = "x".repeat(9000);
        List<String> parts = OutboundText.split(word, 4000);
        assertThat(parts).extracting(String::length).containsExactly(4000, 4000, 1000);
    }

    @Test
    void surrogatePairsAreNotBroken() {
        String text = "a".repeat(3999) + "😀" + "b".repeat(10);
        List<String> parts = OutboundText.split(text, 4000);
        assertThat(parts.getFirst()).hasSize(3999);
        assertThat(parts.get(1)).startsWith("😀");
    }
}
