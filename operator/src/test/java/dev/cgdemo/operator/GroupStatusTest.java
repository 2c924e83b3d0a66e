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
import dev.cgdemo.operator.model.RebalanceStatus;
import dev.cgdemo.worker.audit.AuditPublisher;
import dev.cgdemo.worker.consume.ConsumerSettings;
import dev.cgdemo.worker.consume.GroupMember;
import dev.cgdemo.worker.consume.MemberListener;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Three real group members, started by the test with the pod names as client ids (the mock runs no
 * pods), show up in the status; when one leaves, the status and an Event name the partition that moved.
 * With an audit (as the pods publish by default), the status also counts delivery and the pause.
 */
@EnableKubernetesMockClient(crud = true)
@ExtendWith(KafkaClusterExtension.class)
class GroupStatusTest {

  private static final int RECORDS_PER_PARTITION = 10;
  private static final String DELIVERY = "delivery";
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
  void withoutAnAuditTheGroupIsDescribedAndALeaveIsOneRebalanceAndOneEvent() {
    ConsumerGroupDemo demo = demo("rebalance", 3, 3);
    demo.getSpec().getProducer().setEnabled(false);
    create(client, demo);
    await().atMost(WAIT).until(() -> hasCondition(client, "rebalance", "Ready", "True", "Reconciled"));
    produceToEachPartition("rebalance", 3);

    for (int i = 0; i < 3; i++) {
      GroupMember member = new GroupMember(settings("rebalance-consumer-" + i), new MemberListener() { });
      members.add(member);
      member.start();
    }

    Set<String> podNames = Set.of("rebalance-consumer-0", "rebalance-consumer-1", "rebalance-consumer-2");
    await().atMost(WAIT).untilAsserted(() -> {
      ConsumerGroupDemoStatus status = get(client, "rebalance").getStatus();
      assertThat(status.getGroup()).isNotNull();
      assertThat(status.getGroup().getState()).isEqualTo("Stable");
      assertThat(status.getGroup().getMembers()).isEqualTo(3);
      assertThat(status.getGroup().getProtocol()).isEqualTo("classic");
      assertThat(owners(status)).containsExactlyInAnyOrderElementsOf(podNames);
    });
    assertThat(hasCondition(client, "rebalance", "GroupObserved", "True", "GroupDescribed")).isTrue();
    ConsumerGroupDemoStatus settled = get(client, "rebalance").getStatus();
    for (PartitionAssignment row : settled.getAssignments()) {
      assertThat(row.getEndOffset()).isEqualTo(RECORDS_PER_PARTITION);
      assertThat(row.getLag()).isEqualTo(row.getEndOffset() - Objects.requireNonNullElse(row.getCommittedOffset(), 0L));
      assertThat(row.getStale()).isNull();
    }
    assertThat(settled.getTotalLag()).isEqualTo(settled.getAssignments().stream().mapToLong(PartitionAssignment::getLag).sum());
    await().atMost(WAIT).until(() -> get(client, "rebalance").getStatus().getTotalLag() == 0);
    long rebalancesBefore = quietRebalanceCount("rebalance");

    String leaving = "rebalance-consumer-2";
    int partitionOfLeaving = partitionOf("rebalance", leaving);
    members.remove(2).close();

    await().atMost(WAIT).untilAsserted(() -> {
      ConsumerGroupDemoStatus status = get(client, "rebalance").getStatus();
      assertThat(status.getGroup().getMembers()).isEqualTo(2);
      assertThat(owners(status)).doesNotContain(leaving).hasSize(2).doesNotContainNull();
      assertThat(status.getRebalances()).isEqualTo(rebalancesBefore + 1);
    });
    RebalanceStatus last = get(client, "rebalance").getStatus().getLastRebalance();
    assertThat(last.getCause()).isEqualTo("leave");
    assertThat(last.getMoves()).singleElement().satisfies(move -> {
      assertThat(move.getPartition()).isEqualTo(partitionOfLeaving);
      assertThat(move.getFrom()).isEqualTo(leaving);
      assertThat(move.getTo()).isIn("rebalance-consumer-0", "rebalance-consumer-1");
      assertThat(move.getPauseMs()).isNull();   // no audit, nothing to measure it with
    });
    // One Event per rebalance after the first assignment, the leave's among them
    assertThat(quietRebalanceCount("rebalance")).isEqualTo(rebalancesBefore + 1);
    assertThat(rebalancedEvents("rebalance")).hasSize((int) rebalancesBefore)
        .filteredOn(e -> e.getMessage().contains(partitionOfLeaving + ": " + leaving + " -> rebalance-consumer-"))
        .singleElement().satisfies(e -> assertThat(e.getMessage()).contains("(leave)").contains("pause not measured"));
    ConsumerGroupDemoStatus withoutAudit = get(client, "rebalance").getStatus();
    assertThat(withoutAudit.getDelivery()).isNull();
    assertThat(withoutAudit.getLastRebalance().getPauseMs()).isNull();
    assertThat(withoutAudit.getConditions()).filteredOn(c -> "Ready".equals(c.getType()))
        .singleElement().satisfies(c -> assertThat(c.getStatus()).isEqualTo("True"));
  }

