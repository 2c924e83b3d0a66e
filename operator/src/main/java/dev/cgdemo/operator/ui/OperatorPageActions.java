package dev.cgdemo.operator.ui;

import dev.cgdemo.operator.model.ConsumerGroupDemo;
import dev.cgdemo.operator.model.ConsumersSpec;
import dev.cgdemo.operator.workload.Labels;
import dev.cgdemo.worker.view.ViewAction;
import dev.cgdemo.worker.view.ViewActions;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The page's writes with {@code --ui-actions}, and no others: scale patches {@code spec.consumers.replicas} of this
 * resource (by one, within 0-{@link #MAX_REPLICAS}); delete-pod deletes a pod only if it carries this resource's
 * consumer labels.
 */
final class OperatorPageActions implements ViewActions {

  static final int MAX_REPLICAS = 50;
  private static final List<ViewAction> ACTIONS = List.of(
      new ViewAction("scale-up", "+1 consumer", false, "patch spec.consumers.replicas up by one"),
      new ViewAction("scale-down", "−1 consumer", false, "patch spec.consumers.replicas down by one"),
      new ViewAction("delete-pod", "delete pod", true, "delete this consumer's pod; the StatefulSet starts a new one"));

  private final KubernetesClient client;
  private final ResourceID id;

  OperatorPageActions(KubernetesClient client, ResourceID id) {
    this.client = client;
    this.id = id;
  }

  @Override
  public List<ViewAction> available() {
    return ACTIONS;
  }

  @Override
  public String perform(String action, Map<String, String> parameters) {
    return switch (action) {
      case "scale-up" -> scale(1);
      case "scale-down" -> scale(-1);
      case "delete-pod" -> deletePod(parameters.getOrDefault("member", ""));
      default -> throw new IllegalArgumentException("unknown action '" + action + "' (allowed: scale-up, scale-down, delete-pod)");
    };
  }

  private String scale(int by) {
    String namespace = id.getNamespace().orElseThrow();
    ConsumerGroupDemo demo = client.resources(ConsumerGroupDemo.class).inNamespace(namespace).withName(id.getName()).get();
    if (demo == null) {
      throw new IllegalArgumentException(namespace + "/" + id.getName() + " is gone");
    }
    ConsumersSpec consumers = demo.getSpec().getConsumers();
    int current = consumers == null || consumers.getReplicas() == null ? 0 : consumers.getReplicas();
    int wanted = Math.max(0, Math.min(MAX_REPLICAS, current + by));
    if (wanted == current) {
      return "replicas stay " + current + " (allowed: 0 to " + MAX_REPLICAS + ")";
    }
    client.resources(ConsumerGroupDemo.class).inNamespace(namespace).withName(id.getName()).edit(edited -> {
      edited.getSpec().getConsumers().setReplicas(wanted);
      return edited;
    });
    return "spec.consumers.replicas " + current + " -> " + wanted;
  }

  private String deletePod(String name) {
    String namespace = id.getNamespace().orElseThrow();
    if (!name.matches("[a-z0-9][a-z0-9.-]{0,252}")) {
      throw new IllegalArgumentException("'" + name + "' is not a pod name");
    }
    Pod pod = client.pods().inNamespace(namespace).withName(name).get();
    Map<String, String> labels = pod == null || pod.getMetadata().getLabels() == null ? Map.of() : pod.getMetadata().getLabels();
    boolean ours = Labels.selector(id.getName(), Labels.CONSUMER).entrySet().stream()
        .allMatch(label -> Objects.equals(labels.get(label.getKey()), label.getValue()));
    if (!ours) {
      throw new IllegalArgumentException("pod " + namespace + "/" + name + " is not a consumer pod of " + id.getName());
    }
    client.pods().inNamespace(namespace).withName(name).delete();
    return "deleted pod " + namespace + "/" + name;
  }
}
