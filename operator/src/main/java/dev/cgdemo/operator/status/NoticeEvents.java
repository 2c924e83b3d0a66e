package dev.cgdemo.operator.status;

import dev.cgdemo.operator.model.ConsumerGroupDemo;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.HttpURLConnection;
import java.time.Instant;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A one-off Kubernetes Event on a resource, for something the operator did to it or could not do. */
public final class NoticeEvents {

  public static final String NORMAL = "Normal";
  public static final String WARNING = "Warning";
  private static final Logger LOG = LoggerFactory.getLogger(NoticeEvents.class);
  private static final String COMPONENT = "cgdemo-operator";

  private NoticeEvents() {
  }

  /**
   * Records an Event with {@code reason} at {@code time}, once per {@code distinct} (part of its name: an Event of
   * the same name is there already, so it is not added again); a failure to record it is logged, never thrown.
   */
  public static void record(KubernetesClient client, ConsumerGroupDemo resource, String type, String reason,
      String message, Instant time, String distinct) {
    String namespace = resource.getMetadata().getNamespace();
    String uid = resource.getMetadata().getUid() == null ? "" : resource.getMetadata().getUid();
    String name = resource.getMetadata().getName() + "." + reason.toLowerCase(Locale.ROOT) + "-"
        + Integer.toHexString((distinct + "/" + uid).hashCode() & 0xfffffff);
    Event event = new EventBuilder()
        .withNewMetadata().withName(name).withNamespace(namespace).endMetadata()
        .withInvolvedObject(RebalanceEvents.reference(resource))
        .withType(type)
        .withReason(reason)
        .withMessage(message)
        .withFirstTimestamp(time.toString())
        .withLastTimestamp(time.toString())
        .withCount(1)
        .withNewSource().withComponent(COMPONENT).endSource()
        .withReportingComponent(COMPONENT)
        .build();
    try {
      client.v1().events().inNamespace(namespace).resource(event).create();
    } catch (KubernetesClientException e) {
      if (e.getCode() == HttpURLConnection.HTTP_CONFLICT) {
        return;
      }
      LOG.warn("Could not record event {} on {}: {}", reason, resource.getMetadata().getName(), e.getMessage());
    }
  }
}
