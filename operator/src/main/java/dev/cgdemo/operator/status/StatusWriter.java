package dev.cgdemo.operator.status;

import dev.cgdemo.operator.model.ConsumerGroupDemo;
import dev.cgdemo.operator.model.ConsumerGroupDemoStatus;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.PrimaryUpdateAndCacheUtils;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;

/**
 * Writes a derived status when it differs from the resource's, so that the next reconcile sees it. A status change
 * often comes right after another (a revoke, then the assignment a few milliseconds later): that reconcile starts
 * before the informer has the status just written, and a JSON patch computed from that stale copy fails (a
 * {@code replace} of a field the server no longer has) until the cache catches up. JOSDK's primary-cache utilities
 * write without that base (server-side apply, or an update under optimistic locking that re-reads on conflict) and
 * cache what they wrote.
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
      ConsumerGroupDemo statusOnly = new ConsumerGroupDemo();
      statusOnly.setMetadata(new ObjectMetaBuilder().withName(resource.getMetadata().getName())
          .withNamespace(resource.getMetadata().getNamespace()).build());
      statusOnly.setStatus(status);
      PrimaryUpdateAndCacheUtils.ssaPatchStatusAndCacheResource(resource, statusOnly, context);
    } else {
      PrimaryUpdateAndCacheUtils.updateStatusAndCacheResource(resource, context, fresh -> {
        fresh.setStatus(status);
        return fresh;
      });
    }
    return UpdateControl.noUpdate();
  }
}
