package ru.rosobr.assistant.intake.max.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import ru.rosobr.assistant.intake.messenger.IncomingUpdate;
import ru.rosobr.assistant.intake.support.Updates;

class MaxUpdatesTest {

    private final MaxUpdates updates = new MaxUpdates();

    @Test
    void messagesAndCallbacksAreNamedByTheirPlatformIds() {
        assertThat(MaxUpdates.check(Updates.maxMessageCreated(42, "mid.abc", "Вопрос")).dedupKey())
                .isEqualTo("mid:mid.abc");
        assertThat(MaxUpdates.check(Updates.maxCallback(42, "cb.1", "rate:x:1")).dedupKey()).isEqualTo("callback:cb.1");
        assertThat(MaxUpdates.check(Updates.maxBotStarted(42, 1700)).dedupKey()).isEqualTo("bot_started:42:1700");
        assertThat(MaxUpdates.check("{\"update_type\":\"bot_removed\",\"timestamp\":1}").handled()).isFalse();
    }

    @Test
    void decodedForTheDialogue() {
        assertThat(updates.decode("message_created", Updates.maxMessageCreated(42, "mid.abc", "Вопрос")))
                .contains(new IncomingUpdate.Text("42", "Мария Иванова", "Вопрос", "mid.abc", "43"));
        assertThat(updates.decode("message_callback", Updates.maxCallback(42, "cb.1", "human:x")))
                .contains(new IncomingUpdate.Pressed("42", "Мария Иванова", "human:x", "cb.1", "43"));
        assertThat(updates.decode("bot_started", Updates.maxBotStarted(42, 1700)))
                .contains(new IncomingUpdate.Started("42", "Мария Иванова", "43"));
        assertThat(updates.decode("message_created", Updates.maxMessageCreated(42, "mid.g", "Всем", "chat")))
                .isEmpty();
    }

    @Test
    void unreadableUpdatesAreMalformed() {
        assertThatThrownBy(() -> MaxUpdates.check("nope")).isInstanceOf(MaxUpdates.Malformed.class);
        assertThatThrownBy(() -> MaxUpdates.check("{\"update_type\":\"message_callback\",\"callback\":{}}"))
                .isInstanceOf(MaxUpdates.Malformed.class).hasMessageContaining("callback_id");
    }
}
