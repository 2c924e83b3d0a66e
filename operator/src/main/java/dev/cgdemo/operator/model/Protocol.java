package dev.cgdemo.operator.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Schema of spec.consumers.protocol; the field itself stays a String so a bad value still deserializes. */
public enum Protocol {
  @JsonProperty("classic") CLASSIC,
  @JsonProperty("consumer") CONSUMER
}
