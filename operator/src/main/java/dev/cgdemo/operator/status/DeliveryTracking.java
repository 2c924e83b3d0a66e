package dev.cgdemo.operator.status;

import dev.cgdemo.worker.history.PartitionOffsets;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per resource, the follower of its audit topic (so each poll reads only new entries) and the Rebalanced Event
 * waiting for its pause to be measured. Released when the resource is deleted, like the Admin clients.
 */
public final class DeliveryTracking implements AutoCloseable {

  private final Map<ResourceID, AuditFollower> followers = new ConcurrentHashMap<>();
  private final Map<ResourceID, PendingRebalance> pendingEvents = new ConcurrentHashMap<>();

  /** An operator-seen rebalance whose Event waits for the audit to measure its pause. */
  public record PendingRebalance(List<String> moves, java.time.Instant seenAt) {
  }

  /** The delivery of {@code group} on {@code topic}; empty when the consumers publish no audit. */
  public Optional<DeliverySnapshot> observe(ResourceID id, String bootstrapServers, String topic, String group,
      List<PartitionOffsets> offsets) {
    AuditFollower follower = followers.compute(id, (key, current) -> {
      if (current != null && current.follows(bootstrapServers, topic, group)) {
        return current;
      }
      if (current != null) {
        current.close();
      }
      return new AuditFollower(bootstrapServers, topic, group);
    });
    return follower.delivery(offsets);
  }

  public Optional<PendingRebalance> pending(ResourceID id) {
    return Optional.ofNullable(pendingEvents.get(id));
  }

  public void setPending(ResourceID id, PendingRebalance pending) {
    pendingEvents.put(id, pending);
  }

  public void clearPending(ResourceID id) {
    pendingEvents.remove(id);
  }

  public void release(ResourceID id) {
    pendingEvents.remove(id);
    AuditFollower follower = followers.remove(id);
    if (follower != null) {
      follower.close();
    }
  }

  /** Resources that have an audit follower open (for tests of the release). */
  public java.util.Set<ResourceID> followed() {
    return java.util.Set.copyOf(followers.keySet());
  }

  @Override
  public void close() {
    followers.values().forEach(AuditFollower::close);
    followers.clear();
    pendingEvents.clear();
  }
}
