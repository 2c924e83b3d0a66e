package dev.cgdemo.operator.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cgdemo.operator.kafka.TopicState;
import dev.cgdemo.operator.model.ConsumerGroupDemo;
import dev.cgdemo.operator.model.ConsumerGroupDemoSpec;
import dev.cgdemo.operator.model.ConsumersSpec;
import dev.cgdemo.operator.model.TopicSpec;
import dev.cgdemo.operator.spec.EffectiveSpec;
import dev.cgdemo.operator.spec.OperatorDefaults;
import dev.cgdemo.worker.history.Handover;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Rebalance counting: only settled assignments count, mid-rebalance snapshots keep the last owners; delivery and
 * the pause come from the audit's handovers that match the operator's moves.
 */
class StatusDeriverTest {

  static final Instant T0 = Instant.parse("2026-11-25T07:00:00Z");
  static final TopicState TOPIC = new TopicState("t", 3, 1, null);

  @Test
  void firstObservationCountsNoRebalanceThenAMoveIsCountedOnceWithFromAndTo() {
    ConsumerGroupDemo demo = demo();
    StatusDeriver.Derived first = derive(demo, snapshot("Stable", "a", "b", "c"), T0);
    assertThat(first.moves()).isEmpty();
    assertThat(first.status().getRebalances()).isZero();
    demo.setStatus(first.status());

    // Mid-rebalance: the broker shows no owners yet; the status keeps the last settled ones.
    StatusDeriver.Derived during = derive(demo, snapshot("PreparingRebalance", null, null, null), T0.plusSeconds(1));
    assertThat(during.moves()).isEmpty();
    assertThat(during.status().getAssignments()).extracting("consumer").containsExactly("a", "b", "c");
    demo.setStatus(during.status());

    StatusDeriver.Derived after = derive(demo, snapshot("Stable", "a", "b", "a"), T0.plusSeconds(2));
    assertThat(after.moves()).containsExactly("2: c -> a");
    assertThat(after.status().getRebalances()).isEqualTo(1);
    assertThat(after.status().getLastRebalance().getMoves()).containsExactly("2: c -> a");
    assertThat(after.status().getLastRebalance().getTime()).isEqualTo(T0.plusSeconds(2).toString());
    assertThat(after.status().getTotalLag()).isEqualTo(3 * 5);
    demo.setStatus(after.status());

    StatusDeriver.Derived same = derive(demo, snapshot("Stable", "a", "b", "a"), T0.plusSeconds(3));
    assertThat(same.moves()).isEmpty();
    assertThat(same.status().getRebalances()).isEqualTo(1);
  }

  @Test
  void lastRebalanceTakesTheLargestPauseOfItsOwnMovesOnceTheAuditHasMeasuredThem() {
    ConsumerGroupDemo demo = demo();
    demo.setStatus(derive(demo, snapshot("Stable", "a", "b", "c"), T0).status());

    // 0: a -> b and 2: c -> b; the audit has measured only partition 0 so far, and knows an older move of 1.
    DeliverySnapshot early = new DeliverySnapshot(40, 0, 0, List.of(
        new Handover(0, "a", "b", 800L), new Handover(1, "x", "b", 5000L), new Handover(2, "c", "b", null)));
    StatusDeriver.Derived moved = derive(demo, snapshot("Stable", "b", "b", "b").withDelivery(early), T0.plusSeconds(5));
    assertThat(moved.moves()).containsExactly("0: a -> b", "2: c -> b");
    assertThat(moved.status().getDelivery().getProcessed()).isEqualTo(40);
    assertThat(moved.status().getDelivery().getLost()).isZero();
    assertThat(moved.status().getLastRebalance().getPauseMs()).isEqualTo(800);
    RebalancePauses pauses = RebalancePauses.of(moved.moves(), early);
    assertThat(pauses.complete()).isFalse();
    assertThat(pauses.describe("0: a -> b")).isEqualTo(" (paused 800 ms)");
    assertThat(pauses.describe("2: c -> b")).isEqualTo(" (pause not measured)");
    demo.setStatus(moved.status());

    DeliverySnapshot measured = new DeliverySnapshot(60, 0, 2, List.of(
        new Handover(0, "a", "b", 800L), new Handover(2, "c", "b", 1200L)));
    StatusDeriver.Derived later = derive(demo, snapshot("Stable", "b", "b", "b").withDelivery(measured), T0.plusSeconds(8));
    assertThat(later.moves()).isEmpty();
    assertThat(later.status().getLastRebalance().getPauseMs()).isEqualTo(1200);
    assertThat(later.status().getDelivery().getDuplicates()).isEqualTo(2);
    assertThat(RebalancePauses.of(List.of("0: a -> b", "2: c -> b"), measured).complete()).isTrue();

    // A handover to someone else is not this move's.
    assertThat(RebalancePauses.of(List.of("2: c -> b"), new DeliverySnapshot(60, 0, 0,
        List.of(new Handover(2, "c", "a", 99L)))).maxMs()).isNull();

    // Audit gone (e.g. turned off): delivery disappears, the measured pause stays.
    demo.setStatus(later.status());
    StatusDeriver.Derived without = derive(demo, snapshot("Stable", "b", "b", "b"), T0.plusSeconds(9));
    assertThat(without.status().getDelivery()).isNull();
    assertThat(without.status().getLastRebalance().getPauseMs()).isEqualTo(1200);
  }

  @Test
  void conditionsKeepTheirTransitionTimeWhileTheirStatusHolds() {
    ConsumerGroupDemo demo = demo();
    StatusDeriver.Derived first = derive(demo, snapshot("Stable", "a", "b", "c"), T0);
    demo.setStatus(first.status());
    StatusDeriver.Derived later = derive(demo, snapshot("Stable", "a", "b", "c"), T0.plusSeconds(60));
    assertThat(later.status().getConditions()).filteredOn(c -> c.getType().equals("Ready"))
        .singleElement().satisfies(c -> {
          assertThat(c.getStatus()).isEqualTo("True");
          assertThat(c.getLastTransitionTime()).isEqualTo(T0.toString());
        });
    ConsumerGroupDemo failing = demo;
    failing.setStatus(later.status());
    var down = new StatusDeriver(T0.plusSeconds(90)).notReady(failing, "KafkaUnavailable", "Kafka at k:1 is unreachable", true);
    assertThat(down.getConditions().get(0).getReason()).isEqualTo("KafkaUnavailable");
    assertThat(down.getConditions().get(0).getLastTransitionTime()).isEqualTo(T0.plusSeconds(90).toString());
    assertThat(down.getAssignments()).hasSize(3);
  }

  private static StatusDeriver.Derived derive(ConsumerGroupDemo demo, GroupSnapshot snapshot, Instant now) {
    EffectiveSpec spec = EffectiveSpec.of(demo, new OperatorDefaults("k:1", "img"));
    return new StatusDeriver(now).reconciled(demo, spec, TOPIC, Optional.empty(), Optional.empty(), Optional.of(snapshot));
  }

  private static GroupSnapshot snapshot(String state, String owner0, String owner1, String owner2) {
    List<PartitionRow> rows = List.of(
        new PartitionRow(0, owner0, 5L, 10),
        new PartitionRow(1, owner1, 5L, 10),
        new PartitionRow(2, owner2, 5L, 10));
    return new GroupSnapshot("g", state, "classic", 4, 3, "t", rows, null);
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
