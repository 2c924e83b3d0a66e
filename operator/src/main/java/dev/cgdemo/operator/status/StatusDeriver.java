package dev.cgdemo.operator.status;

import dev.cgdemo.operator.kafka.TopicState;
import dev.cgdemo.operator.model.ConsumerGroupDemo;
import dev.cgdemo.operator.model.ConsumerGroupDemoStatus;
import dev.cgdemo.operator.model.DeliveryStatus;
import dev.cgdemo.operator.model.GroupStatus;
import dev.cgdemo.operator.model.MoveStatus;
import dev.cgdemo.operator.model.PartitionAssignment;
import dev.cgdemo.operator.model.RebalanceStatus;
import dev.cgdemo.operator.model.TopicStatus;
import dev.cgdemo.operator.spec.EffectiveSpec;
import dev.cgdemo.operator.workload.Labels;
import dev.cgdemo.worker.audit.AuditTopic;
import dev.cgdemo.worker.history.Delivery;
import dev.cgdemo.worker.history.GroupHistory;
import dev.cgdemo.worker.history.Rebalance;
import dev.cgdemo.worker.watch.GroupSnapshot;
import dev.cgdemo.worker.watch.GroupWatch;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Turns what the workflow did and what the group's watch shows into the resource's status. */
public final class StatusDeriver {

  private final Instant now;

  public StatusDeriver(Instant now) {
    this.now = now;
  }

  public ConsumerGroupDemoStatus reconciled(ConsumerGroupDemo resource, EffectiveSpec spec, TopicState topic,
      Optional<StatefulSet> consumers, Optional<Deployment> producer, Optional<GroupWatch> group) {
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
    group.ifPresent(watch -> applyGroup(status, conditions, watch));
    status.setConditions(conditions.list());
    return status;
  }

  /**
   * Ready=False with {@code reason}; everything else stays as it was, except that a group its watch cannot read is
   * marked so (GroupObserved, stale rows).
   */
  public ConsumerGroupDemoStatus notReady(ConsumerGroupDemo resource, String reason, String message, boolean topicAffected,
      Optional<GroupWatch> group) {
    ConsumerGroupDemoStatus status = copyOfPrevious(resource);
    status.setObservedGeneration(resource.getMetadata().getGeneration());
    Conditions conditions = new Conditions(status.getConditions(), now).set(Conditions.READY, false, reason, message);
    if (topicAffected) {
      conditions.set(Conditions.TOPIC_READY, false, reason, message);
    }
    group.flatMap(GroupWatch::latest).filter(snapshot -> !snapshot.available())
        .ifPresent(snapshot -> markUnavailable(status, conditions, snapshot));
    status.setConditions(conditions.list());
    return status;
  }

  /**
   * Group, assignments, rebalances and delivery from the watch. While the group cannot be read, the last known rows
   * stay, marked stale, and GroupObserved says why; before the watch has caught up with the audit nothing changes,
   * so a restarted operator never shows an older state than the one it found.
   */
  private void applyGroup(ConsumerGroupDemoStatus status, Conditions conditions, GroupWatch watch) {
    Optional<GroupSnapshot> latest = watch.latest();
    if (latest.isEmpty()) {
      return;
    }
    GroupSnapshot snapshot = latest.get();
    if (!snapshot.available()) {
      markUnavailable(status, conditions, snapshot);
      return;
    }
    conditions.set(Conditions.GROUP_OBSERVED, true, watch.auditing() ? "AuditFollowed" : "GroupDescribed",
        watch.auditing() ? "group " + snapshot.groupId() + " is read from " + AuditTopic.of(snapshot.topic())
            + " and described every interval"
            : "no " + AuditTopic.of(snapshot.topic()) + ": group " + snapshot.groupId()
                + " is described every interval (no pauses, no delivery)");
    if (!watch.caughtUp()) {
      return;
    }
    GroupHistory history = watch.history();
    Map<Integer, String> owners = history.owners();
    status.setAssignments(snapshot.rows().stream()
        .map(row -> new PartitionAssignment(row.partition(), owners.get(row.partition()), row.committed(), row.end(),
            row.lag()))
        .toList());
    status.setTotalLag(snapshot.totalLag());
    status.setGroup(new GroupStatus(snapshot.groupId(), snapshot.state(), snapshot.protocol(), snapshot.generation(),
        snapshot.members().size()));
    status.setRebalances((long) history.rebalanceCount());
    history.lastRebalance().ifPresent(last -> status.setLastRebalance(rebalanceStatus(last)));
    Delivery delivery = watch.auditing() ? history.delivery() : null;
    status.setDelivery(delivery == null ? null
        : new DeliveryStatus(delivery.processed(), delivery.lost(), delivery.duplicates()));
  }

  private static void markUnavailable(ConsumerGroupDemoStatus status, Conditions conditions, GroupSnapshot snapshot) {
    conditions.set(Conditions.GROUP_OBSERVED, false, "GroupUnavailable", "cannot read group " + snapshot.groupId()
        + ": " + snapshot.unavailable() + "; the assignments shown are the last known ones (stale)");
    if (status.getAssignments() != null) {
      status.getAssignments().forEach(row -> row.setStale(true));
    }
  }

  public static RebalanceStatus rebalanceStatus(Rebalance rebalance) {
    List<MoveStatus> moves = rebalance.moves().stream()
        .map(move -> new MoveStatus(move.partition(), move.from(), move.to(), move.pauseMs()))
        .toList();
    return new RebalanceStatus(rebalance.number(), rebalance.start().toString(),
        Duration.between(rebalance.start(), rebalance.end()).toMillis(), rebalance.cause(), rebalance.maxPauseMs(),
        rebalance.groupStopMs(), moves);
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
