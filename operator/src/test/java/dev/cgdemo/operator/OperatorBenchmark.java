package dev.cgdemo.operator;

import static dev.cgdemo.operator.Demos.NAMESPACE;
import static dev.cgdemo.operator.Demos.create;
import static dev.cgdemo.operator.Demos.demo;
import static dev.cgdemo.operator.Demos.get;
import static dev.cgdemo.operator.Demos.hasCondition;
import static org.awaitility.Awaitility.await;

import dev.cgdemo.operator.model.ConsumerGroupDemo;
import dev.cgdemo.operator.spec.OperatorDefaults;
import dev.cgdemo.worker.audit.AuditPublisher;
import dev.cgdemo.worker.consume.ConsumerSettings;
import dev.cgdemo.worker.consume.GroupMember;
import dev.cgdemo.worker.consume.MemberListener;
import dev.cgdemo.worker.produce.EventProducer;
import dev.cgdemo.worker.produce.ProduceListener;
import dev.cgdemo.worker.produce.ProducerSettings;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.utils.Serialization;
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
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Prints figures, asserts nothing about them. Not part of `verify`; run it with
 * {@code ./mvnw -B -pl operator -am test -Dtest=OperatorBenchmark -Dsurefire.excludedGroups= -Dsurefire.failIfNoSpecifiedTests=false}
 * ({@code -Dcgdemo.bench.rounds=100} for more rebalances than the default 20). A rebalance not in the status after
 * 5 s is reported with the status as it was then.
 */
@Tag("benchmark")
@EnableKubernetesMockClient(crud = true)
@ExtendWith(KafkaClusterExtension.class)
class OperatorBenchmark {

  private static final Duration WAIT = Duration.ofMinutes(5);
  private static final Duration STATUS_INTERVAL = Duration.ofSeconds(3); // the operator's defaults
  private static final Duration STATUS_REFRESH = Duration.ofSeconds(15);

  @BrokerCluster(numBrokers = 1)
  @KRaftCluster
  static KafkaCluster cluster;

  static KubernetesClient client;

  @Test
  void printFigures() throws Exception {
    long heapBefore = usedHeapAfterGc();
    OperatorSettings settings = new OperatorSettings(new OperatorDefaults(cluster.getBootstrapServers(), Demos.TEST_IMAGE),
        Set.of(), STATUS_INTERVAL, STATUS_REFRESH, false, false);
    try (CgdemoOperator operator = CgdemoOperator.start(client, settings, new SimpleMeterRegistry());
        Admin admin = Admin.create(cluster.getKafkaClientConfiguration())) {
      childrenPresent(admin);
      rebalanceToStatus(true);
      rebalanceToStatus(false);
      statusWritesOfASteadyGroup();
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

  /**
   * From the member's callback that completes a rebalance (the new owner's onPartitionsAssigned) to the status showing
   * it and to its Rebalanced Event, over 20 rebalances (a member leaving, then joining again, ten times); with the
   * members' audit (as pods run) and without it (the operator then describes the group every interval).
   */
  private void rebalanceToStatus(boolean audited) throws Exception {
    String name = audited ? "bench-audit" : "bench-describe";
    ConsumerGroupDemo demo = demo(name, 3, 3);
    demo.getSpec().getProducer().setEnabled(false);
    create(client, demo);
    await().atMost(WAIT).until(() -> hasCondition(client, name, "Ready", "True", "Reconciled"));
    AuditPublisher audit = audited ? new AuditPublisher(cluster.getBootstrapServers(), name, name + "-group", Map.of()) : null;
    CallbackClock callbacks = new CallbackClock();
    List<GroupMember> members = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      members.add(startMember(name, name + "-consumer-" + i, audit, callbacks));
    }
    int rounds = Integer.getInteger("cgdemo.bench.rounds", 20);
    long[] toStatus = new long[rounds];
    long[] toEvent = new long[rounds];
    try {
      await().atMost(WAIT).until(() -> owners(name) == 3);
      for (int round = 0; round < rounds; round++) {
        long rebalancesBefore = quietRebalances(name);
        String member = name + "-consumer-2";
        boolean leave = round % 2 == 0;
        String move = leave ? member + " -> " : "-> " + member;
        long announcedBefore = rebalancedMessages(name).stream().filter(message -> message.contains(move)).count();
        callbacks.reset();
        if (round % 2 == 0) {
          members.remove(2).close();
        } else {
          members.add(startMember(name, name + "-consumer-2", audit, callbacks));
        }
        // A leave shows as a move from consumer-2, a join as a move to it (a join may first be counted with nothing
        // moved: the new member's first callback is empty, its partition comes a heartbeat later).
        Callable<Boolean> shown = () -> {
          var last = get(client, name).getStatus().getLastRebalance();
          return get(client, name).getStatus().getRebalances() > rebalancesBefore && last != null && last.getMoves() != null
              && last.getMoves().stream().anyMatch(m -> member.equals(leave ? m.getFrom() : m.getTo()));
        };
        try {
          await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(10)).until(shown);
        } catch (ConditionTimeoutException slow) {
          System.out.printf("BENCHMARK round %d (%s) not shown after 5 s; rebalances before %d; status now:%n%s%n", round,
              leave ? "leave" : "join", rebalancesBefore,
              Serialization.asYaml(get(client, name).getStatus()));
          await().atMost(WAIT).pollInterval(Duration.ofMillis(10)).until(shown);
        }
        long statusSeen = System.currentTimeMillis();
        await().atMost(WAIT).pollInterval(Duration.ofMillis(10)).until(() ->
            rebalancedMessages(name).stream().filter(message -> message.contains(move)).count() > announcedBefore);
        long eventSeen = System.currentTimeMillis();
        await().atMost(WAIT).until(() -> callbacks.last() != null);
        toStatus[round] = statusSeen - callbacks.last();
        toEvent[round] = eventSeen - callbacks.last();
      }
    } finally {
      members.forEach(GroupMember::close);
      if (audit != null) {
        audit.close();
      }
    }
    String how = audited ? "from the audit" : "describing the group every " + STATUS_INTERVAL.toMillis() + " ms (no audit)";
    print("member's callback -> status shows the rebalance, " + how, toStatus);
    print("member's callback -> Rebalanced Event, " + how, toEvent);
  }