  @Test
  void withAnAuditALeaveReachesTheStatusAtOnceAndIsAnnouncedOnceEvenAcrossAnOperatorRestart() throws Exception {
    ConsumerGroupDemo demo = demo(DELIVERY, 3, 3);
    demo.getSpec().getProducer().setEnabled(false);
    create(client, demo);
    await().atMost(WAIT).until(() -> hasCondition(client, DELIVERY, "Ready", "True", "Reconciled"));

    audit = new AuditPublisher(cluster.getBootstrapServers(), DELIVERY, DELIVERY + "-group", Map.of());
    AssignedAt assigned = new AssignedAt();
    for (int i = 0; i < 3; i++) {
      GroupMember member = new GroupMember(deliverySettings(DELIVERY + "-consumer-" + i), MemberListener.all(audit, assigned));
      audit.attach(member);
      members.add(member);
      member.start();
    }
    await().atMost(WAIT).untilAsserted(() -> {
      ConsumerGroupDemoStatus status = get(client, DELIVERY).getStatus();
      assertThat(status.getGroup()).isNotNull();
      assertThat(status.getGroup().getState()).isEqualTo("Stable");
      assertThat(status.getGroup().getMembers()).isEqualTo(3);
      assertThat(status.getAssignments()).extracting(PartitionAssignment::getConsumer).doesNotContainNull().doesNotHaveDuplicates();
    });
    assertThat(hasCondition(client, DELIVERY, "GroupObserved", "True", "AuditFollowed")).isTrue();

    ProducerSettings producing = ProducerSettings.of(cluster.getBootstrapServers(), DELIVERY, "delivery-producer")
        .withRate(60).withCount(RECORDS);
    long rebalancesBefore = quietRebalanceCount(DELIVERY);
    int eventsBefore = rebalancedEvents(DELIVERY).size();
    try (EventProducer producer = new EventProducer(producing, new ProduceListener() { })) {
      producer.start();
      await().atMost(WAIT).until(() -> delivered() >= RECORDS / 4);

      String leaving = DELIVERY + "-consumer-2";
      int partitionOfLeaving = partitionOf(DELIVERY, leaving);
      assigned.reset();
      members.remove(2).close();

      // The survivor's callback, then the status within two seconds of it: read from the audit, not polled.
      await().atMost(WAIT).until(() -> assigned.lastWithPartitions() != null);
      long callback = assigned.lastWithPartitions();
      await().atMost(java.time.Duration.ofMillis(2_000)).pollInterval(java.time.Duration.ofMillis(20))
          .until(() -> get(client, DELIVERY).getStatus().getRebalances() == rebalancesBefore + 1);
      System.out.printf("status showed the leave %d ms after the survivor's callback%n", System.currentTimeMillis() - callback);

      assertThat(producer.awaitCompletion(WAIT)).isTrue();
      assertThat(producer.acknowledged()).isEqualTo(RECORDS);
      await().atMost(WAIT).untilAsserted(() -> {
        ConsumerGroupDemoStatus status = get(client, DELIVERY).getStatus();
        assertThat(status.getTotalLag()).isZero();
        assertThat(status.getDelivery().getProcessed()).isEqualTo(RECORDS);
        assertThat(status.getLastRebalance().getPauseMs()).isNotNull();
      });
      ConsumerGroupDemoStatus status = get(client, DELIVERY).getStatus();
      assertThat(status.getDelivery().getLost()).isZero();
      assertThat(status.getDelivery().getDuplicates()).isZero();
      assertThat(status.getRebalances()).isEqualTo(rebalancesBefore + 1);
      RebalanceStatus leave = status.getLastRebalance();
      assertThat(leave.getCause()).isEqualTo("leave");
      assertThat(leave.getMoves()).singleElement().satisfies(move -> {
        assertThat(move.getPartition()).isEqualTo(partitionOfLeaving);
        assertThat(move.getFrom()).isEqualTo(leaving);
        assertThat(move.getPauseMs()).isEqualTo(leave.getPauseMs()).isNotNegative();
      });
      Pattern named = Pattern.compile(partitionOfLeaving + ": " + leaving + " -> " + DELIVERY + "-consumer-[01] \\(paused (\\d+) ms\\)");
      await().atMost(WAIT).untilAsserted(() -> assertThat(rebalancedEvents(DELIVERY))
          .anyMatch(e -> named.matcher(e.getMessage()).find()));
      assertThat(rebalancedEvents(DELIVERY)).hasSize(eventsBefore + 1);
      Matcher pause = named.matcher(rebalancedEvents(DELIVERY).stream()
          .filter(e -> named.matcher(e.getMessage()).find()).findFirst().orElseThrow().getMessage());
      assertThat(pause.find()).isTrue();
      assertThat(Long.parseLong(pause.group(1))).isEqualTo(leave.getPauseMs());

      // A new operator reads the whole audit again: it announces nothing it had announced.
      operator.close();
      operator = CgdemoOperator.start(client, Demos.mockServerSettings(cluster.getBootstrapServers()), new SimpleMeterRegistry());
      ResourceID id = new ResourceID(DELIVERY, NAMESPACE);
      await().atMost(WAIT).until(() -> operator.watchedGroups().contains(id));
      await().during(java.time.Duration.ofSeconds(3)).atMost(WAIT).until(() ->
          rebalancedEvents(DELIVERY).size() == eventsBefore + 1
              && get(client, DELIVERY).getStatus().getRebalances() == rebalancesBefore + 1);

      String next = DELIVERY + "-consumer-1";
      members.remove(1).close();
      await().atMost(WAIT).until(() -> get(client, DELIVERY).getStatus().getRebalances() == rebalancesBefore + 2);
      await().during(java.time.Duration.ofSeconds(3)).atMost(WAIT).until(() ->
          rebalancedEvents(DELIVERY).size() == eventsBefore + 2);
      assertThat(rebalancedEvents(DELIVERY)).filteredOn(e -> e.getMessage().contains(": " + next + " -> ")).hasSize(1);
    }

    // Deleting the resource stops its watch, like its Admin client.
    ResourceID id = new ResourceID(DELIVERY, NAMESPACE);
    assertThat(operator.watchedGroups()).contains(id);
    Demos.demos(client).inNamespace(NAMESPACE).withName(DELIVERY).delete();
    await().atMost(WAIT).until(() -> !operator.watchedGroups().contains(id));
  }

