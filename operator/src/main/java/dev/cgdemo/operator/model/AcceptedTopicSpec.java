package dev.cgdemo.operator.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * {@code spec.topic} as the operator last accepted it: its {@code oldSelf} for the CRD's transition rules (name,
 * partitions, replicationFactor), judged again by the operator where no API server runs CEL. Values as written
 * in the spec (an absent name stays absent). A class of its own, not {@link TopicSpec}: that one carries the
 * transition rules, which must not apply to status updates.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class AcceptedTopicSpec {

  @JsonPropertyDescription("spec.topic.name as accepted; absent when the spec left it out.")
  private String name;
  private Integer partitions;
  private Integer replicationFactor;

  public AcceptedTopicSpec() {
  }

  public static AcceptedTopicSpec of(TopicSpec topic) {
    AcceptedTopicSpec accepted = new AcceptedTopicSpec();
    accepted.setName(topic.getName());
    accepted.setPartitions(topic.getPartitions());
    accepted.setReplicationFactor(topic.getReplicationFactor());
    return accepted;
  }

  public TopicSpec asTopicSpec() {
    TopicSpec topic = new TopicSpec();
    topic.setName(name);
    topic.setPartitions(partitions);
    topic.setReplicationFactor(replicationFactor);
    return topic;
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
