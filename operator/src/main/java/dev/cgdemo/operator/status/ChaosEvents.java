package dev.cgdemo.operator.status;

import dev.cgdemo.operator.model.ConsumerGroupDemo;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One Kubernetes Event (reason {@code ChaosAction}) per action spec.chaos took, named by the action's time. */
public final class ChaosEvents {

  public static final String REASON = "ChaosAction";
  private static final Logger LOG = LoggerFactory.getLogger(ChaosEvents.class);
  private static final String COMPONENT = "cgdemo-operator";

  private ChaosEvents() {
  }

  public static void record(KubernetesClient client, ConsumerGroupDemo resource, Instant at, String message) {
    String namespace = resource.getMetadata().getNamespace();
    Event event = new EventBuilder()
        .withNewMetadata().withName(resource.getMetadata().getName() + ".chaos-" + Long.toHexString(at.toEpochMilli()))
        .withNamespace(namespace).endMetadata()
        .withInvolvedObject(RebalanceEvents.reference(resource))
        .withType("Normal")
        .withReason(REASON)
        .withMessage(message)
        .withFirstTimestamp(at.toString())
        .withLastTimestamp(at.toString())
        .withCount(1)
        .withNewSource().withComponent(COMPONENT).endSource()
        .withReportingComponent(COMPONENT)
        .build();
    try {
      client.v1().events().inNamespace(namespace).resource(event).create();
    } catch (KubernetesClientException e) {
      // An Event is a record for people; the status keeps the action too.
      LOG.warn("Could not record event {} on {}: {}", message, resource.getMetadata().getName(), e.getMessage());
    }
  }
}
