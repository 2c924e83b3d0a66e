package dev.cgdemo.operator.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A partition that changed owner in a rebalance: from a member (absent for a first assignment) to a member (absent
 * when nobody got it), and how long it paused: from the last record the old owner processed to the first the new one
 * processed (absent until measured, or without an audit).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class MoveStatus {

  private Integer partition;
  private String from;
  private String to;
  private Long pauseMs;

  public MoveStatus() {
  }

  public MoveStatus(Integer partition, String from, String to, Long pauseMs) {
    this.partition = partition;
    this.from = from;
    this.to = to;
    this.pauseMs = pauseMs;
  }

  public Integer getPartition() {
    return partition;
  }

  public void setPartition(Integer partition) {
    this.partition = partition;
  }

  public String getFrom() {
    return from;
  }

  public void setFrom(String from) {
    this.from = from;
  }

  public String getTo() {
    return to;
  }

  public void setTo(String to) {
    this.to = to;
  }

  public Long getPauseMs() {
    return pauseMs;
  }

  public void setPauseMs(Long pauseMs) {
    this.pauseMs = pauseMs;
  }

  @Override
  public String toString() {
    return partition + ": " + (from == null ? "-" : from) + " -> " + (to == null ? "-" : to);
  }
}
