package dev.cgdemo.operator.spec;

import dev.cgdemo.operator.model.TopicSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The CRD's transition rules on {@code spec.topic} (those with {@code oldSelf}), judged by the operator: an API
 * server without CEL lets a forbidden change through. "Before" is the topic spec the operator last accepted, as
 * Kubernetes' {@code oldSelf} is the object last stored. Same verdicts as the rules, case by case
 * (CrdValidationRulesTest); replicationFactor compares with its schema default filled in, as the API server
 * defaults both objects before it validates.
 */
public final class TopicTransitions {

  private TopicTransitions() {
  }

  /** Every forbidden change from {@code before} to {@code after}, each a sentence that says what to do. */
  public static List<String> refused(TopicSpec before, TopicSpec after) {
    List<String> problems = new ArrayList<>();
    if (before == null || after == null) {
      return problems;
    }
    if (!Objects.equals(before.getName(), after.getName())) {
      problems.add("spec.topic.name is immutable: it was " + describe(before.getName()) + ", now "
          + describe(after.getName()) + "; set it back, or create a new resource for another topic");
    }
    if (before.getPartitions() != null && after.getPartitions() != null && after.getPartitions() < before.getPartitions()) {
      problems.add("spec.topic.partitions may grow but never shrink: it was " + before.getPartitions() + ", now "
          + after.getPartitions() + "; set it to " + before.getPartitions() + " or more");
    }
    int replicationBefore = replicationFactor(before);
    int replicationAfter = replicationFactor(after);
    if (replicationBefore != replicationAfter) {
      problems.add("spec.topic.replicationFactor is immutable: it was " + replicationBefore + ", now "
          + replicationAfter + "; set it back to " + replicationBefore);
    }
    return problems;
  }

  private static int replicationFactor(TopicSpec topic) {
    return Objects.requireNonNullElse(topic.getReplicationFactor(), EffectiveSpec.DEFAULT_REPLICATION_FACTOR);
  }

  private static String describe(String name) {
    return name == null ? "not set (metadata.name)" : "\"" + name + "\"";
  }
}
