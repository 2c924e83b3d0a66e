package dev.cgdemo.operator.status;

import dev.cgdemo.operator.kafka.TopicState;
import dev.cgdemo.operator.model.ConsumerGroupDemo;
import dev.cgdemo.operator.model.ConsumerGroupDemoStatus;
import dev.cgdemo.operator.model.DeliveryStatus;
import dev.cgdemo.operator.model.GroupStatus;
import dev.cgdemo.operator.model.PartitionAssignment;
import dev.cgdemo.operator.model.RebalanceStatus;
import dev.cgdemo.operator.model.TopicStatus;
import dev.cgdemo.operator.spec.EffectiveSpec;
import dev.cgdemo.operator.workload.Labels;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Turns what the workflow did and what Kafka shows into the resource's status. */
public final class StatusDeriver {

  /** The new status, and the partitions that moved since the last settled assignment. */
  public record Derived(ConsumerGroupDemoStatus status, List<String> moves) {
  }

  private final Instant now;

  public StatusDeriver(Instant now) {
    this.now = now;
  }

  public Derived reconciled(ConsumerGroupDemo resource, EffectiveSpec spec, TopicState topic,
      Optional<StatefulSet> consumers, Optional<Deployment> producer, Optional<GroupSnapshot> group) {
    ConsumerGroupDemoStatus status = copyOfPrevious(resource);
    status.setObservedGeneration(resource.getMetadata().getGeneration());
    status.setSelector(Labels.selectorString(spec.name(), Labels.CONSUMER));
    int readyConsumers = consumers.map(StatefulSet::getStatus).map(s -> s.getReadyReplicas()).orElse(0);
    status.setReplicas(readyConsumers);

    Conditions conditions = new Conditions(status.getConditions(), now);
    if (topic != null) {
      status.setTopic(new TopicStatus(topic.name(), topic.partitions(), topic.replicationFactor()));
      if (topic.ready()) {
        conditions.set(Conditions.TOPIC_READY, true, "TopicReconciled", "topic " + topic.name() + " has "
            + topic.partitions() + " partitions, replication factor " + topic.replicationFactor());
        conditions.set(Conditions.READY, true, "Reconciled",
            "topic, consumers and producer are as specified; pod readiness is in ConsumersReady and ProducerReady");
      } else {
        conditions.set(Conditions.TOPIC_READY, false, topic.problem().reason(), topic.problem().message());
        conditions.set(Conditions.READY, false, topic.problem().reason(), topic.problem().message());
      }
    }
    setConsumersReady(conditions, spec, consumers, readyConsumers);
    setProducerReady(conditions, spec, producer);
    status.setConditions(conditions.list());

    List<String> moves = group.filter(g -> g.unavailable() == null)
        .map(g -> applyGroup(status, g))
        .orElse(List.of());
    return new Derived(status, moves);
  }

  /** Ready=False with {@code reason}; everything else stays as it was. */
  public ConsumerGroupDemoStatus notReady(ConsumerGroupDemo resource, String reason, String message, boolean topicAffected) {
    ConsumerGroupDemoStatus status = copyOfPrevious(resource);
    status.setObservedGeneration(resource.getMetadata().getGeneration());
    Conditions conditions = new Conditions(status.getConditions(), now).set(Conditions.READY, false, reason, message);
    if (topicAffected) {
      conditions.set(Conditions.TOPIC_READY, false, reason, message);
    }
    status.setConditions(conditions.list());
    return status;
  }

  private List<String> applyGroup(ConsumerGroupDemoStatus status, GroupSnapshot group) {
    List<PartitionAssignment> previous = status.getAssignments();
    List<String> moves = List.of();
    Map<Integer, String> owners = new HashMap<>();
    if (group.settled() || previous == null) {
      group.rows().forEach(row -> owners.put(row.partition(), row.owner()));
      if (previous != null) {
        moves = Rebalances.moves(previous, group.rows());
      }
    } else {
      // Mid-rebalance, owners are partly unknown: keep showing the last settled ones.
      previous.forEach(row -> owners.put(row.getPartition(), row.getConsumer()));
    }
    List<PartitionAssignment> assignments = group.rows().stream()
        .map(row -> new PartitionAssignment(row.partition(), owners.get(row.partition()), row.committed(), row.end(), row.lag()))
        .toList();
    status.setAssignments(assignments);
    status.setTotalLag(group.rows().stream().mapToLong(PartitionRow::lag).sum());
    status.setGroup(new GroupStatus(group.groupId(), group.state(), group.protocol(), group.generation(), group.members()));
    long rebalances = Objects.requireNonNullElse(status.getRebalances(), 0L);
    if (!moves.isEmpty()) {
      status.setRebalances(rebalances + 1);
      status.setLastRebalance(new RebalanceStatus(now.toString(), moves));
    } else {
      status.setRebalances(rebalances);
    }
    applyDelivery(status, group.delivery());
    return moves;
  }

  /** Without an audit, no delivery; the last rebalance's pause is filled in once the audit has measured it. */
  private static void applyDelivery(ConsumerGroupDemoStatus status, DeliverySnapshot delivery) {
    if (delivery == null) {
      status.setDelivery(null);
      return;
    }
    status.setDelivery(new DeliveryStatus(delivery.processed(), delivery.lost(), delivery.duplicates()));
    RebalanceStatus last = status.getLastRebalance();
    if (last != null && last.getMoves() != null) {
      Long pause = RebalancePauses.of(last.getMoves(), delivery).maxMs();
      if (pause != null) {
        last.setPauseMs(pause);
      }
    }
  }

  private static void setConsumersReady(Conditions conditions, EffectiveSpec spec, Optional<StatefulSet> consumers, int ready) {
    if (consumers.isEmpty()) {
      conditions.set(Conditions.CONSUMERS_READY, false, "NotCreated", "StatefulSet " + spec.consumerName() + " does not exist yet");
    } else {
      boolean allReady = ready >= spec.consumerReplicas();
      conditions.set(Conditions.CONSUMERS_READY, allReady, allReady ? "PodsReady" : "PodsNotReady",
          ready + "/" + spec.consumerReplicas() + " consumer pods ready");
    }
  }

  private static void setProducerReady(Conditions conditions, EffectiveSpec spec, Optional<Deployment> producer) {
    if (!spec.producerEnabled()) {
      conditions.set(Conditions.PRODUCER_READY, false, "Disabled", "spec.producer.enabled is false");
    } else if (producer.isEmpty()) {
      conditions.set(Conditions.PRODUCER_READY, false, "NotCreated", "Deployment " + spec.producerName() + " does not exist yet");
    } else {
      Integer available = producer.get().getStatus() == null ? null : producer.get().getStatus().getAvailableReplicas();
      boolean ready = available != null && available > 0;
      conditions.set(Conditions.PRODUCER_READY, ready, ready ? "PodsReady" : "PodsNotReady",
          (ready ? available : 0) + "/1 producer pods ready");
    }
  }

  private static ConsumerGroupDemoStatus copyOfPrevious(ConsumerGroupDemo resource) {
    return resource.getStatus() == null
        ? new ConsumerGroupDemoStatus()
        : Serialization.clone(resource.getStatus());
  }
}
