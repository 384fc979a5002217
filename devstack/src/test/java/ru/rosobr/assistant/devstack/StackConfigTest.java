package ru.rosobr.assistant.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class StackConfigTest {

    private static StackConfig config(int replicas) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (String service : StackConfig.SERVICES) {
            ports.put(service, StackConfig.DEFAULT_PORTS.get(service));
        }
        return new StackConfig(Path.of("."), Path.of("data"), "rosobr", 9092, 9093, ports, null, 55432, Map.of(),
                replicas, null);
    }

    @Test
    void oneInstanceKeepsTheSingleUrlTheGatewayExpects() {
        StackConfig c = config(1);
        assertThat(c.urls("intake-service")).isEqualTo("http://127.0.0.1:8081");
        assertThat(c.jvm()).isEqualTo(StackConfig.JvmProfile.FAST_START);
    }

    @Test
    void replicasListenOnPortPlusAHundredAndTheGatewayGetsEveryOne() {
        StackConfig c = config(2);
        assertThat(c.port("answer-service", 1)).isEqualTo(8182);
        assertThat(c.port("gateway", 1)).isEqualTo(8180);
        assertThat(c.urls("answer-service")).isEqualTo("http://127.0.0.1:8082,http://127.0.0.1:8182");
        assertThat(DevStack.instanceName("answer-service", 0)).isEqualTo("answer-service");
        assertThat(DevStack.instanceName("answer-service", 1)).isEqualTo("answer-service-1");
    }

    @Test
    void theOldConstructorMeansOneServerInstance() {
        StackConfig c = new StackConfig(Path.of("."), Path.of("data"), "rosobr", 9092, 9093, Map.of("gateway", 8080),
                null, 55432, Map.of());
        assertThat(c.replicas()).isEqualTo(1);
        assertThat(c.withJvm(StackConfig.JvmProfile.FAST_START).jvm()).isEqualTo(StackConfig.JvmProfile.FAST_START);
        assertThatThrownBy(() -> c.withReplicas(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void jvmProfileNames() {
        assertThat(StackConfig.JvmProfile.parse("fast-start")).isEqualTo(StackConfig.JvmProfile.FAST_START);
        assertThat(StackConfig.JvmProfile.parse("server")).isEqualTo(StackConfig.JvmProfile.SERVER);
        assertThatThrownBy(() -> StackConfig.JvmProfile.parse("c2")).isInstanceOf(IllegalArgumentException.class);
    }
}
