package dev.cgdemo.operator.reconcile;

import io.javaoperatorsdk.operator.api.config.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.config.dependent.DependentResourceSpec;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResourceFactory;

/** JOSDK's default factory, plus handing {@link OperatorServices} to the dependents that want them. */
@SuppressWarnings({"rawtypes", "unchecked"})
public final class ServiceInjectingDependentResourceFactory
    implements DependentResourceFactory<ControllerConfiguration<?>, DependentResourceSpec> {

  private final OperatorServices services;

  public ServiceInjectingDependentResourceFactory(OperatorServices services) {
    this.services = services;
  }

  @Override
  public DependentResource createFrom(DependentResourceSpec spec, ControllerConfiguration<?> configuration) {
    DependentResource dependent = DependentResourceFactory.super.createFrom(spec, configuration);
    if (dependent instanceof UsesServices user) {
      user.useServices(services);
    }
    return dependent;
  }
}
