package dev.cgdemo.operator;

import static dev.cgdemo.operator.Demos.NAMESPACE;
import static dev.cgdemo.operator.Demos.create;
import static dev.cgdemo.operator.Demos.demo;
import static dev.cgdemo.operator.Demos.get;
import static dev.cgdemo.operator.Demos.hasCondition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cgdemo.operator.model.ChaosActionStatus;
import dev.cgdemo.operator.model.ChaosSpec;
import dev.cgdemo.operator.model.ChaosStatus;
import dev.cgdemo.operator.model.ConsumerGroupDemo;
import dev.cgdemo.operator.status.GroupWatchObserver;
import dev.cgdemo.operator.workload.Labels;
import dev.cgdemo.worker.audit.AuditPublisher;
import dev.cgdemo.worker.consume.ConsumerSettings;
import dev.cgdemo.worker.consume.GroupMember;
import dev.cgdemo.worker.history.GroupAction;
import dev.cgdemo.worker.watch.GroupWatch;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import dev.cgdemo.worker.consume.MemberListener;
import dev.cgdemo.worker.produce.EventProducer;
import dev.cgdemo.worker.produce.ProduceListener;
import dev.cgdemo.worker.produce.ProducerSettings;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.kroxylicious.testing.kafka.api.KafkaCluster;
import io.kroxylicious.testing.kafka.common.BrokerCluster;
import io.kroxylicious.testing.kafka.common.KRaftCluster;
import io.kroxylicious.testing.kafka.junit5ext.KafkaClusterExtension;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A resource with spec.chaos every few seconds, on an operator started with --chaos: the mock runs no kubelet, so
 * this test plays the StatefulSet's part (a consumer pod in the mock for each real group member, started again when
 * the operator deletes its pod). At least three actions follow, each an Event and a status entry with the
 * rebalance it caused, its moves and measured pause, and nothing lost.
 */
@EnableKubernetesMockClient(crud = true)
@ExtendWith(KafkaClusterExtension.class)
class ChaosTest {

  private static final String NAME = "chaos";
  private static final Duration WAIT = Duration.ofSeconds(120);

  @BrokerCluster(numBrokers = 1)
  @KRaftCluster
  static KafkaCluster cluster;

  static KubernetesClient client;

  private final Map<String, GroupMember> members = new ConcurrentHashMap<>();
  private final ExecutorService kubelet = Executors.newSingleThreadExecutor();
  private AuditPublisher audit;
  private Watch podWatch;

  @AfterEach
  void stop() {
    if (podWatch != null) {
      podWatch.close();
    }
    kubelet.shutdownNow();
    members.values().forEach(GroupMember::close);
    if (audit != null) {
      audit.close();
    }
  }

