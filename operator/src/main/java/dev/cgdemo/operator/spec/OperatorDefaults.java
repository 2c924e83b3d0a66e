package dev.cgdemo.operator.spec;

/** What the operator uses for a resource that leaves these out of its spec. */
public record OperatorDefaults(String bootstrapServers, String workerImage) {
}
