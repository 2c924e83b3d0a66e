package dev.cgdemo.operator;

import static dev.cgdemo.operator.Demos.NAMESPACE;
import static dev.cgdemo.operator.Demos.WAIT;
import static dev.cgdemo.operator.Demos.create;
import static dev.cgdemo.operator.Demos.demo;
import static dev.cgdemo.operator.Demos.editSpec;
import static dev.cgdemo.operator.Demos.get;
import static dev.cgdemo.operator.Demos.hasCondition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cgdemo.operator.model.ConsumerGroupDemo;
import dev.cgdemo.operator.model.ConsumerGroupDemoSpec;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.kroxylicious.testing.kafka.api.KafkaCluster;
import io.kroxylicious.testing.kafka.common.BrokerCluster;
import io.kroxylicious.testing.kafka.common.KRaftCluster;
import io.kroxylicious.testing.kafka.junit5ext.KafkaClusterExtension;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Each rule of the schema, and what only the operator can judge, gets its documented answer and
 * changes nothing, while a good resource created after them all becomes and stays Ready.
 */
@EnableKubernetesMockClient(crud = true)
@ExtendWith(KafkaClusterExtension.class)
class BadResourcesTest {

  @BrokerCluster(numBrokers = 1)
  @KRaftCluster
  static KafkaCluster cluster;

  static KubernetesClient client;

  /** A resource made bad in one way, and the answer it must get. */
  record Bad(String name, Consumer<ConsumerGroupDemoSpec> breakIt, String reason, String messagePart) {
  }

  static final List<Bad> BAD = List.of(
      new Bad("bad-topic-name", s -> s.getTopic().setName("no spaces allowed"), "InvalidSpec", "spec.topic.name"),
      new Bad("bad-topic-length", s -> s.getTopic().setName("t".repeat(250)), "InvalidSpec", "spec.topic.name"),
      new Bad("bad-partitions", s -> s.getTopic().setPartitions(0), "InvalidSpec", "spec.topic.partitions must be at least 1"),
      new Bad("no-partitions", s -> s.getTopic().setPartitions(null), "InvalidSpec", "spec.topic.partitions is required"),
      new Bad("bad-replication", s -> s.getTopic().setReplicationFactor(0), "InvalidSpec", "spec.topic.replicationFactor"),
      new Bad("bad-replicas", s -> s.getConsumers().setReplicas(-1), "InvalidSpec", "spec.consumers.replicas must be at least 0"),
      new Bad("bad-protocol", s -> s.getConsumers().setProtocol("eager"), "InvalidSpec", "spec.consumers.protocol must be classic or consumer"),
      new Bad("bad-assignor", s -> s.getConsumers().setAssignor("fastest"), "InvalidSpec", "spec.consumers.assignor"),
      new Bad("assignor-misfit", s -> {
        s.getConsumers().setProtocol("consumer");
        s.getConsumers().setAssignor("cooperative-sticky");
      }, "InvalidSpec", "does not fit protocol consumer"),
      new Bad("bad-delay", s -> s.getConsumers().setProcessingDelayMs(-5), "InvalidSpec", "spec.consumers.processingDelayMs"),
      new Bad("bad-rate", s -> s.getProducer().setMessagesPerSecond(0), "InvalidSpec", "spec.producer.messagesPerSecond"),
      new Bad("bad-keys", s -> s.getProducer().setKeys(0), "InvalidSpec", "spec.producer.keys"),
      new Bad("bad-bootstrap", s -> s.setBootstrapServers("no-port-here"), "InvalidSpec", "host:port"),
      new Bad("owned-consumer-key", s -> s.getConsumers().setKafkaProperties(Map.of("group.instance.id", "x")),
          "InvalidSpec", "spec.consumers.kafkaProperties must not set group.instance.id"),
      new Bad("owned-producer-key", s -> s.getProducer().setKafkaProperties(Map.of("acks", "0")),
          "InvalidSpec", "spec.producer.kafkaProperties must not set acks"),
      new Bad("rejected-session", s -> s.getConsumers().setKafkaProperties(Map.of("session.timeout.ms", "soon")),
          "KafkaPropertyRejected", "spec.consumers.kafkaProperties.session.timeout.ms=soon is rejected by Kafka"),
      new Bad("chaos-not-enabled", s -> {
        dev.cgdemo.operator.model.ChaosSpec chaos = new dev.cgdemo.operator.model.ChaosSpec();
        chaos.setEvery("30s");
        chaos.setActions(List.of("kill"));
        s.setChaos(chaos);
      }, "ChaosNotEnabled", "chaos.enabled=true"),
      // What only the operator can judge:
      new Bad("session-below-broker-min", s -> s.getConsumers().setKafkaProperties(Map.of("session.timeout.ms", "1000")),
          "KafkaPropertyRejected", ": it takes 6000 to 1800000 ms (group.min.session.timeout.ms, group.max.session.timeout.ms)"),
      new Bad("unreachable", s -> s.setBootstrapServers("127.0.0.1:1"), "KafkaUnavailable", "127.0.0.1:1"),
      new Bad("too-many-replicas", s -> s.getTopic().setReplicationFactor(3), "TopicRejected", "replication factor of 3"));

