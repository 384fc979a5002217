package ru.rosobr.assistant.intake.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class DeliverySettingsTest {

    private final DeliverySettings defaults = new DeliverySettings(null, null, null, null, null, null, null, null, null,
            null, null, null, null, null, null, null, null, null);

    @Test
    void roundBackoffDoublesUpToTheCap() {
        assertThat(defaults.backoffAfterRound(1)).isEqualTo(Duration.ofSeconds(5));
        assertThat(defaults.backoffAfterRound(2)).isEqualTo(Duration.ofSeconds(10));
        assertThat(defaults.backoffAfterRound(4)).isEqualTo(Duration.ofSeconds(40));
        assertThat(defaults.backoffAfterRound(5)).isEqualTo(Duration.ofSeconds(60));
        assertThat(defaults.backoffAfterRound(500)).isEqualTo(Duration.ofSeconds(60));
    }

    /**
     * The acceptance's "platform down for 2 minutes": with the production defaults the message is tried again on
     * the worker's schedule all through the outage (never given up), and the first round after the platform is
     * back comes within a minute — the breaker's 30 s open window is shorter than that.
     */
    @Test
    void aTwoMinuteOutageEndsInADeliveryWithinAMinuteOfRecovery() {
        Duration outage = Duration.ofMinutes(2);
        Duration roundTime = defaults.retryBackoff().multipliedBy(1 + 2 + 4); // in-round retries: 0.5 + 1 + 2 s
        Duration t = Duration.ZERO;
        int round = 0;
        while (t.compareTo(outage) < 0) {
            t = t.plus(roundTime);
            assertThat(t).isLessThan(defaults.giveUpAfter());
            t = t.plus(defaults.backoffAfterRound(++round));
        }
        assertThat(t.minus(outage)).isLessThanOrEqualTo(defaults.roundMaxBackoff());
        assertThat(defaults.breakerOpenFor()).isLessThan(defaults.roundMaxBackoff());
        assertThat(round).isBetween(4, 8);
    }
}
