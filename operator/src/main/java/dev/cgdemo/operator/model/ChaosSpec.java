package dev.cgdemo.operator.model;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crd.generator.annotation.SchemaFrom;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/** A rebalance schedule the operator runs on this resource's own consumers (needs the chart's chaos.enabled). */
@ValidationRule(value = ChaosSpec.MIN_NOT_ABOVE_MAX,
    message = "minReplicas must not be greater than maxReplicas")
public class ChaosSpec {

  static final String MIN_NOT_ABOVE_MAX =
      "!has(self.minReplicas) || !has(self.maxReplicas) || self.minReplicas <= self.maxReplicas";
  public static final String EVERY_PATTERN = "^[1-9][0-9]*(ms|s|m|h)$";

  @JsonPropertyDescription("Time between two actions, e.g. 30s, 2m; the next one also waits for the group to settle.")
  @Required
  @Pattern(EVERY_PATTERN)
  private String every;

  @JsonPropertyDescription("Actions taken round-robin: delete (graceful pod delete), kill (pod delete with grace"
      + " period 0), scale (spec.consumers.replicas between minReplicas and maxReplicas).")
  @Required
  @Size(min = 1)
  @SchemaFrom(type = ChaosActionKind[].class)
  private List<String> actions;

  @JsonPropertyDescription("Hold the schedule without removing it.")
  @Default("false")
  private Boolean paused;

  @JsonPropertyDescription("Fewest consumers a scale action leaves (default 1).")
  @Min(1)
  private Integer minReplicas;

  @JsonPropertyDescription("Most consumers a scale action asks for (default: spec.consumers.replicas, at least minReplicas).")
  @Min(1)
  private Integer maxReplicas;

  public String getEvery() {
    return every;
  }

  public void setEvery(String every) {
    this.every = every;
  }

  public List<String> getActions() {
    return actions;
  }

  public void setActions(List<String> actions) {
    this.actions = actions;
  }

  public Boolean getPaused() {
    return paused;
  }

  public void setPaused(Boolean paused) {
    this.paused = paused;
  }

  public Integer getMinReplicas() {
    return minReplicas;
  }

  public void setMinReplicas(Integer minReplicas) {
    this.minReplicas = minReplicas;
  }

  public Integer getMaxReplicas() {
    return maxReplicas;
  }

  public void setMaxReplicas(Integer maxReplicas) {
    this.maxReplicas = maxReplicas;
  }
}
