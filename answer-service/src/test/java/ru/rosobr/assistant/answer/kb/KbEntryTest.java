package ru.rosobr.assistant.answer.kb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import ru.rosobr.assistant.answer.kb.StarterKb;
import ru.rosobr.assistant.contracts.events.KbEntryPublished.Audience;

class KbEntryTest {

    @Test
    void audienceIsStoredAndReadBack() {
        assertThat(KbEntry.audienceCode(Set.of(Audience.SPO, Audience.SCHOOL))).isEqualTo("SCHOOL,SPO");
        assertThat(KbEntry.parseAudience("SCHOOL,SPO")).containsExactlyInAnyOrder(Audience.SCHOOL, Audience.SPO);
        assertThat(KbEntry.parseAudience("ALL")).containsExactly(Audience.ALL);
        assertThat(KbEntry.normalise(List.of(Audience.SPO, Audience.ALL))).containsExactly(Audience.ALL);
        assertThat(KbEntry.normalise(null)).containsExactly(Audience.ALL);
    }

    @Test
    void starterBaseCoversEveryTopicWithAVerifiedAnswerAndItsLegalBasis() {
        List<String> topics = List.of("doc-list", "spo-doc-list", "lesson-plans", "work-program", "ktp",
                "paper-duplicates", "electronic-journal", "event-reports", "surveys-monitoring", "extra-events",
                "class-teacher-docs", "student-characteristic", "grade-analysis", "external-requests",
                "social-media-site", "teacher-portfolio", "chat-rules", "messenger-use", "appeal-process",
                "bot-scope");
        List<KbEntry> entries = StarterKb.entries();
        assertThat(entries).extracting(KbEntry::topic).containsAll(topics);
        for (KbEntry e : entries) {
            assertThat(e.status()).isEqualTo(KbEntry.Status.VERIFIED);
            assertThat(e.legalBasis()).as(e.id()).isNotBlank();
            assertThat(e.answer()).as(e.id()).contains("Основание:");
            assertThat(e.phrasings()).as(e.id()).hasSizeGreaterThanOrEqualTo(5);
        }
        assertThat(entries.stream().filter(e -> e.topic().equals("spo-doc-list")).findFirst().orElseThrow()
                .audience()).containsExactly(Audience.SPO);
    }
}
