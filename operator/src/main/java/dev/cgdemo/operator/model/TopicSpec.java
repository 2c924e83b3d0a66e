package dev.cgdemo.operator.model;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;

@ValidationRule(value = TopicSpec.NAME_UNCHANGED, message = "topic.name is immutable: it cannot be changed, added or removed")
public class TopicSpec {

  /** Kafka's legal topic names: ASCII letters, digits, '.', '_', '-', at most 249 characters. */
  public static final String NAME_PATTERN = "^[a-zA-Z0-9._-]{1,249}$";

  /**
   * A transition rule on the topic object, not on the name: a rule on {@code name} itself runs only when the old
   * and the new object both have a name, so adding or removing one would pass.
   */
  static final String NAME_UNCHANGED =
      "has(self.name) == has(oldSelf.name) && (!has(self.name) || self.name == oldSelf.name)";

  @JsonPropertyDescription("Topic name; defaults to metadata.name.")
  @Pattern(NAME_PATTERN)
  private String name;

  @JsonPropertyDescription("Number of partitions; may grow, never shrink.")
  @Required
  @Min(1)
  @ValidationRule(value = "self >= oldSelf", message = "topic.partitions may grow but never shrink")
  private Integer partitions;

  @JsonPropertyDescription("Replication factor; immutable.")
  @Min(1)
  @Default("1")
  @ValidationRule(value = "self == oldSelf", message = "topic.replicationFactor is immutable")
  private Integer replicationFactor;

  @JsonPropertyDescription("Delete the Kafka topic when this resource is deleted (default: keep it).")
  @Default("false")
  private Boolean deleteWithResource;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public Integer getPartitions() {
    return partitions;
  }

  public void setPartitions(Integer partitions) {
    this.partitions = partitions;
  }

  public Integer getReplicationFactor() {
    return replicationFactor;
  }

  public void setReplicationFactor(Integer replicationFactor) {
    this.replicationFactor = replicationFactor;
  }

  public Boolean getDeleteWithResource() {
    return deleteWithResource;
  }

  public void setDeleteWithResource(Boolean deleteWithResource) {
    this.deleteWithResource = deleteWithResource;
  }
}
