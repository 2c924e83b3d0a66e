package dev.cgdemo.operator.workload;

import dev.cgdemo.operator.model.ConsumerGroupDemo;
import dev.cgdemo.operator.spec.EffectiveSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;

/** Reconcile precondition of the producer: when it is not met the workflow deletes the Deployment. */
public class ProducerEnabledCondition implements Condition<Deployment, ConsumerGroupDemo> {

  @Override
  public boolean isMet(DependentResource<Deployment, ConsumerGroupDemo> dependentResource,
      ConsumerGroupDemo primary, Context<ConsumerGroupDemo> context) {
    return EffectiveSpec.producerEnabled(primary.getSpec());
  }
}
