package dev.cgdemo.operator.status;

import dev.cgdemo.operator.model.ConsumerGroupDemo;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records each assignment change as a Kubernetes Event on the resource (reason {@code Rebalanced}), naming each
 * moved partition and, when the consumers publish an audit, its pause.
 */
public final class RebalanceEvents {

  public static final String REASON = "Rebalanced";
  private static final Logger LOG = LoggerFactory.getLogger(RebalanceEvents.class);
  private static final String COMPONENT = "cgdemo-operator";

  private RebalanceEvents() {
  }

  /** @param pauses the pause of each move, or null when there is no audit to measure it */
  public static void record(KubernetesClient client, ConsumerGroupDemo resource, List<String> moves,
      RebalancePauses pauses, Instant when) {
    String message = "Partitions moved: " + String.join(", ", moves.stream()
        .map(move -> pauses == null ? move : move + pauses.describe(move))
        .toList());
    Event event = new EventBuilder()
        .withNewMetadata()
        .withName(resource.getMetadata().getName() + "." + UUID.randomUUID().toString().substring(0, 8))
        .withNamespace(resource.getMetadata().getNamespace())
        .endMetadata()
        .withInvolvedObject(reference(resource))
        .withType("Normal")
        .withReason(REASON)
        .withMessage(message)
        .withFirstTimestamp(when.toString())
        .withLastTimestamp(when.toString())
        .withCount(1)
        .withNewSource().withComponent(COMPONENT).endSource()
        .withReportingComponent(COMPONENT)
        .build();
    try {
      client.v1().events().inNamespace(resource.getMetadata().getNamespace()).resource(event).create();
    } catch (KubernetesClientException e) {
      // An event is a record for people; losing one must not fail the reconcile.
      LOG.warn("Could not record event {} on {}: {}", message, resource.getMetadata().getName(), e.getMessage());
    }
  }

  private static io.fabric8.kubernetes.api.model.ObjectReference reference(HasMetadata resource) {
    return new io.fabric8.kubernetes.api.model.ObjectReferenceBuilder()
        .withApiVersion(resource.getApiVersion())
        .withKind(resource.getKind())
        .withName(resource.getMetadata().getName())
        .withNamespace(resource.getMetadata().getNamespace())
        .withUid(resource.getMetadata().getUid())
        .withResourceVersion(resource.getMetadata().getResourceVersion())
        .build();
  }
}
