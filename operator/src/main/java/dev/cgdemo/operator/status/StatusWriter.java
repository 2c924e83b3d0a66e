package dev.cgdemo.operator.status;

import dev.cgdemo.operator.model.ConsumerGroupDemo;
import dev.cgdemo.operator.model.ConsumerGroupDemoStatus;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.PrimaryUpdateAndCacheUtils;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;

/**
 * Writes a derived status when it differs from the resource's. A status change often comes right after another (a
 * revoke, then the assignment a few milliseconds later): that reconcile starts before the informer holds the status
 * just written. Without server-side apply JOSDK patches the status with a JSON patch computed from that stale copy,
 * which the server refuses (a {@code replace} of a field it no longer has) until the cache catches up; so there the
 * status is written with JOSDK's primary-cache utility instead: an update under optimistic locking that re-reads on
 * a conflict, and caches what it wrote for the next reconcile. Server-side apply needs no base and is left to JOSDK.
 */
public final class StatusWriter {

  private StatusWriter() {
  }

  public static UpdateControl<ConsumerGroupDemo> writeIfChanged(ConsumerGroupDemo resource, ConsumerGroupDemoStatus status,
      Context<ConsumerGroupDemo> context) {
    if (resource.getStatus() != null && Serialization.asJson(resource.getStatus()).equals(Serialization.asJson(status))) {
      return UpdateControl.noUpdate();
    }
    if (context.getControllerConfiguration().getConfigurationService().useSSAToPatchPrimaryResource()) {
      resource.setStatus(status);
      return UpdateControl.patchStatus(resource);
    }
    PrimaryUpdateAndCacheUtils.updateStatusAndCacheResource(resource, context, fresh -> {
      fresh.setStatus(status);
      return fresh;
    });
    return UpdateControl.noUpdate();
  }
}
