package ru.rosobr.assistant.intake.max.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import ru.rosobr.assistant.intake.delivery.PartInDoubt;
import ru.rosobr.assistant.intake.delivery.PlatformFailure;
import ru.rosobr.assistant.intake.delivery.PlatformSender.Shown;
import ru.rosobr.assistant.intake.max.MaxProperties;
import ru.rosobr.assistant.intake.support.FakeMaxPlatform;
import ru.rosobr.assistant.intake.support.Updates;
import ru.rosobr.assistant.intake.web.PlatformHttp;

/** How MaxSender tells whether a part in doubt is in the dialog, against the fake MAX platform's GET /messages. */
class MaxSenderTest {

    private final FakeMaxPlatform max = FakeMaxPlatform.get();
    private final MaxProperties props = new MaxProperties(max.url(), FakeMaxPlatform.TOKEN, null, null, false, null,
            null, null);
    private final MaxSender sender = new MaxSender(new MaxClient(props, PlatformHttp.client(Duration.ofSeconds(5))),
            props);

    private static long newUser() {
        return 20_000_000L + (long) (Math.random() * 1_000_000_000L);
    }

    private PartInDoubt part(long user, String text, Instant notBefore) {
        return new PartInDoubt(String.valueOf(user), String.valueOf(Updates.maxDialog(user)), text, notBefore);
    }

    @Test
    void theTextMaxShowsIsThePartWithoutItsMarkdown() {
        assertThat(MaxSender.sameText("Ответ по ФГОС", "Ответ по ФГОС")).isTrue();
        assertThat(MaxSender.sameText("Важно: приказ № 115, см. портал",
                "**Важно:** приказ № 115, см. [портал](https://obrnadzor.gov.ru)")).isTrue();
        assertThat(MaxSender.sameText("Ответ по ФГОС", "Ответ по ФГОС ООО")).isFalse();
        assertThat(MaxSender.sameText("", "**")).isFalse();
    }

    @Test
    void onlyTheBotsMessagesSinceTheRequestCount() {
        long user = newUser();
        long now = System.currentTimeMillis();
        Instant since = Instant.ofEpochMilli(now).minusSeconds(60);
        max.showInDialog(user, "Старый ответ", now - Duration.ofMinutes(10).toMillis());
        max.userWrote(user, "Вопрос педагога", now);
        max.showInDialog(user, "Новый ответ", now);

        assertThat(sender.shown(part(user, "Новый ответ", since)).block()).isEqualTo(Shown.YES);
        assertThat(sender.shown(part(user, "Старый ответ", since)).block()).isEqualTo(Shown.NO);
        assertThat(sender.shown(part(user, "Вопрос педагога", since)).block()).isEqualTo(Shown.NO);
        assertThat(sender.shown(part(newUser(), "Новый ответ", since)).block()).isEqualTo(Shown.NO);
    }

    @Test
    void aLookUpThatCannotBeDoneIsAFailure() {
        long user = newUser();
        Instant since = Instant.now().minusSeconds(60);
        PlatformFailure unknownDialog = catchThrowableOfType(PlatformFailure.class,
                () -> sender.shown(new PartInDoubt(String.valueOf(user), null, "Ответ", since)).block());
        assertThat(unknownDialog).hasMessageContaining("id диалога");
        assertThat(unknownDialog.retryable()).isFalse();

        // a full page of newer messages: the part may be further back, so "not there" cannot be said
        long now = System.currentTimeMillis();
        for (int i = 0; i < MaxSender.LOOK_BACK; i++) {
            max.showInDialog(user, "Рассылка " + i, now);
        }
        PlatformFailure fullPage = catchThrowableOfType(PlatformFailure.class,
                () -> sender.shown(part(user, "Ответ", since)).block());
        assertThat(fullPage).hasMessageContaining(String.valueOf(MaxSender.LOOK_BACK));

        max.failNextReads(503);
        PlatformFailure unavailable = catchThrowableOfType(PlatformFailure.class,
                () -> sender.shown(part(user, "Рассылка 1", since)).block());
        assertThat(unavailable.retryable()).isTrue();
        assertThat(sender.shown(part(user, "Рассылка 1", since)).block()).isEqualTo(Shown.YES);
    }
}
