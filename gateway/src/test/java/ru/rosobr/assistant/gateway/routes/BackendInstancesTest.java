package ru.rosobr.assistant.gateway.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;

import org.junit.jupiter.api.Test;

class BackendInstancesTest {

    @Test
    void anInstanceIsWrittenAsItsBaseUrl() {
        var i = BackendInstances.instanceFromUrl().convert(" http://10.0.0.5:8082 ");
        assertThat(i.getUri()).isEqualTo(URI.create("http://10.0.0.5:8082"));
        assertThat(i.getHost()).isEqualTo("10.0.0.5");
        assertThat(i.getPort()).isEqualTo(8082);
        assertThat(i.isSecure()).isFalse();
    }

    @Test
    void withoutAPortTheSchemesDefaultIsMeant() {
        var i = BackendInstances.instanceFromUrl().convert("https://answers.internal");
        assertThat(i.getPort()).isEqualTo(443);
        assertThat(i.isSecure()).isTrue();
        assertThat(BackendInstances.instanceFromUrl().convert("http://intake-service").getPort()).isEqualTo(80);
    }

    @Test
    void somethingThatIsNotAUrlFailsAtStart() {
        assertThatThrownBy(() -> BackendInstances.instanceFromUrl().convert("127.0.0.1:8081"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
