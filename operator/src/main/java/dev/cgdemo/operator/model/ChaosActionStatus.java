package dev.cgdemo.operator.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One chaos action: when, which, on which pod (delete, kill) or to how many replicas (scale); the rebalance it
 * caused (the first one the history numbered above {@code rebalancesBefore}) with its moves and pause; records lost
 * and processed twice since it (from the delivery counts at the action, {@code lostBefore}/{@code duplicatesBefore});
 * {@code measured} once that no longer changes.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ChaosActionStatus {

  private String time;
  private String action;
  private String pod;
  private Integer replicas;
  private RebalanceStatus rebalance;
  private Long lost;
  private Long duplicates;
  private Boolean measured;
  private Integer rebalancesBefore;
  private Long lostBefore;
  private Long duplicatesBefore;

  public String getTime() {
    return time;
  }

  public void setTime(String time) {
    this.time = time;
  }

  public String getAction() {
    return action;
  }

  public void setAction(String action) {
    this.action = action;
  }

  public String getPod() {
    return pod;
  }

  public void setPod(String pod) {
    this.pod = pod;
  }

  public Integer getReplicas() {
    return replicas;
  }

  public void setReplicas(Integer replicas) {
    this.replicas = replicas;
  }

  public RebalanceStatus getRebalance() {
    return rebalance;
  }

  public void setRebalance(RebalanceStatus rebalance) {
    this.rebalance = rebalance;
  }

  public Long getLost() {
    return lost;
  }

  public void setLost(Long lost) {
    this.lost = lost;
  }

  public Long getDuplicates() {
    return duplicates;
  }

  public void setDuplicates(Long duplicates) {
    this.duplicates = duplicates;
  }

  public Boolean getMeasured() {
    return measured;
  }

  public void setMeasured(Boolean measured) {
    this.measured = measured;
  }

  public Integer getRebalancesBefore() {
    return rebalancesBefore;
  }

  public void setRebalancesBefore(Integer rebalancesBefore) {
    this.rebalancesBefore = rebalancesBefore;
  }

  public Long getLostBefore() {
    return lostBefore;
  }

  public void setLostBefore(Long lostBefore) {
    this.lostBefore = lostBefore;
  }

  public Long getDuplicatesBefore() {
    return duplicatesBefore;
  }

  public void setDuplicatesBefore(Long duplicatesBefore) {
    this.duplicatesBefore = duplicatesBefore;
  }
}
