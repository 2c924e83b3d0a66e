package dev.cgdemo.operator.workload;

import dev.cgdemo.operator.model.ConsumerGroupDemo;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.javaoperatorsdk.operator.ReconcilerUtils;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/** Headless Service {@code <name>-consumer}: the StatefulSet's governing service. */
@KubernetesDependent(informer = @Informer(labelSelector = Labels.MANAGED_BY_SELECTOR))
public class ConsumerServiceDependent extends CRUDKubernetesDependentResource<Service, ConsumerGroupDemo> {

  public ConsumerServiceDependent() {
    super(Service.class);
  }

  @Override
  protected Service desired(ConsumerGroupDemo resource, Context<ConsumerGroupDemo> context) {
    String name = resource.getMetadata().getName();
    Service service = ReconcilerUtils.loadYaml(Service.class, getClass(), "consumer-service.yaml");
    return new ServiceBuilder(service)
        .editMetadata()
        .withName(name + "-consumer")
        .withNamespace(resource.getMetadata().getNamespace())
        .withLabels(Labels.all(name, Labels.CONSUMER))
        .endMetadata()
        .editSpec().withSelector(Labels.selector(name, Labels.CONSUMER)).endSpec()
        .build();
  }
}
