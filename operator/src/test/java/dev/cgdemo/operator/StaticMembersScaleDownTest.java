package dev.cgdemo.operator;

import static dev.cgdemo.operator.Demos.NAMESPACE;
import static dev.cgdemo.operator.Demos.WAIT;
import static dev.cgdemo.operator.Demos.create;
import static dev.cgdemo.operator.Demos.demo;
import static dev.cgdemo.operator.Demos.hasCondition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cgdemo.operator.model.ConsumerGroupDemo;
import dev.cgdemo.worker.consume.ConsumerSettings;
import dev.cgdemo.worker.consume.GroupMember;
import dev.cgdemo.worker.consume.GroupProtocolChoice;
import dev.cgdemo.worker.consume.MemberListener;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.kroxylicious.testing.kafka.api.KafkaCluster;
import io.kroxylicious.testing.kafka.common.BrokerCluster;
import io.kroxylicious.testing.kafka.common.BrokerConfig;
import io.kroxylicious.testing.kafka.common.KRaftCluster;
import io.kroxylicious.testing.kafka.junit5ext.KafkaClusterExtension;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.MemberDescription;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Static members that leave, leave: after a scale-down the operator removes the departed pods' instances from the
 * group once the pods are gone, so their partitions move well before the session timeout; a pod that only restarts
 * keeps its instance. Real static members run in the test JVM with the pod names as ids; the mock runs no
 * StatefulSet controller, so the test creates and deletes the "pods" itself. Both protocols, with a measured pause
 * without the removal (the session timeout) and with it.
 */
@EnableKubernetesMockClient(crud = true)
@ExtendWith(KafkaClusterExtension.class)
class StaticMembersScaleDownTest {

  private static final int SESSION_MS = 20_000;
  private static final int PARTITIONS = 6;

  @BrokerCluster(numBrokers = 1)
  @KRaftCluster
  @BrokerConfig(name = "group.consumer.heartbeat.interval.ms", value = "500")
  @BrokerConfig(name = "group.consumer.min.heartbeat.interval.ms", value = "500")
  @BrokerConfig(name = "group.consumer.session.timeout.ms", value = "" + SESSION_MS)
  @BrokerConfig(name = "group.consumer.min.session.timeout.ms", value = "6000")
  static KafkaCluster cluster;

  static KubernetesClient client;
  static CgdemoOperator operator;
  static Admin admin;
  final List<GroupMember> members = new ArrayList<>();

  @BeforeAll
  static void start() {
    operator = CgdemoOperator.start(client, Demos.mockServerSettings(cluster.getBootstrapServers()), new SimpleMeterRegistry());
    admin = Admin.create(cluster.getKafkaClientConfiguration());
  }

  @AfterAll
  static void stop() {
    operator.close();
    admin.close();
  }

  @AfterEach
  void stopMembers() {
    members.forEach(GroupMember::close);
  }

  @ParameterizedTest
  @EnumSource(GroupProtocolChoice.class)
  void departedInstancesAreRemovedSoTheirPartitionsMoveAtOnceWhileARestartedPodKeepsItsInstance(
      GroupProtocolChoice protocol) throws Exception {
    String name = "leave-" + protocol.kafkaName();
    GroupMember survivor = threeStaticMembers(name, protocol, true);

    long pause = scaleToOneAndMeasurePause(name, survivor);
    System.out.printf("static members, %s protocol, scale-down 3 -> 1 with the operator's removal: partitions"
        + " paused %d ms (session timeout %d ms)%n", protocol.kafkaName(), pause, SESSION_MS);
    assertThat(pause).isLessThan(SESSION_MS / 4);
    assertThat(instanceIds(name)).containsExactly(name + "-consumer-0");
    // Pods 2 and 1 go one after the other (as a StatefulSet removes them): each instance is removed once, by name.
    List<Event> removals = removalEvents(name);
    assertThat(removals).allSatisfy(e -> {
      assertThat(e.getType()).isEqualTo("Normal");
      assertThat(e.getMessage()).matches("Removed static members .+ from group " + name + "-group: their pods are gone"
          + " after a scale-down to 1, so their partitions move now instead of after the session timeout");
    });
    assertThat(removedInstances(removals)).containsExactlyInAnyOrder(name + "-consumer-1", name + "-consumer-2");

    // Pod 0 restarts (same name, within the session): it is no departure, its instance stays and gets its partitions.
    members.remove(survivor);
    survivor.close();
    GroupMember restarted = member(name, 0, protocol);
    await().atMost(WAIT).until(() -> restarted.assignment().size() == PARTITIONS);
    assertThat(instanceIds(name)).containsExactly(name + "-consumer-0");
    assertThat(removedInstances(removalEvents(name))).containsExactlyInAnyOrder(name + "-consumer-1", name + "-consumer-2");
  }

