package ru.rosobr.assistant.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.yaml.snakeyaml.Yaml;

/**
 * The gateway's probes as the Kubernetes manifests set them (deploy/k8s/base/services): the readiness group the
 * Deployment defines through its environment stays UP while a service behind the gateway is down, so one failed
 * service does not take every gateway pod out of the Ingress; the gateway's own readiness still reports it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
class KubernetesProbesIT {

    static final Path MANIFESTS = Path.of("..", "deploy", "k8s", "base", "services");
    static final String GROUP_ENV = "MANAGEMENT_ENDPOINT_HEALTH_GROUP_TRAFFIC_INCLUDE";

    static final LoopbackBackend services = new LoopbackBackend("services", Duration.ZERO);

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry registry) throws IOException {
        LoopbackBackend.behindEveryRoute(registry, services);
        registry.add("assistant.revocations.enabled", () -> "false"); // RevocationIT covers them, with a broker
        // the environment variable of the manifest, as Spring's relaxed binding reads it
        String include = env(container("gateway.yaml"), GROUP_ENV);
        registry.add("management.endpoint.health.group.traffic.include", () -> include);
    }

    @AfterAll
    static void stop() {
        services.close();
    }

    @Autowired
    WebTestClient web;

    @Test
    void trafficProbeIgnoresTheServicesBehindTheGateway() throws IOException {
        String readiness = probePath(container("gateway-probes.yaml"), "readinessProbe");
        String liveness = probePath(container("defaults.yaml"), "livenessProbe");
        assertThat(readiness).isEqualTo("/actuator/health/traffic");

        services.health = 503;
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                web.get().uri("/actuator/health/readiness").exchange().expectStatus().isEqualTo(503));
        web.get().uri(readiness).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components.backends").doesNotExist()
                .jsonPath("$.components.revocations.status").isEqualTo("UP");
        web.get().uri(liveness).exchange().expectStatus().isOk();

        services.health = 200;
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                web.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk());
    }

    /** The container "app" of the Deployment in a manifest file of the base. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> container(String file) throws IOException {
        String text = Files.readString(MANIFESTS.resolve(file), StandardCharsets.UTF_8);
        List<Map<String, Object>> containers = new ArrayList<>();
        for (Object doc : new Yaml().loadAll(text)) {
            Map<String, Object> d = (Map<String, Object>) doc;
            if (d != null && "Deployment".equals(d.get("kind"))) {
                Map<String, Object> spec = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>)
                        d.get("spec")).get("template")).get("spec");
                containers.addAll((List<Map<String, Object>>) spec.get("containers"));
            }
        }
        return containers.stream().filter(c -> "app".equals(c.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError(file + " has no Deployment with a container «app»"));
    }

    @SuppressWarnings("unchecked")
    static String env(Map<String, Object> container, String name) {
        return ((List<Map<String, Object>>) container.get("env")).stream().filter(e -> name.equals(e.get("name")))
                .map(e -> String.valueOf(e.get("value"))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " in the gateway's Deployment"));
    }

    @SuppressWarnings("unchecked")
    static String probePath(Map<String, Object> container, String probe) {
        Map<String, Object> p = (Map<String, Object>) container.get(probe);
        return String.valueOf(((Map<String, Object>) p.get("httpGet")).get("path"));
    }
}
