package dev.cgdemo.operator.status;

import dev.cgdemo.operator.model.ConsumerGroupDemo;
import dev.cgdemo.operator.status.DeliveryTracking.PendingRebalance;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Decides when a rebalance's Event is written. The operator sees the new owners as soon as the group settles, but
 * a pause is only measured once the new owner has processed a record: with an audit, the Event waits for every
 * moved partition's pause, at most {@link #PAUSE_WAIT} (an idle topic never yields one); without, it is written at once.
 */
public final class RebalanceAnnouncements {

  public static final Duration PAUSE_WAIT = Duration.ofSeconds(10);

  private final DeliveryTracking tracking;

  public RebalanceAnnouncements(DeliveryTracking tracking) {
    this.tracking = tracking;
  }

  /** @return whether an Event still waits for its pause (reconcile again soon) */
  public boolean announce(KubernetesClient client, ConsumerGroupDemo resource, List<String> newMoves,
      Optional<GroupSnapshot> group, Instant now) {
    ResourceID id = ResourceID.fromResource(resource);
    DeliverySnapshot delivery = group.map(GroupSnapshot::delivery).orElse(null);
    Optional<PendingRebalance> pending = tracking.pending(id);
    if (!newMoves.isEmpty()) {
      // A newer rebalance supersedes a waiting one: write that one with what is known now.
      pending.ifPresent(waiting -> write(client, resource, waiting, delivery));
      pending = Optional.of(new PendingRebalance(newMoves, now));
      tracking.setPending(id, pending.get());
    }
    if (pending.isEmpty()) {
      return false;
    }
    PendingRebalance waiting = pending.get();
    boolean measured = delivery != null && RebalancePauses.of(waiting.moves(), delivery).complete();
    if (delivery == null || measured || !now.isBefore(waiting.seenAt().plus(PAUSE_WAIT))) {
      write(client, resource, waiting, delivery);
      tracking.clearPending(id);
      return false;
    }
    return true;
  }

  private static void write(KubernetesClient client, ConsumerGroupDemo resource, PendingRebalance rebalance,
      DeliverySnapshot delivery) {
    RebalancePauses pauses = delivery == null ? null : RebalancePauses.of(rebalance.moves(), delivery);
    RebalanceEvents.record(client, resource, rebalance.moves(), pauses, rebalance.seenAt());
  }
}
