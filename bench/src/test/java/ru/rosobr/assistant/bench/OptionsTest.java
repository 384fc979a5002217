package ru.rosobr.assistant.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class OptionsTest {

    @Test
    void noFaultsIsTheBenchmark() {
        Options o = Options.parse(new String[] {"--rate", "30"});
        assertThat(o.chaos()).isFalse();
    }

    @Test
    void allFaultsInTheirOrderWithTheGapAndOutage() {
        Options o = Options.parse(new String[] {"--rate", "10", "--faults", "all", "--fault-gap", "30s", "--outage", "1m"});
        assertThat(o.chaos()).isTrue();
        assertThat(o.faults()).isEqualTo(Options.ALL_FAULTS);
        assertThat(o.faultGap()).isEqualTo(Duration.ofSeconds(30));
        assertThat(o.outage()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void aChosenListKeepsItsOrder() {
        Options o = Options.parse(new String[] {"--rate", "5", "--faults", "platform, kill:intake-service"});
        assertThat(o.faults()).containsExactly("platform", "kill:intake-service");
    }

    @Test
    void anUnknownFaultOrASweepIsRefusedWithTheReason() {
        assertThatThrownBy(() -> Options.parse(new String[] {"--rate", "5", "--faults", "kill:intake"}))
                .hasMessageContaining("неизвестный сбой «kill:intake»");
        assertThatThrownBy(() -> Options.parse(new String[] {"--sweep", "5,10", "--faults", "kafka"}))
                .hasMessageContaining("с одной частотой");
    }
}
