package dev.cgdemo.operator.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class RebalanceStatus {

  private String time;
  /** "partition: from -> to", one per moved partition. */
  private List<String> moves;
  /**
   * The longest pause over the moved partitions, from the audit: last record processed by the old owner to the
   * first processed by the new one. Absent until measured (the new owner has processed a record) or without audit.
   */
  private Long pauseMs;

  public RebalanceStatus() {
  }

  public RebalanceStatus(String time, List<String> moves) {
    this.time = time;
    this.moves = moves;
  }

  public String getTime() {
    return time;
  }

  public void setTime(String time) {
    this.time = time;
  }

  public List<String> getMoves() {
    return moves;
  }

  public void setMoves(List<String> moves) {
    this.moves = moves;
  }

  public Long getPauseMs() {
    return pauseMs;
  }

  public void setPauseMs(Long pauseMs) {
    this.pauseMs = pauseMs;
  }
}
