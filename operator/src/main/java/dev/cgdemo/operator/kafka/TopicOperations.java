package dev.cgdemo.operator.kafka;

import dev.cgdemo.worker.audit.AuditTopic;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.ApiException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates, grows and deletes topics; refuses what Kafka cannot do, what would lose settings, and growing a topic
 * this operator did not create. A topic it creates starts without an audit ({@code <topic>.audit}), and its audit
 * is deleted with it.
 */
public final class TopicOperations {

  /** What {@link #ensure} did. */
  public enum Change { CREATED, GROWN, NONE }

  /** The topic after {@link #ensure}, whether the operator created it, and what was changed to get there. */
  public record Result(TopicState state, boolean createdByOperator, Change change) {
  }

  private static final Logger LOG = LoggerFactory.getLogger(TopicOperations.class);

  private final String bootstrapServers;
  private final Admin admin;

  public TopicOperations(String bootstrapServers, Admin admin) {
    this.bootstrapServers = bootstrapServers;
    this.admin = admin;
  }

  /**
   * Creates the topic when it is missing, grows it when the operator created it ({@code createdByOperator}, as
   * recorded), and otherwise reports what differs from {@code desired}.
   */
  public Result ensure(DesiredTopic desired, boolean createdByOperator) {
    Optional<TopicDescription> existing = describe(desired.name());
    if (existing.isEmpty()) {
      return create(desired);
    }
    boolean created = createdByOperator;
    TopicDescription actual = existing.get();
    int partitions = actual.partitions().size();
    int replicationFactor = actual.partitions().get(0).replicas().size();
    if (replicationFactor != desired.replicationFactor()) {
      return unchanged(desired.name(), partitions, replicationFactor, created, new TopicProblem(
          "ReplicationFactorMismatch",
          "topic " + desired.name() + " exists with replication factor " + replicationFactor
              + " but spec.topic.replicationFactor is " + desired.replicationFactor()
              + "; the operator does not change a replication factor: re-create this resource with"
              + " spec.topic.replicationFactor: " + replicationFactor + ", or with another spec.topic.name"));
    }
    if (desired.partitions() < partitions) {
      return unchanged(desired.name(), partitions, replicationFactor, created, new TopicProblem(
          "PartitionsCannotShrink",
          "topic " + desired.name() + " has " + partitions + " partitions and Kafka cannot remove"
              + " partitions; spec.topic.partitions is " + desired.partitions()
              + ": set it to " + partitions + " or more"));
    }
    if (desired.partitions() > partitions && !created) {
      return unchanged(desired.name(), partitions, replicationFactor, false, new TopicProblem(
          "TopicNotOwned",
          "topic " + desired.name() + " has " + partitions + " partitions and spec.topic.partitions is "
              + desired.partitions() + ", but the operator did not create this topic (it was there already) and"
              + " grows only topics it created: add the partitions yourself (kafka-topics.sh --bootstrap-server "
              + bootstrapServers + " --alter --topic " + desired.name() + " --partitions " + desired.partitions()
              + "), or re-create this resource with spec.topic.partitions: " + partitions));
    }
    if (desired.partitions() > partitions) {
      try {
        KafkaCalls.await(bootstrapServers, admin.createPartitions(
            Map.of(desired.name(), NewPartitions.increaseTo(desired.partitions()))).all());
      } catch (ApiException e) {
        return unchanged(desired.name(), partitions, replicationFactor, true, rejected(desired.name(), e));
      }
      return new Result(new TopicState(desired.name(), desired.partitions(), replicationFactor, null), true,
          Change.GROWN);
    }
    return unchanged(desired.name(), partitions, replicationFactor, created, null);
  }

  /** Deletes the topic; a topic that is already gone is fine. */
  public void delete(String name) {
    try {
      KafkaCalls.await(bootstrapServers, admin.deleteTopics(List.of(name)).all());
    } catch (UnknownTopicOrPartitionException e) {
      // already gone
    }
  }

  /**
   * Deletes the topic and its audit; true once Kafka no longer shows either, so that a resource re-created under
   * the same name finds neither (callers ask again until then).
   */
  public boolean deleteWithAudit(String name) {
    String audit = AuditTopic.of(name);
    delete(name);
    delete(audit);
    return describe(name).isEmpty() && describe(audit).isEmpty();
  }

  public Optional<TopicDescription> describe(String name) {
    try {
      return Optional.of(KafkaCalls.await(bootstrapServers, admin.describeTopics(List.of(name)).topicNameValues().get(name)));
    } catch (UnknownTopicOrPartitionException e) {
      return Optional.empty();
    }
  }

  private Result create(DesiredTopic desired) {
    // An audit of a topic that is not there is stale (the topic was deleted without it): a new topic starts
    // without one, or its delivery would count the old topic's offsets as duplicates.
    String audit = AuditTopic.of(desired.name());
    if (describe(audit).isPresent()) {
      LOG.info("Deleting {}: it is left from an earlier topic {}", audit, desired.name());
      delete(audit);
    }
    try {
      KafkaCalls.await(bootstrapServers, admin.createTopics(List.of(
          new NewTopic(desired.name(), desired.partitions(), (short) desired.replicationFactor()))).all());
    } catch (TopicExistsException e) {
      // created by someone else in between: judge what is there, as a topic the operator did not create
      return ensure(desired, false);
    } catch (ApiException e) {
      return new Result(new TopicState(desired.name(), 0, 0, rejected(desired.name(), e)), false, Change.NONE);
    }
    return new Result(new TopicState(desired.name(), desired.partitions(), desired.replicationFactor(), null), true,
        Change.CREATED);
  }

  private static Result unchanged(String name, int partitions, int replicationFactor, boolean created,
      TopicProblem problem) {
    return new Result(new TopicState(name, partitions, replicationFactor, problem), created, Change.NONE);
  }

  private static TopicProblem rejected(String name, ApiException e) {
    return new TopicProblem("TopicRejected", "Kafka refused topic " + name + ": " + e.getMessage()
        + " Change spec.topic to what this cluster accepts.");
  }
}
