package dev.cgdemo.operator.kafka;

import dev.cgdemo.operator.model.ConsumerGroupDemo;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;

/**
 * Ready postcondition of the topic: consumers and producer wait until the topic exists in Kafka. A
 * topic that exists but differs from the spec (a refused shrink) does not hold them back.
 */
public class TopicExistsCondition implements Condition<TopicState, ConsumerGroupDemo> {

  @Override
  public boolean isMet(DependentResource<TopicState, ConsumerGroupDemo> dependentResource,
      ConsumerGroupDemo primary, Context<ConsumerGroupDemo> context) {
    return dependentResource.getSecondaryResource(primary, context).map(topic -> topic.partitions() > 0).orElse(false);
  }
}
