package ru.rosobr.assistant.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;

import ru.rosobr.assistant.contracts.Topics;

/** The subscription check on a fixture under test sources that subscribes to what answer-service reads. */
class TopicSubscriptionsTest {

    private final JavaClasses fixture =
            new ClassFileImporter().importPackages("ru.rosobr.assistant.testkit.subscriptions");

    @Test
    void findsTheTopicOfEverySubscriptionAndNoTopicItsHandlersUse() {
        assertThat(TopicSubscriptions.subscribedTopics(fixture))
                .containsExactly("appeal.ai-judged.v1", "appeal.received.v1", "kb.entry.published.v1");
    }

    @Test
    void acceptsSubscriptionsEqualToTheRegistrysReaders() {
        assertThatCode(() -> TopicSubscriptions.check(fixture, Topics.ANSWER)).doesNotThrowAnyException();
    }

    @Test
    void refusesSubscriptionsTheRegistryDoesNotList() {
        assertThatThrownBy(() -> TopicSubscriptions.check(fixture, Topics.ROUTING))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("routing-service subscribes to [appeal.ai-judged.v1, appeal.received.v1");
    }
}
