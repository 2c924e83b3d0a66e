package dev.cgdemo.operator.status;

import dev.cgdemo.operator.model.ConsumerGroupDemo;
import dev.cgdemo.operator.model.ConsumerGroupDemoStatus;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.javaoperatorsdk.operator.OperatorException;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.PrimaryUpdateAndCacheUtils;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a derived status when it differs from the resource's. A status change often comes right after another (a
 * revoke, then the assignment a few milliseconds later): that reconcile starts before the informer holds the status
 * just written. Without server-side apply JOSDK patches the status with a JSON patch computed from that stale copy,
 * which the server refuses (a {@code replace} of a field it no longer has) until the cache catches up; so there the
 * status is written with JOSDK's primary-cache utility instead: an update under optimistic locking that re-reads on
 * a conflict, and caches what it wrote for the next reconcile. Server-side apply needs no base and is left to JOSDK.
 * A failed reconcile's status ({@link #writeOnError}) is written the same way.
 */
public final class StatusWriter {
  private static final Logger LOG = LoggerFactory.getLogger(StatusWriter.class);

  private enum Way { UNCHANGED, JOSDK_PATCH, WRITTEN }

  private StatusWriter() {
  }

  public static UpdateControl<ConsumerGroupDemo> writeIfChanged(ConsumerGroupDemo resource, ConsumerGroupDemoStatus status,
      Context<ConsumerGroupDemo> context) {
    return switch (write(resource, status, context)) {
      case JOSDK_PATCH -> UpdateControl.patchStatus(resource);
      case UNCHANGED, WRITTEN -> UpdateControl.noUpdate();
    };
  }

  /**
   * For {@code updateErrorStatus}: the reconcile is retried whatever happens here, so a status that cannot be
   * written now is logged and left to the retry rather than thrown over the reconcile's own error.
   */
  public static ErrorStatusUpdateControl<ConsumerGroupDemo> writeOnError(ConsumerGroupDemo resource,
      ConsumerGroupDemoStatus status, Context<ConsumerGroupDemo> context) {
    try {
      return switch (write(resource, status, context)) {
        case JOSDK_PATCH -> ErrorStatusUpdateControl.patchStatus(resource);
        case UNCHANGED, WRITTEN -> ErrorStatusUpdateControl.noStatusUpdate();
      };
    } catch (KubernetesClientException | OperatorException e) {
      LOG.warn("{}: the failed reconcile's status was not written, the retry writes it: {}",
          ResourceID.fromResource(resource), e.getMessage());
      return ErrorStatusUpdateControl.noStatusUpdate();
    }
  }

  private static Way write(ConsumerGroupDemo resource, ConsumerGroupDemoStatus status, Context<ConsumerGroupDemo> context) {
    if (resource.getStatus() != null && Serialization.asJson(resource.getStatus()).equals(Serialization.asJson(status))) {
      return Way.UNCHANGED;
    }
    if (context.getControllerConfiguration().getConfigurationService().useSSAToPatchPrimaryResource()) {
      resource.setStatus(status);
      return Way.JOSDK_PATCH;
    }
    PrimaryUpdateAndCacheUtils.updateStatusAndCacheResource(resource, context, fresh -> {
      fresh.setStatus(status);
      return fresh;
    });
    return Way.WRITTEN;
  }
}
