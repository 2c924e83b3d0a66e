package dev.cgdemo.operator;

import static dev.cgdemo.operator.Demos.WAIT;
import static dev.cgdemo.operator.Demos.create;
import static dev.cgdemo.operator.Demos.demo;
import static dev.cgdemo.operator.Demos.get;
import static dev.cgdemo.operator.Demos.hasCondition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.kroxylicious.testing.kafka.api.KafkaCluster;
import io.kroxylicious.testing.kafka.api.TerminationStyle;
import io.kroxylicious.testing.kafka.common.BrokerCluster;
import io.kroxylicious.testing.kafka.common.KRaftCluster;
import io.kroxylicious.testing.kafka.junit5ext.KafkaClusterExtension;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The broker goes away: the resource says KafkaUnavailable, naming the address; it comes back: Ready again. */
@EnableKubernetesMockClient(crud = true)
@ExtendWith(KafkaClusterExtension.class)
class KafkaOutageTest {

  @BrokerCluster(numBrokers = 1)
  @KRaftCluster
  static KafkaCluster cluster;

  static KubernetesClient client;

  @Test
  void brokerStoppedMeansKafkaUnavailableAndStartedAgainMeansReady() {
    try (CgdemoOperator operator = CgdemoOperator.start(client,
        Demos.mockServerSettings(cluster.getBootstrapServers()), new SimpleMeterRegistry())) {
      create(client, demo("outage", 1, 1));
      await().atMost(WAIT).until(() -> hasCondition(client, "outage", "Ready", "True", "Reconciled"));

      await().atMost(WAIT).until(() -> hasCondition(client, "outage", "GroupObserved", "True", "GroupDescribed")
          && get(client, "outage").getStatus().getAssignments() != null);

      cluster.stopNodes(node -> true, TerminationStyle.GRACEFUL);
      await().atMost(WAIT).until(() -> hasCondition(client, "outage", "Ready", "False", "KafkaUnavailable"));
      assertThat(Demos.condition(get(client, "outage"), "Ready").orElseThrow().getMessage())
          .contains(cluster.getBootstrapServers());
      // The group cannot be read either: said so, and the last rows are kept but marked stale, not shown as current.
      await().atMost(WAIT).until(() -> hasCondition(client, "outage", "GroupObserved", "False", "GroupUnavailable"));
      assertThat(get(client, "outage").getStatus().getAssignments()).singleElement()
          .satisfies(row -> assertThat(row.getStale()).isTrue());

      cluster.startNodes(node -> true);
      await().atMost(WAIT).until(() -> hasCondition(client, "outage", "Ready", "True", "Reconciled")
          && hasCondition(client, "outage", "GroupObserved", "True", "GroupDescribed"));
      assertThat(get(client, "outage").getStatus().getAssignments()).singleElement()
          .satisfies(row -> assertThat(row.getStale()).isNull());
    }
  }
}
