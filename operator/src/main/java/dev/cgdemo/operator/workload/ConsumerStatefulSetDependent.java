package dev.cgdemo.operator.workload;

import dev.cgdemo.operator.model.ConsumerGroupDemo;
import dev.cgdemo.operator.reconcile.OperatorServices;
import dev.cgdemo.operator.reconcile.UsesServices;
import dev.cgdemo.operator.spec.EffectiveSpec;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.javaoperatorsdk.operator.ReconcilerUtils;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** StatefulSet {@code <name>-consumer}: pods {@code <name>-consumer-0..N-1} running {@code worker consume}. */
@KubernetesDependent(informer = @Informer(labelSelector = Labels.MANAGED_BY_SELECTOR))
public class ConsumerStatefulSetDependent extends CRUDKubernetesDependentResource<StatefulSet, ConsumerGroupDemo>
    implements UsesServices {

  private OperatorServices services;

  public ConsumerStatefulSetDependent() {
    super(StatefulSet.class);
  }

  @Override
  public void useServices(OperatorServices services) {
    this.services = services;
  }

  @Override
  protected StatefulSet desired(ConsumerGroupDemo resource, Context<ConsumerGroupDemo> context) {
    EffectiveSpec spec = EffectiveSpec.of(resource, services.defaults());
    StatefulSet statefulSet = ReconcilerUtils.loadYaml(StatefulSet.class, getClass(), "consumer-statefulset.yaml");
    return new StatefulSetBuilder(statefulSet)
        .editMetadata()
        .withName(spec.consumerName())
        .withNamespace(spec.namespace())
        .withLabels(Labels.all(spec.name(), Labels.CONSUMER))
        .endMetadata()
        .editSpec()
        .withServiceName(spec.consumerName())
        .withReplicas(spec.consumerReplicas())
        .editSelector().withMatchLabels(Labels.selector(spec.name(), Labels.CONSUMER)).endSelector()
        .withTemplate(WorkerPodTemplate.build(
            Labels.all(spec.name(), Labels.CONSUMER), spec.workerImage(), "consume", env(spec)))
        .endSpec()
        .build();
  }

  static List<EnvVar> env(EffectiveSpec spec) {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("KAFKA_BOOTSTRAP_SERVERS", spec.bootstrapServers());
    values.put("CGDEMO_TOPIC", spec.topicName());
    values.put("CGDEMO_GROUP_ID", spec.groupId());
    values.put("CGDEMO_PROTOCOL", spec.protocol());
    values.put("CGDEMO_ASSIGNOR", spec.assignor());
    values.put("CGDEMO_STATIC_MEMBERSHIP", Boolean.toString(spec.staticMembership()));
    values.put("CGDEMO_PROCESSING_DELAY_MS", Integer.toString(spec.processingDelayMs()));
    values.put("CGDEMO_HTTP_PORT", WorkerEnv.HTTP_PORT);
    values.put("CGDEMO_EVENTS", "text");
    WorkerEnv.putKafkaProperties(values, spec.consumerKafkaProperties());
    List<EnvVar> env = new ArrayList<>(WorkerEnv.of(values));
    env.add(WorkerEnv.podName("CGDEMO_CONSUMER_ID"));
    return env;
  }
}