  /** Status writes of a resource whose group is steady while its offsets move. */
  private void statusWritesOfASteadyGroup() throws Exception {
    String name = "bench-steady";
    create(client, demo(name, 3, 3));
    await().atMost(WAIT).until(() -> hasCondition(client, name, "Ready", "True", "Reconciled"));
    AuditPublisher audit = new AuditPublisher(cluster.getBootstrapServers(), name, name + "-group", Map.of());
    List<GroupMember> members = new ArrayList<>();
    try (EventProducer producer = new EventProducer(
        ProducerSettings.of(cluster.getBootstrapServers(), name, name + "-producer").withRate(20), new ProduceListener() { })) {
      for (int i = 0; i < 3; i++) {
        members.add(startMember(name, name + "-consumer-" + i, audit, new CallbackClock()));
      }
      producer.start();
      await().atMost(WAIT).until(() -> owners(name) == 3);
      quietRebalances(name);
      AtomicInteger writes = new AtomicInteger();
      try (var watch = Demos.demos(client).inNamespace(NAMESPACE).withName(name).watch(new io.fabric8.kubernetes.client.Watcher<>() {
        @Override
        public void eventReceived(Action action, ConsumerGroupDemo resource) {
          if (action == Action.MODIFIED) {
            writes.incrementAndGet();
          }
        }

        @Override
        public void onClose(io.fabric8.kubernetes.client.WatcherException cause) {
        }
      })) {
        long start = System.nanoTime();
        Thread.sleep(60_000);   // the measurement window
        long seconds = (System.nanoTime() - start) / 1_000_000_000;
        System.out.printf("BENCHMARK status writes of a steady group (20 records/s, offsets read every %d ms, written at"
            + " most every %d s): %d in %d s%n", STATUS_INTERVAL.toMillis(), STATUS_REFRESH.toSeconds(), writes.get(), seconds);
      }
    } finally {
      members.forEach(GroupMember::close);
      audit.close();
    }
  }

  private static long quietRebalances(String name) {
    long[] seen = {-1};
    await().during(Duration.ofSeconds(3)).atMost(WAIT).until(() -> {
      Long now = get(client, name).getStatus().getRebalances();
      boolean same = now != null && now == seen[0];
      seen[0] = now == null ? -1 : now;
      return same;
    });
    return seen[0];
  }

  private static List<String> rebalancedMessages(String name) {
    return client.v1().events().inNamespace(NAMESPACE).list().getItems().stream()
        .filter(e -> "Rebalanced".equals(e.getReason()) && name.equals(e.getInvolvedObject().getName()))
        .map(e -> e.getMessage())
        .toList();
  }

  private static long owners(String name) {
    var status = get(client, name).getStatus();
    return status == null || status.getAssignments() == null ? 0
        : status.getAssignments().stream().map(a -> a.getConsumer()).filter(c -> c != null).distinct().count();
  }

  /** When a member last got partitions, in wall-clock milliseconds. */
  private static final class CallbackClock implements MemberListener {
    private volatile Long last;

    @Override
    public void onAssigned(String consumerId, java.util.Collection<org.apache.kafka.common.TopicPartition> added,
        java.util.Set<org.apache.kafka.common.TopicPartition> owned) {
      if (!added.isEmpty()) {
        last = System.currentTimeMillis();
      }
    }

    Long last() {
      return last;
    }

    void reset() {
      last = null;
    }
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

  private static GroupMember startMember(String topic, String podName, AuditPublisher audit, MemberListener callbacks) {
    GroupMember member = new GroupMember(ConsumerSettings.of(cluster.getBootstrapServers(), topic, topic + "-group", podName)
        .withKafkaProperties(Map.of("heartbeat.interval.ms", "500", "session.timeout.ms", "10000")),
        audit == null ? callbacks : MemberListener.all(audit, callbacks));
    if (audit != null) {
      audit.attach(member);
    }
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
