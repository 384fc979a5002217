package ru.rosobr.assistant.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * The Kubernetes manifest of the topics (Strimzi {@code KafkaTopic}, {@code deploy/k8s/base/kafka/topics.yaml}) is
 * generated from the registry: same names, partitions and retention, so the topic operator and the services'
 * own declarations never disagree (a partition count the operator did not expect would leave its resource failed).
 * When the file differs, the test fails and prints what it should hold; {@code -Dmanifests.write=true} writes it.
 */
class KafkaTopicsManifestTest {

    static final Path MANIFEST = Path.of("..", "deploy", "k8s", "base", "kafka", "topics.yaml");

    /** The Kafka resource the topic operator watches (deploy/k8s/base/kafka/kafka.yaml). */
    static final String CLUSTER = "rosobr-kafka";

    @Test
    void manifestIsTheRegistry() throws IOException {
        String expected = manifest();
        if (Boolean.getBoolean("manifests.write")) {
            Files.writeString(MANIFEST, expected, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(MANIFEST, StandardCharsets.UTF_8))
                .as("%s is generated from Topics (-Dmanifests.write=true rewrites it); expected:%n%s", MANIFEST, expected)
                .isEqualTo(expected);
    }

    @Test
    void everyTopicNameIsAValidResourceName() {
        Set<String> names = new HashSet<>();
        for (Topic<?> t : Topics.ALL) {
            // a DNS subdomain (RFC 1123): the resource is named like its topic
            assertThat(t.name()).matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
            assertThat(names.add(t.name())).as("unique: %s", t.name()).isTrue();
        }
    }

    static String manifest() {
        StringBuilder s = new StringBuilder("""
                # Generated from contracts/.../Topics.java by KafkaTopicsManifestTest (-Dmanifests.write=true): do not edit.
                # One KafkaTopic per registry topic, with its partitions and retention; three replicas, two in sync for a write.
                """);
        for (Topic<?> t : Topics.ALL) {
            s.append("---\n")
                    .append("apiVersion: kafka.strimzi.io/v1\n")
                    .append("kind: KafkaTopic\n")
                    .append("metadata:\n")
                    .append("  name: ").append(t.name()).append('\n')
                    .append("  labels:\n")
                    .append("    strimzi.io/cluster: ").append(CLUSTER).append('\n')
                    .append("  annotations:\n")
                    .append("    rosobr/writer: ").append(t.writer()).append('\n')
                    // deploy/check compares each consumer's autoscaling bound with the partitions it reads
                    .append("    rosobr/readers: ").append(String.join(",", t.readers().stream().sorted().toList()))
                    .append('\n')
                    .append("spec:\n")
                    .append("  topicName: ").append(t.name()).append('\n')
                    .append("  partitions: ").append(t.partitions()).append('\n')
                    .append("  replicas: 3\n")
                    .append("  config:\n")
                    .append("    retention.ms: ").append(t.retention().toMillis()).append('\n')
                    .append("    min.insync.replicas: 2\n");
        }
        return s.toString();
    }
}
