package dev.cgdemo.operator.workload;

import dev.cgdemo.operator.model.ConsumerGroupDemo;
import dev.cgdemo.operator.reconcile.OperatorServices;
import dev.cgdemo.operator.reconcile.UsesServices;
import dev.cgdemo.operator.spec.EffectiveSpec;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.javaoperatorsdk.operator.ReconcilerUtils;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Deployment {@code <name>-producer} running {@code worker produce}; only while spec.producer.enabled. */
@KubernetesDependent(informer = @Informer(labelSelector = Labels.MANAGED_BY_SELECTOR))
public class ProducerDeploymentDependent extends CRUDKubernetesDependentResource<Deployment, ConsumerGroupDemo>
    implements UsesServices {

  private OperatorServices services;

  public ProducerDeploymentDependent() {
    super(Deployment.class);
  }

  @Override
  public void useServices(OperatorServices services) {
    this.services = services;
  }

  @Override
  protected Deployment desired(ConsumerGroupDemo resource, Context<ConsumerGroupDemo> context) {
    EffectiveSpec spec = EffectiveSpec.of(resource, services.defaults());
    Deployment deployment = ReconcilerUtils.loadYaml(Deployment.class, getClass(), "producer-deployment.yaml");
    return new DeploymentBuilder(deployment)
        .editMetadata()
        .withName(spec.producerName())
        .withNamespace(spec.namespace())
        .withLabels(Labels.all(spec.name(), Labels.PRODUCER))
        .endMetadata()
        .editSpec()
        .editSelector().withMatchLabels(Labels.selector(spec.name(), Labels.PRODUCER)).endSelector()
        .withTemplate(WorkerPodTemplate.build(
            Labels.all(spec.name(), Labels.PRODUCER), spec.workerImage(), "produce", env(spec)))
        .endSpec()
        .build();
  }

  static List<EnvVar> env(EffectiveSpec spec) {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("KAFKA_BOOTSTRAP_SERVERS", spec.bootstrapServers());
    values.put("CGDEMO_TOPIC", spec.topicName());
    values.put("CGDEMO_RATE", Integer.toString(spec.messagesPerSecond()));
    values.put("CGDEMO_KEYS", Integer.toString(spec.keys()));
    values.put("CGDEMO_HTTP_PORT", WorkerEnv.HTTP_PORT);
    WorkerEnv.putKafkaProperties(values, spec.producerKafkaProperties());
    List<EnvVar> env = new ArrayList<>(WorkerEnv.of(values));
    env.add(WorkerEnv.podName("CGDEMO_PRODUCER_ID"));
    return env;
  }
}
