package ru.rosobr.assistant.answer;

import org.junit.jupiter.api.Test;

import ru.rosobr.assistant.contracts.Topics;
import ru.rosobr.assistant.testkit.TopicSubscriptions;

class TopicSubscriptionsTest {

    @Test
    void subscribesToWhatTheRegistryListsItAsReaderOf() {
        TopicSubscriptions.verify("ru.rosobr.assistant.answer", Topics.ANSWER);
    }
}