  /** The status's rebalance count once it has not changed for three seconds. */
  private static long quietRebalanceCount(String name) {
    long[] seen = {-1};
    await().during(java.time.Duration.ofSeconds(3)).atMost(WAIT).until(() -> {
      Long now = get(client, name).getStatus().getRebalances();
      boolean same = now != null && now == seen[0];
      seen[0] = now == null ? -1 : now;
      return same;
    });
    return seen[0];
  }

  private static int partitionOf(String name, String member) {
    return get(client, name).getStatus().getAssignments().stream()
        .filter(row -> member.equals(row.getConsumer())).findFirst().orElseThrow().getPartition();
  }

  /** When a member last got partitions, in wall-clock milliseconds. */
  private static final class AssignedAt implements MemberListener {
    private volatile Long last;

    @Override
    public void onAssigned(String consumerId, java.util.Collection<org.apache.kafka.common.TopicPartition> added,
        Set<org.apache.kafka.common.TopicPartition> owned) {
      if (!added.isEmpty()) {
        last = System.currentTimeMillis();
      }
    }

    Long lastWithPartitions() {
      return last;
    }

    void reset() {
      last = null;
    }
  }

  private static ConsumerSettings deliverySettings(String podName) {
    return ConsumerSettings.of(cluster.getBootstrapServers(), DELIVERY, DELIVERY + "-group", podName)
        .withKafkaProperties(Map.of("heartbeat.interval.ms", "500", "session.timeout.ms", "10000"));
  }

  private long delivered() {
    ConsumerGroupDemoStatus status = get(client, DELIVERY).getStatus();
    return status.getDelivery() == null ? 0 : status.getDelivery().getProcessed();
  }

  private List<Event> rebalancedEvents(String name) {
    return client.v1().events().inNamespace(NAMESPACE).list().getItems().stream()
        .filter(e -> "Rebalanced".equals(e.getReason()))
        .filter(e -> name.equals(e.getInvolvedObject().getName()) && "ConsumerGroupDemo".equals(e.getInvolvedObject().getKind()))
        .toList();
  }

  private static Set<String> owners(ConsumerGroupDemoStatus status) {
    return status.getAssignments().stream().map(PartitionAssignment::getConsumer).collect(Collectors.toSet());
  }


  private static ConsumerSettings settings(String podName) {
    return ConsumerSettings.of(cluster.getBootstrapServers(), "rebalance", "rebalance-group", podName)
        .withKafkaProperties(Map.of("heartbeat.interval.ms", "500", "session.timeout.ms", "10000"));
  }

  private static void produceToEachPartition(String topic, int partitions) {
    Map<String, Object> config = Map.of("bootstrap.servers", cluster.getBootstrapServers());
    try (var producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
      for (int p = 0; p < partitions; p++) {
        for (int i = 0; i < RECORDS_PER_PARTITION; i++) {
          producer.send(new ProducerRecord<>(topic, p, "user-" + i, "{\"seq\":" + i + "}"));
        }
      }
      producer.flush();
    }
  }
}
