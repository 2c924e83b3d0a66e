package dev.cgdemo.operator.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;

/**
 * Totals of one chaos action kind: actions taken, the median and longest pause of their rebalances (the median
 * over the last 100 measured, kept in {@code pausesMs}), records lost and processed twice after them.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ChaosTotalStatus {

  private String action;
  private Long count;
  private Long pauseP50Ms;
  private Long pauseMaxMs;
  private Long lost;
  private Long duplicates;
  private List<Long> pausesMs = new ArrayList<>();

  public String getAction() {
    return action;
  }

  public void setAction(String action) {
    this.action = action;
  }

  public Long getCount() {
    return count;
  }

  public void setCount(Long count) {
    this.count = count;
  }

  public Long getPauseP50Ms() {
    return pauseP50Ms;
  }

  public void setPauseP50Ms(Long pauseP50Ms) {
    this.pauseP50Ms = pauseP50Ms;
  }

  public Long getPauseMaxMs() {
    return pauseMaxMs;
  }

  public void setPauseMaxMs(Long pauseMaxMs) {
    this.pauseMaxMs = pauseMaxMs;
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

  public List<Long> getPausesMs() {
    return pausesMs;
  }

  public void setPausesMs(List<Long> pausesMs) {
    this.pausesMs = pausesMs;
  }
}
