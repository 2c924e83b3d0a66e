package dev.cgdemo.operator.reconcile;

import dev.cgdemo.operator.kafka.DepartedInstances;
import dev.cgdemo.operator.kafka.KafkaUnavailableException;
import dev.cgdemo.operator.kafka.StaticMembers;
import dev.cgdemo.operator.model.ConsumerGroupDemo;
import dev.cgdemo.operator.spec.EffectiveSpec;
import dev.cgdemo.operator.status.NoticeEvents;
import dev.cgdemo.worker.watch.GroupSnapshot;
import dev.cgdemo.worker.watch.GroupWatch;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.common.errors.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Static members that leave, leave: static members (KIP-345) do not leave the group when they shut down, so after
 * a scale-down their partitions would wait for the session timeout. Once a departing pod is gone, its instance is
 * removed from the group with Kafka's Admin API and its partitions move at once. Runs in the reconcile, which JOSDK
 * never runs twice at a time for one resource, and asks Kafka afresh each time, so a removal happens once.
 */
final class StaticMemberDepartures {

  static final String REMOVED = "StaticMembersRemoved";
  static final String NOT_REMOVED = "StaticMembersNotRemoved";
  /** How soon to look again while a departing pod still exists (it is terminating). */
  static final Duration POD_CHECK = Duration.ofSeconds(1);
  /** How soon to try again when Kafka or the API server did not answer or Kafka refused. */
  static final Duration RETRY = Duration.ofSeconds(10);
  private static final Logger LOG = LoggerFactory.getLogger(StaticMemberDepartures.class);

  private final OperatorServices services;
  private final Clock clock;

  StaticMemberDepartures(OperatorServices services, Clock clock) {
    this.services = services;
    this.clock = clock;
  }

  /** Removes departed instances of {@code resource}'s consumers; when to look again, if there is more to do. */
  Optional<Duration> removeDeparted(ConsumerGroupDemo resource, EffectiveSpec spec, GroupWatch group,
      KubernetesClient client) {
    if (!spec.staticMembership()) {
      return Optional.empty();
    }
    // The watch's last description says cheaply whether a pod above the replicas may still be in the group.
    boolean worthALook = group.latest().filter(GroupSnapshot::available)
        .map(s -> DepartedInstances.anyAbove(spec.consumerName(), spec.consumerReplicas(), s.members().keySet()))
        .orElse(false);
    if (!worthALook) {
      return Optional.empty();
    }
    ResourceID id = ResourceID.fromResource(resource);
    try {
      StaticMembers members = new StaticMembers(spec.bootstrapServers(),
          services.adminClients().acquire(id, spec.bootstrapServers()));
      DepartedInstances instances = DepartedInstances.of(spec.consumerName(), spec.consumerReplicas(),
          members.instanceIds(spec.groupId()),
          pod -> client.pods().inNamespace(spec.namespace()).withName(pod).get() != null);
      if (!instances.departed().isEmpty()) {
        remove(resource, spec, members, instances, client);
      }
      return instances.stillRunning().isEmpty() ? Optional.empty() : Optional.of(POD_CHECK);
    } catch (KafkaUnavailableException | ApiException | KubernetesClientException e) {
      LOG.warn("{}: could not look for departed static members of group {}: {}", id, spec.groupId(), e.getMessage());
      return Optional.of(RETRY);
    }
  }

  private void remove(ConsumerGroupDemo resource, EffectiveSpec spec, StaticMembers members,
      DepartedInstances instances, KubernetesClient client) {
    ResourceID id = ResourceID.fromResource(resource);
    StaticMembers.Removal removal = members.remove(spec.groupId(), instances.departed(),
        "cgdemo-operator: pod gone after a scale-down to " + spec.consumerReplicas());
    if (!removal.removed().isEmpty()) {
      String message = "Removed static members " + String.join(", ", removal.removed()) + " from group "
          + spec.groupId() + ": their pods are gone after a scale-down to " + spec.consumerReplicas()
          + ", so their partitions move now instead of after the session timeout";
      LOG.info("{}: {}", id, message);
      Instant now = clock.instant();
      NoticeEvents.record(client, resource, NoticeEvents.NORMAL, REMOVED, message, now, now.toString());
    }
    removal.failure().ifPresent(why -> {
      String message = "Could not remove static members from group " + spec.groupId() + " (" + why + "); their"
          + " partitions move when the session times out";
      LOG.warn("{}: {}", id, message);
      // Once per set of instances: the reconcile tries again until the session timeout removes them anyway.
      NoticeEvents.record(client, resource, NoticeEvents.WARNING, NOT_REMOVED, message, clock.instant(),
          String.join(",", instances.departed()));
    });
  }
}
