package dev.cgdemo.operator;

import dev.cgdemo.operator.model.Condition;
import dev.cgdemo.operator.model.ConsumerGroupDemo;
import dev.cgdemo.operator.model.ConsumerGroupDemoSpec;
import dev.cgdemo.operator.model.ConsumersSpec;
import dev.cgdemo.operator.model.ProducerSpec;
import dev.cgdemo.operator.model.TopicSpec;
import dev.cgdemo.operator.spec.OperatorDefaults;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/** Building, reading and changing ConsumerGroupDemo resources in tests. */
final class Demos {

  static final String NAMESPACE = "demo";
  static final String TEST_IMAGE = "cgdemo/worker:test";
  static final Duration WAIT = Duration.ofSeconds(60);

  private Demos() {
  }

  /** Settings for fabric8's mock API server: no server-side apply, fast group polling. */
  static OperatorSettings mockServerSettings(String bootstrapServers) {
    return new OperatorSettings(new OperatorDefaults(bootstrapServers, TEST_IMAGE), Set.of(),
        Duration.ofMillis(500), Duration.ofSeconds(2), false, false);
  }

  static ConsumerGroupDemo demo(String name, int partitions, int consumers) {
    TopicSpec topic = new TopicSpec();
    topic.setPartitions(partitions);
    ConsumersSpec consumersSpec = new ConsumersSpec();
    consumersSpec.setReplicas(consumers);
    ProducerSpec producer = new ProducerSpec();
    producer.setEnabled(true);
    ConsumerGroupDemoSpec spec = new ConsumerGroupDemoSpec();
    spec.setTopic(topic);
    spec.setConsumers(consumersSpec);
    spec.setProducer(producer);
    ConsumerGroupDemo demo = new ConsumerGroupDemo();
    demo.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(NAMESPACE).build());
    demo.setSpec(spec);
    return demo;
  }

  static MixedOperation<ConsumerGroupDemo, KubernetesResourceList<ConsumerGroupDemo>, Resource<ConsumerGroupDemo>> demos(
      KubernetesClient client) {
    return client.resources(ConsumerGroupDemo.class);
  }

  static ConsumerGroupDemo create(KubernetesClient client, ConsumerGroupDemo demo) {
    return demos(client).inNamespace(NAMESPACE).resource(demo).create();
  }

  static ConsumerGroupDemo get(KubernetesClient client, String name) {
    return demos(client).inNamespace(NAMESPACE).withName(name).get();
  }

  /** Changes the spec as a user would with `kubectl edit` (the generation goes up on a real server). */
  static void editSpec(KubernetesClient client, String name, Consumer<ConsumerGroupDemoSpec> change) {
    for (int attempt = 1; ; attempt++) {
      try {
        demos(client).inNamespace(NAMESPACE).withName(name).edit(d -> {
          change.accept(d.getSpec());
          return d;
        });
        return;
      } catch (KubernetesClientException e) {
        // The operator patched the status in between (optimistic locking): read again, as kubectl edit would.
        if (e.getCode() != 409 || attempt == 5) {
          throw e;
        }
      }
    }
  }

  static Optional<Condition> condition(ConsumerGroupDemo demo, String type) {
    if (demo == null || demo.getStatus() == null || demo.getStatus().getConditions() == null) {
      return Optional.empty();
    }
    return demo.getStatus().getConditions().stream().filter(c -> type.equals(c.getType())).findFirst();
  }

  static boolean hasCondition(KubernetesClient client, String name, String type, String status, String reason) {
    return condition(get(client, name), type)
        .filter(c -> status.equals(c.getStatus()) && reason.equals(c.getReason()))
        .isPresent();
  }
}
