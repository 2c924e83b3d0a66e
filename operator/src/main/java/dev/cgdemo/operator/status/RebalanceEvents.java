package dev.cgdemo.operator.status;

import dev.cgdemo.operator.model.ConsumerGroupDemo;
import dev.cgdemo.worker.history.Handover;
import dev.cgdemo.worker.history.Rebalance;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.HttpURLConnection;
import java.util.Locale;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Kubernetes Event per rebalance on the resource (reason {@code Rebalanced}), naming what started it and each
 * moved partition with its pause. The Event's name is made of the resource's uid and the rebalance's start, so
 * writing it again (after an operator restart, a stale cache or a failed status patch) finds it there instead of
 * adding a second one; its message is updated when pauses are measured later.
 */
public final class RebalanceEvents {

  public static final String REASON = "Rebalanced";
  private static final Logger LOG = LoggerFactory.getLogger(RebalanceEvents.class);
  private static final String COMPONENT = "cgdemo-operator";

  private RebalanceEvents() {
  }

  public static String name(ConsumerGroupDemo resource, Rebalance rebalance) {
    String uid = resource.getMetadata().getUid() == null ? "" : resource.getMetadata().getUid();
    return resource.getMetadata().getName() + ".rebalance-" + Long.toHexString(rebalance.start().toEpochMilli())
        + "-" + Integer.toHexString(uid.hashCode() & 0xfffffff).toLowerCase(Locale.ROOT);
  }

  /** "Rebalance #4 (leave): 1: c-1 -> c-2 (paused 812 ms)"; a rebalance that moved nothing says so. */
  public static String message(Rebalance rebalance) {
    String moves = rebalance.moves().isEmpty() ? "nothing moved" : rebalance.moves().stream()
        .map(RebalanceEvents::describe)
        .collect(Collectors.joining(", "));
    return "Rebalance #" + rebalance.number() + " (" + rebalance.cause() + (rebalance.eager() ? ", eager" : "") + "): "
        + moves;
  }

  private static String describe(Handover move) {
    String text = move.partition() + ": " + move.from() + " -> " + move.to();
    return move.pauseMs() == null ? text + " (pause not measured yet)" : text + " (paused " + move.pauseMs() + " ms)";
  }

  /** Creates the rebalance's Event; when it exists already, brings its message up to date. */
  public static void record(KubernetesClient client, ConsumerGroupDemo resource, Rebalance rebalance) {
    String namespace = resource.getMetadata().getNamespace();
    String name = name(resource, rebalance);
    String message = message(rebalance);
    Event event = new EventBuilder()
        .withNewMetadata().withName(name).withNamespace(namespace).endMetadata()
        .withInvolvedObject(reference(resource))
        .withType("Normal")
        .withReason(REASON)
        .withMessage(message)
        .withFirstTimestamp(rebalance.end().toString())
        .withLastTimestamp(rebalance.end().toString())
        .withCount(1)
        .withNewSource().withComponent(COMPONENT).endSource()
        .withReportingComponent(COMPONENT)
        .build();
    try {
      client.v1().events().inNamespace(namespace).resource(event).create();
    } catch (KubernetesClientException e) {
      if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
        // An Event is a record for people; losing one must not fail the reconcile.
        LOG.warn("Could not record event {} on {}: {}", message, resource.getMetadata().getName(), e.getMessage());
        return;
      }
      update(client, namespace, name, message);
    }
  }

  private static void update(KubernetesClient client, String namespace, String name, String message) {
    try {
      Event existing = client.v1().events().inNamespace(namespace).withName(name).get();
      if (existing != null && !message.equals(existing.getMessage())) {
        client.v1().events().inNamespace(namespace).withName(name).edit(e -> {
          e.setMessage(message);
          return e;
        });
      }
    } catch (KubernetesClientException e) {
      LOG.warn("Could not update event {}: {}", name, e.getMessage());
    }
  }

  static ObjectReference reference(HasMetadata resource) {
    return new ObjectReferenceBuilder()
        .withApiVersion(resource.getApiVersion())
        .withKind(resource.getKind())
        .withName(resource.getMetadata().getName())
        .withNamespace(resource.getMetadata().getNamespace())
        .withUid(resource.getMetadata().getUid())
        .withResourceVersion(resource.getMetadata().getResourceVersion())
        .build();
  }
}
