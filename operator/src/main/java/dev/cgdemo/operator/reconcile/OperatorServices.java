package dev.cgdemo.operator.reconcile;

import dev.cgdemo.operator.kafka.AdminClients;
import dev.cgdemo.operator.kafka.CreatedTopics;
import dev.cgdemo.operator.spec.OperatorDefaults;
import dev.cgdemo.operator.status.GroupWatches;
import io.javaoperatorsdk.operator.processing.event.ResourceID;

/**
 * What dependents and the reconciler share: the operator's defaults, its Kafka Admin clients and the per-resource
 * watches of the consumer groups (also the event source that reconciles on what happens to a group) and the topics
 * the operator created.
 */
public record OperatorServices(OperatorDefaults defaults, AdminClients<ResourceID> adminClients, GroupWatches groups,
    CreatedTopics createdTopics) {
}
