package dev.cgdemo.operator.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What the consumers' audit topic ({@code <topic>.audit}) shows: distinct offsets processed, offsets below the
 * committed position that nobody processed (lost), and offsets processed more than once (duplicates).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class DeliveryStatus {

  private Long processed;
  private Long lost;
  private Long duplicates;

  public DeliveryStatus() {
  }

  public DeliveryStatus(Long processed, Long lost, Long duplicates) {
    this.processed = processed;
    this.lost = lost;
    this.duplicates = duplicates;
  }

  public Long getProcessed() {
    return processed;
  }

  public void setProcessed(Long processed) {
    this.processed = processed;
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
}
