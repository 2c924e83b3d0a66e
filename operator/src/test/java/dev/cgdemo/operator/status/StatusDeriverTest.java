package dev.cgdemo.operator.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cgdemo.operator.kafka.TopicState;
import dev.cgdemo.operator.model.ConsumerGroupDemo;
import dev.cgdemo.operator.model.ConsumerGroupDemoSpec;
import dev.cgdemo.operator.model.ConsumersSpec;
import dev.cgdemo.operator.model.MoveStatus;
import dev.cgdemo.operator.model.PartitionAssignment;
import dev.cgdemo.operator.model.RebalanceStatus;
import dev.cgdemo.operator.model.TopicSpec;
import dev.cgdemo.operator.spec.EffectiveSpec;
import dev.cgdemo.operator.spec.OperatorDefaults;
import dev.cgdemo.worker.history.Handover;
import dev.cgdemo.worker.history.Rebalance;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How a rebalance of the group's history reads in the status, and what a failed reconcile keeps. */
class StatusDeriverTest {

  static final Instant T0 = Instant.parse("2026-11-25T07:00:00Z");
  static final TopicState TOPIC = new TopicState("t", 3, 1, null);

  @Test
  void aRebalanceBecomesMovesWithTheirPausesItsCauseAndTheLargestPause() {
    Rebalance rebalance = new Rebalance(4, T0, T0.plusMillis(650), false, List.of(
        new Handover(0, "a", "b", 800L), new Handover(1, "b", "b", 20L), new Handover(2, "c", "b", null)), 120L, "leave");

    RebalanceStatus status = StatusDeriver.rebalanceStatus(rebalance);

    assertThat(status.getNumber()).isEqualTo(4);
    assertThat(status.getTime()).isEqualTo(T0.toString());
    assertThat(status.getDurationMs()).isEqualTo(650);
    assertThat(status.getCause()).isEqualTo("leave");
    assertThat(status.getPauseMs()).isEqualTo(800);
    assertThat(status.getGroupStopMs()).isEqualTo(120);
    assertThat(status.getMoves()).extracting(MoveStatus::getPartition, MoveStatus::getFrom, MoveStatus::getTo,
        MoveStatus::getPauseMs).containsExactly(
            org.assertj.core.groups.Tuple.tuple(0, "a", "b", 800L),
            org.assertj.core.groups.Tuple.tuple(2, "c", "b", null));
  }

  @Test
  void conditionsKeepTheirTransitionTimeWhileTheirStatusHoldsAndAFailureKeepsTheRows() {
    ConsumerGroupDemo demo = demo();
    EffectiveSpec spec = EffectiveSpec.of(demo, new OperatorDefaults("k:1", "img"));
    var first = new StatusDeriver(T0).reconciled(demo, spec, TOPIC, Optional.empty(), Optional.empty(), Optional.empty());
    first.setAssignments(List.of(new PartitionAssignment(0, "a", 5L, 10L, 5L)));
    demo.setStatus(first);
    var later = new StatusDeriver(T0.plusSeconds(60)).reconciled(demo, spec, TOPIC, Optional.empty(), Optional.empty(),
        Optional.empty());
    assertThat(later.getConditions()).filteredOn(c -> c.getType().equals("Ready"))
        .singleElement().satisfies(c -> {
          assertThat(c.getStatus()).isEqualTo("True");
          assertThat(c.getLastTransitionTime()).isEqualTo(T0.toString());
        });
    demo.setStatus(later);

    var down = new StatusDeriver(T0.plusSeconds(90)).notReady(demo, "KafkaUnavailable", "Kafka at k:1 is unreachable",
        true, Optional.empty());

    assertThat(down.getConditions().get(0).getReason()).isEqualTo("KafkaUnavailable");
    assertThat(down.getConditions().get(0).getLastTransitionTime()).isEqualTo(T0.plusSeconds(90).toString());
    assertThat(down.getAssignments()).extracting(PartitionAssignment::getConsumer).containsExactly("a");
  }

  private static ConsumerGroupDemo demo() {
    TopicSpec topic = new TopicSpec();
    topic.setPartitions(3);
    ConsumersSpec consumers = new ConsumersSpec();
    consumers.setReplicas(3);
    ConsumerGroupDemoSpec spec = new ConsumerGroupDemoSpec();
    spec.setTopic(topic);
    spec.setConsumers(consumers);
    ConsumerGroupDemo demo = new ConsumerGroupDemo();
    demo.setMetadata(new ObjectMetaBuilder().withName("t").withNamespace("ns").withGeneration(1L).build());
    demo.setSpec(spec);
    return demo;
  }
}
