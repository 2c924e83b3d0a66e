package dev.cgdemo.operator.model;

import com.fasterxml.jackson.annotation.JsonInclude;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class TopicStatus {

  private String name;
  private Integer partitions;
  private Integer replicationFactor;

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
}
