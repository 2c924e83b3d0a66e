package dev.cgdemo.operator;

import static dev.cgdemo.operator.Demos.NAMESPACE;
import static dev.cgdemo.operator.Demos.WAIT;
import static dev.cgdemo.operator.Demos.create;
import static dev.cgdemo.operator.Demos.demo;
import static dev.cgdemo.operator.Demos.get;
import static dev.cgdemo.operator.Demos.hasCondition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cgdemo.operator.model.ConsumerGroupDemo;
import dev.cgdemo.operator.model.ConsumerGroupDemoStatus;
import dev.cgdemo.operator.model.PartitionAssignment;
import dev.cgdemo.worker.audit.AuditPublisher;
import dev.cgdemo.worker.consume.ConsumerSettings;
import dev.cgdemo.worker.consume.GroupMember;
import dev.cgdemo.worker.produce.EventProducer;
import dev.cgdemo.worker.produce.ProduceListener;
import dev.cgdemo.worker.produce.ProducerSettings;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.kroxylicious.testing.kafka.api.KafkaCluster;
import io.kroxylicious.testing.kafka.common.BrokerCluster;
import io.kroxylicious.testing.kafka.common.KRaftCluster;
import io.kroxylicious.testing.kafka.junit5ext.KafkaClusterExtension;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Three real group members publishing an audit, as the pods do; records flow while one member stops cleanly.
 * The status counts what was processed from the audit, finds nothing lost or repeated, and the rebalance's
 * pause shows in the status and in its Event.
 */
@EnableKubernetesMockClient(crud = true)
@ExtendWith(KafkaClusterExtension.class)
class DeliveryStatusTest {

  private static final String NAME = "delivery";
  private static final long RECORDS = 300;

  @BrokerCluster(numBrokers = 1)
  @KRaftCluster
  static KafkaCluster cluster;

  static KubernetesClient client;
  static CgdemoOperator operator;
  final List<GroupMember> members = new ArrayList<>();
  AuditPublisher audit;

  @BeforeAll
  static void startOperator() {
    operator = CgdemoOperator.start(client, Demos.mockServerSettings(cluster.getBootstrapServers()), new SimpleMeterRegistry());
  }

  @AfterAll
  static void stopOperator() {
    operator.close();
  }

  @AfterEach
  void stopMembers() {
    members.forEach(GroupMember::close);
    if (audit != null) {
      audit.close();
    }
  }

  @Test
  void statusCountsDeliveryAndNamesThePauseOfACleanLeave() throws Exception {
    ConsumerGroupDemo demo = demo(NAME, 3, 3);
    demo.getSpec().getProducer().setEnabled(false);
    create(client, demo);
    await().atMost(WAIT).until(() -> hasCondition(client, NAME, "Ready", "True", "Reconciled"));

    audit = new AuditPublisher(cluster.getBootstrapServers(), NAME, NAME + "-group", Map.of());
    for (int i = 0; i < 3; i++) {
      GroupMember member = new GroupMember(settings(NAME + "-consumer-" + i), audit);
      audit.attach(member);
      members.add(member);
      member.start();
    }
    await().atMost(WAIT).untilAsserted(() -> {
      ConsumerGroupDemoStatus status = get(client, NAME).getStatus();
      assertThat(status.getGroup().getState()).isEqualTo("Stable");
      assertThat(status.getGroup().getMembers()).isEqualTo(3);
      assertThat(status.getAssignments()).extracting(PartitionAssignment::getConsumer).doesNotContainNull().doesNotHaveDuplicates();
    });

    ProducerSettings producing = ProducerSettings.of(cluster.getBootstrapServers(), NAME, "delivery-producer")
        .withRate(60).withCount(RECORDS);
    try (EventProducer producer = new EventProducer(producing, new ProduceListener() { })) {
      producer.start();
      await().atMost(WAIT).until(() -> delivered() >= RECORDS / 4);

      String leaving = NAME + "-consumer-2";
      int partitionOfLeaving = get(client, NAME).getStatus().getAssignments().stream()
          .filter(row -> leaving.equals(row.getConsumer())).findFirst().orElseThrow().getPartition();
      long rebalancesBefore = get(client, NAME).getStatus().getRebalances();
      members.remove(2).close();

      assertThat(producer.awaitCompletion(WAIT)).isTrue();
      assertThat(producer.acknowledged()).isEqualTo(RECORDS);

      await().atMost(WAIT).untilAsserted(() -> {
        ConsumerGroupDemoStatus status = get(client, NAME).getStatus();
        assertThat(status.getTotalLag()).isZero();
        assertThat(status.getDelivery().getProcessed()).isEqualTo(RECORDS);
        assertThat(status.getDelivery().getLost()).isZero();
        assertThat(status.getDelivery().getDuplicates()).isZero();
        assertThat(status.getRebalances()).isGreaterThan(rebalancesBefore);
        assertThat(status.getLastRebalance().getMoves())
            .anyMatch(move -> move.matches(partitionOfLeaving + ": " + leaving + " -> " + NAME + "-consumer-[01]"));
        assertThat(status.getLastRebalance().getPauseMs()).isNotNull().isPositive();
      });
      long pauseMs = get(client, NAME).getStatus().getLastRebalance().getPauseMs();
      Pattern named = Pattern.compile(partitionOfLeaving + ": " + leaving + " -> " + NAME + "-consumer-[01] \\(paused (\\d+) ms\\)");
      await().atMost(WAIT).untilAsserted(() -> assertThat(rebalancedEvents())
          .anyMatch(e -> named.matcher(e.getMessage()).find()));
      Event event = rebalancedEvents().stream().filter(e -> named.matcher(e.getMessage()).find()).findFirst().orElseThrow();
      Matcher pause = named.matcher(event.getMessage());
      assertThat(pause.find()).isTrue();
      assertThat(Long.parseLong(pause.group(1))).isPositive().isLessThanOrEqualTo(pauseMs);
    }

    // Deleting the resource closes its audit reader, like its Admin client.
    ResourceID id = new ResourceID(NAME, NAMESPACE);
    assertThat(operator.followedAudits()).contains(id);
    Demos.demos(client).inNamespace(NAMESPACE).withName(NAME).delete();
    await().atMost(WAIT).until(() -> !operator.followedAudits().contains(id));
  }

  private long delivered() {
    ConsumerGroupDemoStatus status = get(client, NAME).getStatus();
    return status.getDelivery() == null ? 0 : status.getDelivery().getProcessed();
  }

  private List<Event> rebalancedEvents() {
    return client.v1().events().inNamespace(NAMESPACE).list().getItems().stream()
        .filter(e -> "Rebalanced".equals(e.getReason()))
        .filter(e -> NAME.equals(e.getInvolvedObject().getName()))
        .toList();
  }

  private static ConsumerSettings settings(String podName) {
    return ConsumerSettings.of(cluster.getBootstrapServers(), NAME, NAME + "-group", podName)
        .withKafkaProperties(Map.of("heartbeat.interval.ms", "500", "session.timeout.ms", "10000"));
  }
}
