package dev.cgdemo.operator.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class TopicStatus {

  private String name;
  private Integer partitions;
  private Integer replicationFactor;
  /**
   * True when this operator created the topic for this resource, false when it found the topic already there
   * (adopted). Only a topic it created is grown, and deleted with the resource.
   */
  @JsonPropertyDescription("True when the operator created the topic, false when it was there already (adopted):"
      + " only a topic the operator created is grown, and deleted with the resource.")
  private Boolean createdByOperator;

  public TopicStatus() {
  }

  public TopicStatus(String name, Integer partitions, Integer replicationFactor) {
    this.name = name;
    this.partitions = partitions;
    this.replicationFactor = replicationFactor;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public Integer getPartitions() {
    return partitions;
  }

  public void setPartitions(Integer partitions) {
    this.partitions = partitions;
  }

  public Integer getReplicationFactor() {
    return replicationFactor;
  }

  public void setReplicationFactor(Integer replicationFactor) {
    this.replicationFactor = replicationFactor;
  }

  public Boolean getCreatedByOperator() {
    return createdByOperator;
  }

  public void setCreatedByOperator(Boolean createdByOperator) {
    this.createdByOperator = createdByOperator;
  }
}
