package dev.cgdemo.operator.status;

import dev.cgdemo.operator.kafka.KafkaUnavailableException;
import dev.cgdemo.operator.model.ConsumerGroupDemo;
import dev.cgdemo.operator.reconcile.OperatorServices;
import dev.cgdemo.operator.spec.EffectiveSpec;
import dev.cgdemo.operator.spec.SpecValidator;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.polling.PerResourcePollingConfigurationBuilder;
import io.javaoperatorsdk.operator.processing.event.source.polling.PerResourcePollingEventSource;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Executors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.errors.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A JOSDK polling event source that reads each resource's group every {@code period}; a snapshot
 * that differs from the last one triggers a reconcile, which turns it into status.
 */
public final class GroupPolling {

  private static final Logger LOG = LoggerFactory.getLogger(GroupPolling.class);
  private static final int POLLING_THREADS = 4;

  private GroupPolling() {
  }

  public static PerResourcePollingEventSource<GroupSnapshot, ConsumerGroupDemo, String> eventSource(
      EventSourceContext<ConsumerGroupDemo> context, OperatorServices services, Duration period) {
    SpecValidator validator = new SpecValidator(services.defaults());
    PerResourcePollingEventSource.ResourceFetcher<GroupSnapshot, ConsumerGroupDemo> fetcher =
        primary -> primary.isMarkedForDeletion() || !validator.validate(primary).isEmpty()
            ? Set.of()
            : Set.of(fetch(primary, services));
    var configuration = new PerResourcePollingConfigurationBuilder<GroupSnapshot, ConsumerGroupDemo, String>(fetcher, period)
        .withName("group-status")
        .withResourceIDMapper(snapshot -> "group")
        .withExecutorService(Executors.newScheduledThreadPool(POLLING_THREADS))
        .build();
    return new PerResourcePollingEventSource<>(GroupSnapshot.class, context, configuration);
  }

  static GroupSnapshot fetch(ConsumerGroupDemo primary, OperatorServices services) {
    EffectiveSpec spec = EffectiveSpec.of(primary, services.defaults());
    try {
      ResourceID id = ResourceID.fromResource(primary);
      Admin admin = services.adminClients().acquire(id, spec.bootstrapServers());
      GroupSnapshot group = new GroupObserver(spec.bootstrapServers(), admin).observe(spec.groupId(), spec.topicName());
      if (group.rows().isEmpty()) {
        return group;
      }
      // The group's offsets were read first: entries of committed work are in the audit read after them.
      var offsets = new LogStartOffsets(spec.bootstrapServers(), admin).partitionOffsets(spec.topicName(), group.rows());
      return services.delivery().observe(id, spec.bootstrapServers(), spec.topicName(), spec.groupId(), offsets)
          .map(group::withDelivery)
          .orElse(group);
    } catch (KafkaUnavailableException e) {
      return GroupSnapshot.unavailable(spec.groupId(), spec.topicName(), e.getMessage());
    } catch (ApiException e) {
      LOG.warn("Reading group {} of {} failed: {}", spec.groupId(), ResourceID.fromResource(primary), e.toString());
      return GroupSnapshot.unavailable(spec.groupId(), spec.topicName(), "Kafka refused to describe group "
          + spec.groupId() + ": " + e.getMessage());
    }
  }
}
