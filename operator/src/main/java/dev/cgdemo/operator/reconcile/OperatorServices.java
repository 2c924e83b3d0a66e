package dev.cgdemo.operator.reconcile;

import dev.cgdemo.operator.kafka.AdminClients;
import dev.cgdemo.operator.spec.OperatorDefaults;
import io.javaoperatorsdk.operator.processing.event.ResourceID;

/** What dependents and the reconciler share: the operator's defaults and its Kafka Admin clients. */
public record OperatorServices(OperatorDefaults defaults, AdminClients<ResourceID> adminClients) {
}
