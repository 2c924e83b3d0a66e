package dev.cgdemo.operator.kafka;

import dev.cgdemo.operator.model.ConsumerGroupDemo;
import dev.cgdemo.operator.reconcile.OperatorServices;
import dev.cgdemo.operator.reconcile.UsesServices;
import dev.cgdemo.operator.spec.EffectiveSpec;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.api.reconciler.dependent.NameSetter;
import io.javaoperatorsdk.operator.api.reconciler.dependent.ReconcileResult;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;

/**
 * The Kafka topic, as a dependent resource outside Kubernetes: created, grown if the operator created it, never
 * shrunk. What it finds, and whether the operator created the topic, is left in the workflow context for the
 * reconciler's status.
 */
public class TopicDependent implements DependentResource<TopicState, ConsumerGroupDemo>, NameSetter, UsesServices {

  /** Key of the workflow context's Boolean: whether the operator created the topic (else it was there). */
  public static final String CREATED_BY_OPERATOR = "topic.createdByOperator";

  private OperatorServices services;
  private String name = DependentResource.defaultNameFor(TopicDependent.class);

  @Override
  public String name() {
    return name;
  }

  @Override
  public void setName(String name) {
    this.name = name;
  }

  @Override
  public void useServices(OperatorServices services) {
    this.services = services;
  }

  @Override
  public ReconcileResult<TopicState> reconcile(ConsumerGroupDemo primary, Context<ConsumerGroupDemo> context) {
    EffectiveSpec spec = EffectiveSpec.of(primary, services.defaults());
    Admin admin = services.adminClients().acquire(ResourceID.fromResource(primary), spec.bootstrapServers());
    TopicOperations.Result result = new TopicOperations(spec.bootstrapServers(), admin)
        .ensure(new DesiredTopic(spec.topicName(), spec.partitions(), spec.replicationFactor()),
            services.createdTopics().created(primary, spec.topicName()));
    if (result.createdByOperator()) {
      services.createdTopics().remember(primary, spec.topicName());
    }
    context.managedWorkflowAndDependentResourceContext().put(TopicState.class, result.state());
    context.managedWorkflowAndDependentResourceContext().put(CREATED_BY_OPERATOR, result.createdByOperator());
    return switch (result.change()) {
      case CREATED -> ReconcileResult.resourceCreated(result.state());
      case GROWN -> ReconcileResult.resourceUpdated(result.state());
      case NONE -> ReconcileResult.noOperation(result.state());
    };
  }

  @Override
  public Class<TopicState> resourceType() {
    return TopicState.class;
  }

  @Override
  public Optional<TopicState> getSecondaryResource(ConsumerGroupDemo primary, Context<ConsumerGroupDemo> context) {
    return context.managedWorkflowAndDependentResourceContext().get(TopicState.class, TopicState.class);
  }
}
