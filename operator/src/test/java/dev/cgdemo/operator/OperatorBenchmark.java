package dev.cgdemo.operator;

import static dev.cgdemo.operator.Demos.NAMESPACE;
import static dev.cgdemo.operator.Demos.create;
import static dev.cgdemo.operator.Demos.demo;
import static dev.cgdemo.operator.Demos.get;
import static dev.cgdemo.operator.Demos.hasCondition;
import static org.awaitility.Awaitility.await;

import dev.cgdemo.operator.model.ConsumerGroupDemo;
import dev.cgdemo.operator.spec.OperatorDefaults;
import dev.cgdemo.worker.consume.ConsumerSettings;
import dev.cgdemo.worker.consume.GroupMember;
import dev.cgdemo.worker.consume.MemberListener;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.kroxylicious.testing.kafka.api.KafkaCluster;
import io.kroxylicious.testing.kafka.common.BrokerCluster;
import io.kroxylicious.testing.kafka.common.KRaftCluster;
import io.kroxylicious.testing.kafka.junit5ext.KafkaClusterExtension;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Prints figures, asserts nothing about them. Not part of `verify`; run it with
 * {@code ./mvnw -B -pl operator -am test -Dtest=OperatorBenchmark -Dsurefire.excludedGroups= -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("benchmark")
@EnableKubernetesMockClient(crud = true)
@ExtendWith(KafkaClusterExtension.class)
class OperatorBenchmark {

  private static final Duration WAIT = Duration.ofMinutes(5);
  private static final Duration STATUS_INTERVAL = Duration.ofSeconds(3); // the operator's default

  @BrokerCluster(numBrokers = 1)
  @KRaftCluster
  static KafkaCluster cluster;

  static KubernetesClient client;

  @Test
  void printFigures() throws Exception {
    long heapBefore = usedHeapAfterGc();
    OperatorSettings settings = new OperatorSettings(new OperatorDefaults(cluster.getBootstrapServers(), Demos.TEST_IMAGE),
        Set.of(), STATUS_INTERVAL, false, false);
    try (CgdemoOperator operator = CgdemoOperator.start(client, settings, new SimpleMeterRegistry());
        Admin admin = Admin.create(cluster.getKafkaClientConfiguration())) {
      childrenPresent(admin);
      rebalanceToStatus();
      heapAfter100(heapBefore);
    }
  }

  private void childrenPresent(Admin admin) {
    long[] millis = new long[10];
    for (int i = 0; i < millis.length; i++) {
      String name = "children-" + i;
      long start = System.nanoTime();
      create(client, demo(name, 3, 3));
      await().atMost(WAIT).pollInterval(Duration.ofMillis(10)).until(() ->
          client.services().inNamespace(NAMESPACE).withName(name + "-consumer").get() != null
              && client.apps().statefulSets().inNamespace(NAMESPACE).withName(name + "-consumer").get() != null
              && client.apps().deployments().inNamespace(NAMESPACE).withName(name + "-producer").get() != null
              && admin.listTopics().names().get().contains(name));
      millis[i] = (System.nanoTime() - start) / 1_000_000;
    }
    print("CR created -> topic, Service, StatefulSet, Deployment present", millis);
  }

  private void rebalanceToStatus() throws Exception {
    ConsumerGroupDemo demo = demo("bench-rebalance", 3, 3);
    demo.getSpec().getProducer().setEnabled(false);
    create(client, demo);
    await().atMost(WAIT).until(() -> hasCondition(client, "bench-rebalance", "Ready", "True", "Reconciled"));
    List<GroupMember> members = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      members.add(startMember("bench-rebalance-consumer-" + i));
    }
    long[] millis = new long[3];
    try {
      for (int round = 0; round < millis.length; round++) {
        awaitThreeOwners();
        long rebalancesBefore = get(client, "bench-rebalance").getStatus().getRebalances();
        String leaving = "bench-rebalance-consumer-2";
        long start = System.nanoTime();
        members.remove(2).close();
        await().atMost(WAIT).pollInterval(Duration.ofMillis(20)).until(() -> {
          var status = get(client, "bench-rebalance").getStatus();
          return status.getRebalances() > rebalancesBefore
              && status.getLastRebalance().getMoves().stream().anyMatch(m -> m.contains(leaving + " ->"));
        });
        millis[round] = (System.nanoTime() - start) / 1_000_000;
        members.add(startMember(leaving));
      }
    } finally {
      members.forEach(GroupMember::close);
    }
    print("member left -> status.lastRebalance shows the move (status interval " + STATUS_INTERVAL.toMillis() + " ms)", millis);
  }

  private void heapAfter100(long heapBefore) {
    for (int i = 0; i < 100; i++) {
      ConsumerGroupDemo demo = demo("load-" + i, 1, 1);
      create(client, demo);
    }
    long start = System.nanoTime();
    await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).until(() -> {
      for (int i = 0; i < 100; i++) {
        if (!hasCondition(client, "load-" + i, "Ready", "True", "Reconciled")) {
          return false;
        }
      }
      return true;
    });
    long seconds = (System.nanoTime() - start) / 1_000_000_000;
    long heapAfter = usedHeapAfterGc();
    System.out.printf("BENCHMARK 100 resources Ready after %d s; heap used after GC: before operator %d MiB,"
        + " with operator and %d resources %d MiB (operator share ~%d MiB; the test JVM also holds the broker and mock API server)%n",
        seconds, heapBefore >> 20, demosCount(), heapAfter >> 20, (heapAfter - heapBefore) >> 20);
  }

  private int demosCount() {
    return Demos.demos(client).inNamespace(NAMESPACE).list().getItems().size();
  }

  private void awaitThreeOwners() {
    await().atMost(WAIT).until(() -> {
      var status = get(client, "bench-rebalance").getStatus();
      return status.getGroup() != null && "Stable".equals(status.getGroup().getState())
          && status.getAssignments().stream().map(a -> a.getConsumer()).distinct().filter(c -> c != null).count() == 3;
    });
  }

  private static GroupMember startMember(String podName) {
    GroupMember member = new GroupMember(ConsumerSettings.of(cluster.getBootstrapServers(), "bench-rebalance",
        "bench-rebalance-group", podName).withKafkaProperties(Map.of("heartbeat.interval.ms", "500", "session.timeout.ms", "10000")),
        new MemberListener() { });
    member.start();
    return member;
  }

  private static long usedHeapAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static void print(String what, long[] millis) {
    long[] sorted = millis.clone();
    Arrays.sort(sorted);
    System.out.printf("BENCHMARK %s: median %d ms, min %d ms, max %d ms over %d runs %s%n",
        what, sorted[sorted.length / 2], sorted[0], sorted[sorted.length - 1], sorted.length, Arrays.toString(millis));
  }
}
