package dev.cgdemo.operator.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Schema of spec.consumers.assignor; the field itself stays a String so a bad value still deserializes. */
public enum Assignor {
  @JsonProperty("range") RANGE,
  @JsonProperty("roundrobin") ROUNDROBIN,
  @JsonProperty("sticky") STICKY,
  @JsonProperty("cooperative-sticky") COOPERATIVE_STICKY,
  @JsonProperty("uniform") UNIFORM
}
