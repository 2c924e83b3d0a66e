package dev.cgdemo.operator.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The last rebalance of the group, from its history: when it started, how long until every partition had an owner
 * again, what started it (start, join, leave, crash, lost, scale, partitions, unknown), the partitions that moved,
 * the longest pause over them and the longest time nobody in the group processed anything.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RebalanceStatus {

  private Integer number;
  private String time;
  private Long durationMs;
  private String cause;
  private Long pauseMs;
  private Long groupStopMs;
  private List<MoveStatus> moves;

  public RebalanceStatus() {
  }

  public RebalanceStatus(Integer number, String time, Long durationMs, String cause, Long pauseMs, Long groupStopMs,
      List<MoveStatus> moves) {
    this.number = number;
    this.time = time;
    this.durationMs = durationMs;
    this.cause = cause;
    this.pauseMs = pauseMs;
    this.groupStopMs = groupStopMs;
    this.moves = moves;
  }

  public Integer getNumber() {
    return number;
  }

  public void setNumber(Integer number) {
    this.number = number;
  }

  public String getTime() {
    return time;
  }

  public void setTime(String time) {
    this.time = time;
  }

  public Long getDurationMs() {
    return durationMs;
  }

  public void setDurationMs(Long durationMs) {
    this.durationMs = durationMs;
  }

  public String getCause() {
    return cause;
  }

  public void setCause(String cause) {
    this.cause = cause;
  }

  public Long getPauseMs() {
    return pauseMs;
  }

  public void setPauseMs(Long pauseMs) {
    this.pauseMs = pauseMs;
  }

  public Long getGroupStopMs() {
    return groupStopMs;
  }

  public void setGroupStopMs(Long groupStopMs) {
    this.groupStopMs = groupStopMs;
  }

  public List<MoveStatus> getMoves() {
    return moves;
  }

  public void setMoves(List<MoveStatus> moves) {
    this.moves = moves;
  }
}
