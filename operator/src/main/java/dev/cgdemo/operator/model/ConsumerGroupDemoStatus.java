package dev.cgdemo.operator.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.kubernetes.model.annotation.LabelSelector;
import io.fabric8.kubernetes.model.annotation.StatusReplicas;
import java.util.ArrayList;
import java.util.List;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class ConsumerGroupDemoStatus {

  private Long observedGeneration;
  private List<Condition> conditions = new ArrayList<>();

  /** Consumer pods ready (the scale subresource's current replicas). */
  @StatusReplicas
  private Integer replicas;

  /** Label selector of the consumer pods, as a string (the scale subresource's selector). */
  @LabelSelector
  private String selector;

  private TopicStatus topic;
  private AcceptedTopicSpec acceptedTopicSpec;
  private GroupStatus group;
  private List<PartitionAssignment> assignments;
  private Long totalLag;
  private Long rebalances;
  private RebalanceStatus lastRebalance;
  /** Absent when the consumers publish no audit (audit off). */
  private DeliveryStatus delivery;
  /** Absent unless spec.chaos was ever set. */
  private ChaosStatus chaos;

  public Long getObservedGeneration() {
    return observedGeneration;
  }

  public void setObservedGeneration(Long observedGeneration) {
    this.observedGeneration = observedGeneration;
  }

  public List<Condition> getConditions() {
    return conditions;
  }

  public void setConditions(List<Condition> conditions) {
    this.conditions = conditions;
  }

  public Integer getReplicas() {
    return replicas;
  }

  public void setReplicas(Integer replicas) {
    this.replicas = replicas;
  }

  public String getSelector() {
    return selector;
  }

  public void setSelector(String selector) {
    this.selector = selector;
  }

  public TopicStatus getTopic() {
    return topic;
  }

  public void setTopic(TopicStatus topic) {
    this.topic = topic;
  }

  public AcceptedTopicSpec getAcceptedTopicSpec() {
    return acceptedTopicSpec;
  }

  public void setAcceptedTopicSpec(AcceptedTopicSpec acceptedTopicSpec) {
    this.acceptedTopicSpec = acceptedTopicSpec;
  }

  public GroupStatus getGroup() {
    return group;
  }

  public void setGroup(GroupStatus group) {
    this.group = group;
  }

  public List<PartitionAssignment> getAssignments() {
    return assignments;
  }

  public void setAssignments(List<PartitionAssignment> assignments) {
    this.assignments = assignments;
  }

  public Long getTotalLag() {
    return totalLag;
  }

  public void setTotalLag(Long totalLag) {
    this.totalLag = totalLag;
  }

  public Long getRebalances() {
    return rebalances;
  }

  public void setRebalances(Long rebalances) {
    this.rebalances = rebalances;
  }

  public RebalanceStatus getLastRebalance() {
    return lastRebalance;
  }

  public void setLastRebalance(RebalanceStatus lastRebalance) {
    this.lastRebalance = lastRebalance;
  }

  public DeliveryStatus getDelivery() {
    return delivery;
  }

  public void setDelivery(DeliveryStatus delivery) {
    this.delivery = delivery;
  }

  public ChaosStatus getChaos() {
    return chaos;
  }

  public void setChaos(ChaosStatus chaos) {
    this.chaos = chaos;
  }
}
