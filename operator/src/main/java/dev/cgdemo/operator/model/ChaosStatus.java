package dev.cgdemo.operator.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;

/**
 * What spec.chaos did: when it began and last acted (kept here so an operator restart neither fires a burst nor
 * starts the round-robin over), what it waits for now, the last {@value #RECENT} actions with what each caused, and
 * totals per action kind since it began.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ChaosStatus {

  public static final int RECENT = 10;

  private String since;
  private String lastActionTime;
  private Long actions;
  private String holding;
  private List<ChaosActionStatus> recent = new ArrayList<>();
  private List<ChaosTotalStatus> totals = new ArrayList<>();

  public String getSince() {
    return since;
  }

  public void setSince(String since) {
    this.since = since;
  }

  public String getLastActionTime() {
    return lastActionTime;
  }

  public void setLastActionTime(String lastActionTime) {
    this.lastActionTime = lastActionTime;
  }

  public Long getActions() {
    return actions;
  }

  public void setActions(Long actions) {
    this.actions = actions;
  }

  public String getHolding() {
    return holding;
  }

  public void setHolding(String holding) {
    this.holding = holding;
  }

  public List<ChaosActionStatus> getRecent() {
    return recent;
  }

  public void setRecent(List<ChaosActionStatus> recent) {
    this.recent = recent;
  }

  public List<ChaosTotalStatus> getTotals() {
    return totals;
  }

  public void setTotals(List<ChaosTotalStatus> totals) {
    this.totals = totals;
  }
}
