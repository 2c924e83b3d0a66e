package dev.cgdemo.operator.status;

import dev.cgdemo.operator.model.ConsumerGroupDemo;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Instant;

/** One Kubernetes Event (reason {@code ChaosAction}) per action spec.chaos took, named by the action's time. */
public final class ChaosEvents {

  public static final String REASON = "ChaosAction";

  private ChaosEvents() {
  }

  public static void record(KubernetesClient client, ConsumerGroupDemo resource, Instant at, String message) {
    NoticeEvents.record(client, resource, NoticeEvents.NORMAL, REASON, message, at, Long.toHexString(at.toEpochMilli()));
  }
}