  @ParameterizedTest
  @EnumSource(GroupProtocolChoice.class)
  void withoutTheRemovalTheDepartedPartitionsWaitForTheSessionTimeout(GroupProtocolChoice protocol) throws Exception {
    String name = "stay-" + protocol.kafkaName();
    // The members are static, the resource does not say so: the operator leaves the group alone, as before.
    GroupMember survivor = threeStaticMembers(name, protocol, false);

    long pause = scaleToOneAndMeasurePause(name, survivor);
    System.out.printf("static members, %s protocol, scale-down 3 -> 1 without the removal: partitions paused %d ms"
        + " (session timeout %d ms)%n", protocol.kafkaName(), pause, SESSION_MS);
    assertThat(pause).isGreaterThan(SESSION_MS - 2_000);
    assertThat(removalEvents(name)).isEmpty();
  }

  /** A resource with three consumers, its pods, and three static members with the pods' names; returns pod 0's. */
  private GroupMember threeStaticMembers(String name, GroupProtocolChoice protocol, boolean staticInSpec)
      throws Exception {
    ConsumerGroupDemo demo = demo(name, PARTITIONS, 3);
    demo.getSpec().getProducer().setEnabled(false);
    demo.getSpec().getConsumers().setProtocol(protocol.kafkaName());
    demo.getSpec().getConsumers().setStaticMembership(staticInSpec);
    create(client, demo);
    await().atMost(WAIT).until(() -> hasCondition(client, name, "Ready", "True", "Reconciled"));
    for (int i = 0; i < 3; i++) {
      client.pods().inNamespace(NAMESPACE).resource(new PodBuilder().withNewMetadata()
          .withName(name + "-consumer-" + i).withNamespace(NAMESPACE).endMetadata().build()).create();
      member(name, i, protocol);
    }
    await().atMost(WAIT).until(() -> members.stream().allMatch(m -> m.assignment().size() == PARTITIONS / 3));
    assertThat(instanceIds(name)).containsExactly(name + "-consumer-0", name + "-consumer-1", name + "-consumer-2");
    return members.get(0);
  }

  /**
   * Scales to one consumer as {@code kubectl scale} would; once the StatefulSet says so, pods 1 and 2 stop (static
   * members do not leave the group) and go away; the pause lasts until pod 0 owns every partition.
   */
  private long scaleToOneAndMeasurePause(String name, GroupMember survivor) throws InterruptedException {
    Demos.editSpec(client, name, s -> s.getConsumers().setReplicas(1));
    await().atMost(WAIT).until(() -> client.apps().statefulSets().inNamespace(NAMESPACE).withName(name + "-consumer")
        .get().getSpec().getReplicas() == 1);
    long stopped = System.nanoTime();
    for (int i = 2; i >= 1; i--) {
      members.remove(i).close();
      client.pods().inNamespace(NAMESPACE).withName(name + "-consumer-" + i).delete();
    }
    await().atMost(Duration.ofMillis(SESSION_MS).plus(WAIT)).pollInterval(Duration.ofMillis(20))
        .until(() -> survivor.assignment().size() == PARTITIONS);
    return (System.nanoTime() - stopped) / 1_000_000;
  }

  private GroupMember member(String name, int ordinal, GroupProtocolChoice protocol) {
    ConsumerSettings settings = ConsumerSettings.of(cluster.getBootstrapServers(), name, name + "-group",
            name + "-consumer-" + ordinal)
        .withProtocol(protocol)
        .withStaticMembership(true)
        .withKafkaProperties(protocol == GroupProtocolChoice.CLASSIC
            ? Map.of("session.timeout.ms", "" + SESSION_MS, "heartbeat.interval.ms", "500")
            : Map.of());
    GroupMember member = new GroupMember(settings, new MemberListener() { });
    members.add(member);
    member.start();
    return member;
  }

  private static Set<String> instanceIds(String name) throws Exception {
    return admin.describeConsumerGroups(List.of(name + "-group")).all().get().get(name + "-group").members().stream()
        .map(MemberDescription::groupInstanceId)
        .flatMap(java.util.Optional::stream)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /** The instances the Events name, one entry per naming: "Removed static members a, b from group g: ...". */
  private static List<String> removedInstances(List<Event> removals) {
    return removals.stream()
        .map(e -> e.getMessage().substring("Removed static members ".length(), e.getMessage().indexOf(" from group ")))
        .flatMap(ids -> java.util.Arrays.stream(ids.split(", ")))
        .toList();
  }

  private static List<Event> removalEvents(String name) {
    return client.v1().events().inNamespace(NAMESPACE).list().getItems().stream()
        .filter(e -> name.equals(e.getInvolvedObject().getName()))
        .filter(e -> "StaticMembersRemoved".equals(e.getReason()))
        .toList();
  }
}
