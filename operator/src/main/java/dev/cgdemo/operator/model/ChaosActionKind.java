package dev.cgdemo.operator.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Schema of spec.chaos.actions' items; the field itself stays a list of Strings so a bad value still deserializes
 * (and is refused by the operator as by the schema).
 */
public enum ChaosActionKind {
  /** Graceful pod delete: the consumer commits and leaves the group. */
  @JsonProperty("delete") DELETE,
  /** Pod delete with grace period 0: no commit, the member is dropped after the session timeout. */
  @JsonProperty("kill") KILL,
  /** spec.consumers.replicas changes between minReplicas and maxReplicas. */
  @JsonProperty("scale") SCALE
}
