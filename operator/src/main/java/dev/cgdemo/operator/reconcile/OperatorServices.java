package dev.cgdemo.operator.reconcile;

import dev.cgdemo.operator.kafka.AdminClients;
import dev.cgdemo.operator.kafka.CreatedTopics;
import dev.cgdemo.operator.spec.OperatorDefaults;
import dev.cgdemo.operator.status.DeliveryTracking;
import io.javaoperatorsdk.operator.processing.event.ResourceID;

/**
 * What dependents and the reconciler share: the operator's defaults, its Kafka Admin clients and the per-resource
 * followers of the audit topics and the topics the operator created.
 */
public record OperatorServices(OperatorDefaults defaults, AdminClients<ResourceID> adminClients, DeliveryTracking delivery,
    CreatedTopics createdTopics) {
}
