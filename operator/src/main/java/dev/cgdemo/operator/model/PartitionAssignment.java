package dev.cgdemo.operator.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One row per partition, like `kafka-consumer-groups --describe`. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PartitionAssignment {

  private Integer partition;
  /** Client id of the owning member (= pod name), absent while unassigned. */
  private String consumer;
  private Long committedOffset;
  private Long endOffset;
  private Long lag;
  /** True while the group cannot be read: the row is the last one known, not the current one. */
  private Boolean stale;

  public PartitionAssignment() {
  }

  public PartitionAssignment(Integer partition, String consumer, Long committedOffset, Long endOffset, Long lag) {
    this.partition = partition;
    this.consumer = consumer;
    this.committedOffset = committedOffset;
    this.endOffset = endOffset;
    this.lag = lag;
  }

  public Integer getPartition() {
    return partition;
  }

  public void setPartition(Integer partition) {
    this.partition = partition;
  }

  public String getConsumer() {
    return consumer;
  }

  public void setConsumer(String consumer) {
    this.consumer = consumer;
  }

  public Long getCommittedOffset() {
    return committedOffset;
  }

  public void setCommittedOffset(Long committedOffset) {
    this.committedOffset = committedOffset;
  }

  public Long getEndOffset() {
    return endOffset;
  }

  public void setEndOffset(Long endOffset) {
    this.endOffset = endOffset;
  }

  public Boolean getStale() {
    return stale;
  }

  public void setStale(Boolean stale) {
    this.stale = stale;
  }

  public Long getLag() {
    return lag;
  }

  public void setLag(Long lag) {
    this.lag = lag;
  }
}