  @Test
  void eachBadResourceGetsItsAnswerAndAGoodOneBesideThemIsReady() throws Exception {
    try (CgdemoOperator operator = CgdemoOperator.start(client,
        Demos.mockServerSettings(cluster.getBootstrapServers()), new SimpleMeterRegistry());
        Admin admin = Admin.create(cluster.getKafkaClientConfiguration())) {
      for (Bad bad : BAD) {
        ConsumerGroupDemo demo = demo(bad.name(), 1, 1);
        bad.breakIt().accept(demo.getSpec());
        create(client, demo);
      }
      create(client, demo("good", 1, 1));

      await().atMost(WAIT).until(() -> hasCondition(client, "good", "Ready", "True", "Reconciled"));
      for (Bad bad : BAD) {
        await().atMost(WAIT).untilAsserted(() -> assertThat(Demos.condition(get(client, bad.name()), "Ready"))
            .as(bad.name())
            .hasValueSatisfying(c -> {
              assertThat(c.getStatus()).isEqualTo("False");
              assertThat(c.getReason()).isEqualTo(bad.reason());
              assertThat(c.getMessage()).contains(bad.messagePart());
            }));
        // Changes nothing: no consumers, no producer.
        assertThat(client.apps().statefulSets().inNamespace(NAMESPACE).withName(bad.name() + "-consumer").get()).as(bad.name()).isNull();
        assertThat(client.apps().deployments().inNamespace(NAMESPACE).withName(bad.name() + "-producer").get()).as(bad.name()).isNull();
      }
      assertThat(admin.listTopics().names().get()).contains("good")
          .doesNotContain("bad-partitions", "bad-replicas", "unreachable", "too-many-replicas");
      assertThat(hasCondition(client, "good", "Ready", "True", "Reconciled")).isTrue();

      // The Admin client of an address is closed once no resource names it any more.
      assertThat(operator.openKafkaAddresses()).contains("127.0.0.1:1", cluster.getBootstrapServers());
      Demos.demos(client).inNamespace(NAMESPACE).withName("unreachable").delete();
      await().atMost(WAIT).until(() -> get(client, "unreachable") == null);
      await().atMost(WAIT).until(() -> !operator.openKafkaAddresses().contains("127.0.0.1:1"));
      assertThat(operator.openKafkaAddresses()).contains(cluster.getBootstrapServers());
    }
  }

  @Test
  void aSpecThatTurnsBadChangesNothingAndReplicationFactorStaysAsItIs() throws Exception {
    try (CgdemoOperator operator = CgdemoOperator.start(client,
        Demos.mockServerSettings(cluster.getBootstrapServers()), new SimpleMeterRegistry())) {
      create(client, demo("turns-bad", 1, 2));
      await().atMost(WAIT).until(() -> hasCondition(client, "turns-bad", "Ready", "True", "Reconciled"));
      String statefulSetVersion = client.apps().statefulSets().inNamespace(NAMESPACE).withName("turns-bad-consumer")
          .get().getMetadata().getResourceVersion();

      editSpec(client, "turns-bad", s -> {
        s.getConsumers().setReplicas(5);
        s.getConsumers().setProtocol("eager");
      });
      await().atMost(WAIT).until(() -> hasCondition(client, "turns-bad", "Ready", "False", "InvalidSpec"));
      assertThat(client.apps().statefulSets().inNamespace(NAMESPACE).withName("turns-bad-consumer").get()
          .getMetadata().getResourceVersion()).isEqualTo(statefulSetVersion);

      editSpec(client, "turns-bad", s -> {
        s.getConsumers().setProtocol("classic");
        s.getTopic().setReplicationFactor(2);
      });
      // Refused as the CRD's transition rule refuses it on Kubernetes 1.25+ (the default 1 was accepted before).
      await().atMost(WAIT).until(() -> Demos.condition(get(client, "turns-bad"), "Ready")
          .filter(c -> c.getMessage().contains("replicationFactor")).isPresent());
      assertThat(Demos.condition(get(client, "turns-bad"), "Ready").orElseThrow())
          .satisfies(c -> assertThat(c.getReason()).isEqualTo("InvalidSpec"))
          .satisfies(c -> assertThat(c.getMessage())
              .isEqualTo("spec.topic.replicationFactor is immutable: it was 1, now 2; set it back to 1"));
    }
  }
}