  @Test
  void everyActionIsAnEventAndAStatusEntryWithTheRebalanceItCaused() throws Exception {
    Map<String, GroupWatch> watches = new ConcurrentHashMap<>();
    GroupWatchObserver watched = new GroupWatchObserver() {
      @Override
      public void started(ResourceID id, GroupWatch watch) {
        watches.put(id.getName(), watch);
      }
    };
    try (CgdemoOperator operator = CgdemoOperator.start(client,
        Demos.mockServerSettings(cluster.getBootstrapServers()).withChaos(true), new SimpleMeterRegistry(), watched)) {
      ConsumerGroupDemo demo = demo(NAME, 3, 3);
      demo.getSpec().getProducer().setEnabled(false);
      ChaosSpec chaos = new ChaosSpec();
      chaos.setEvery("3s");
      chaos.setActions(List.of("delete"));
      demo.getSpec().setChaos(chaos);
      create(client, demo);
      await().atMost(WAIT).until(() -> hasCondition(client, NAME, "Ready", "True", "Reconciled"));

      audit = new AuditPublisher(cluster.getBootstrapServers(), NAME, NAME + "-group", Map.of());
      for (int i = 0; i < 3; i++) {
        startPod(NAME + "-consumer-" + i);
      }
      podWatch = client.pods().inNamespace(NAMESPACE).watch(new Watcher<>() {
        @Override
        public void eventReceived(Action action, Pod pod) {
          if (action == Action.DELETED) {
            // A graceful delete: the consumer commits and leaves; the StatefulSet starts the pod again.
            kubelet.submit(() -> {
              GroupMember gone = members.remove(pod.getMetadata().getName());
              if (gone != null) {
                gone.close();
              }
              startPod(pod.getMetadata().getName());
            });
          }
        }

        @Override
        public void onClose(WatcherException cause) {
        }
      });

      ProducerSettings producing = ProducerSettings.of(cluster.getBootstrapServers(), NAME, "chaos-producer").withRate(40);
      try (EventProducer producer = new EventProducer(producing, new ProduceListener() { })) {
        producer.start();
        try {
          await().atMost(WAIT).untilAsserted(() -> assertThat(measured(get(client, NAME).getStatus().getChaos()))
              .hasSizeGreaterThanOrEqualTo(3));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
          System.out.printf("chaos status at timeout: %s%n",
              io.fabric8.kubernetes.client.utils.Serialization.asJson(get(client, NAME).getStatus()));
          throw e;
        }
      }

      ChaosStatus status = get(client, NAME).getStatus().getChaos();
      List<ChaosActionStatus> done = measured(status);
      assertThat(done).allSatisfy(entry -> {
        assertThat(entry.getAction()).isEqualTo("delete");
        assertThat(entry.getPod()).matches(NAME + "-consumer-[012]");
        assertThat(entry.getRebalance()).as("the rebalance of %s", entry.getTime()).isNotNull();
        assertThat(entry.getRebalance().getNumber()).isGreaterThan(entry.getRebalancesBefore());
        assertThat(entry.getRebalance().getCause()).isEqualTo("leave");
        // A pod that owned nothing at that moment (between cooperative rounds of the last join) moves nothing.
        assertThat(entry.getRebalance().getMoves())
            .allSatisfy(move -> assertThat(move.getFrom()).isEqualTo(entry.getPod()))
            .allSatisfy(move -> assertThat(move.getPauseMs()).isNotNull().isNotNegative());
        if (!entry.getRebalance().getMoves().isEmpty()) {
          assertThat(entry.getRebalance().getPauseMs())
              .isEqualTo(entry.getRebalance().getMoves().stream().map(m -> m.getPauseMs()).max(Long::compare).orElseThrow());
        }
        assertThat(entry.getLost()).isZero();
      });
      // Each action's rebalance is its own: the schedule waited for the group to settle in between.
      assertThat(done).extracting(e -> e.getRebalance().getNumber()).doesNotHaveDuplicates();
      assertThat(status.getActions()).isGreaterThanOrEqualTo(done.size());
      assertThat(status.getTotals()).singleElement().satisfies(total -> {
        assertThat(total.getAction()).isEqualTo("delete");
        assertThat(total.getCount()).isEqualTo(status.getActions());
        // The same status: the totals hold the measured pauses of exactly the measured entries, in order.
        assertThat(total.getPausesMs()).containsExactlyElementsOf(done.stream()
            .map(e -> e.getRebalance().getPauseMs()).filter(java.util.Objects::nonNull).toList());
        assertThat(total.getPauseMaxMs()).isEqualTo(total.getPausesMs().stream().max(Long::compare).orElseThrow());
        assertThat(total.getPauseP50Ms()).isIn(total.getPausesMs());
        assertThat(total.getLost()).isZero();
      });
      assertThat(client.v1().events().inNamespace(NAMESPACE).list().getItems())
          .filteredOn(e -> "ChaosAction".equals(e.getReason()) && NAME.equals(e.getInvolvedObject().getName()))
          .hasSizeGreaterThanOrEqualTo(done.size())
          .allSatisfy(e -> assertThat(e.getMessage()).matches("delete: deleted pod " + NAME + "-consumer-[012] .*"));
      // The group's history, which the live view draws, marks each action with the rebalance it caused.
      List<GroupAction> acted = watches.get(NAME).history().actions();
      assertThat(done).allSatisfy(entry -> assertThat(acted)
          .contains(new GroupAction(java.time.Instant.parse(entry.getTime()), GroupAction.CHAOS, "delete " + entry.getPod(),
              entry.getRebalance().getNumber())));
      // Only its own consumer pods: the bystander with other labels is never touched.
      assertThat(client.pods().inNamespace(NAMESPACE).withName("bystander").get()).isNotNull();
      System.out.printf("chaos totals: %s%n", status.getTotals().stream()
          .map(t -> t.getAction() + " " + t.getCount() + " actions, pause p50 " + t.getPauseP50Ms() + " ms / max "
              + t.getPauseMaxMs() + " ms, lost " + t.getLost() + ", duplicates " + t.getDuplicates()).toList());
    }
  }

  private static List<ChaosActionStatus> measured(ChaosStatus chaos) {
    return chaos == null ? List.of()
        : chaos.getRecent().stream().filter(e -> Boolean.TRUE.equals(e.getMeasured())).toList();
  }

  private void startPod(String podName) {
    client.pods().inNamespace(NAMESPACE).resource(new PodBuilder()
        .withNewMetadata().withName(podName).withNamespace(NAMESPACE)
        .withLabels(Labels.all(NAME, Labels.CONSUMER)).endMetadata()
        .withNewStatus().withPhase("Running").endStatus()
        .build()).create();
    if (client.pods().inNamespace(NAMESPACE).withName("bystander").get() == null) {
      client.pods().inNamespace(NAMESPACE).resource(new PodBuilder()
          .withNewMetadata().withName("bystander").withNamespace(NAMESPACE)
          .withLabels(Labels.all("other", Labels.CONSUMER)).endMetadata()
          .withNewStatus().withPhase("Running").endStatus()
          .build()).create();
    }
    ConsumerSettings settings = ConsumerSettings.of(cluster.getBootstrapServers(), NAME, NAME + "-group", podName)
        .withKafkaProperties(Map.of("heartbeat.interval.ms", "500", "session.timeout.ms", "10000"));
    GroupMember member = new GroupMember(settings, MemberListener.all(audit));
    audit.attach(member);
    members.put(podName, member);
    member.start();
  }
}
