package dev.cgdemo.operator.kafka;

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

/** Creates, grows and deletes topics; refuses what Kafka cannot do or what would lose settings. */
public final class TopicOperations {

  /** What {@link #ensure} did. */
  public enum Change { CREATED, GROWN, NONE }

  /** The topic after {@link #ensure}, and what was changed to get there. */
  public record Result(TopicState state, Change change) {
  }

  private final String bootstrapServers;
  private final Admin admin;

  public TopicOperations(String bootstrapServers, Admin admin) {
    this.bootstrapServers = bootstrapServers;
    this.admin = admin;
  }

  public Result ensure(DesiredTopic desired) {
    Optional<TopicDescription> existing = describe(desired.name());
    if (existing.isEmpty()) {
      return create(desired);
    }
    TopicDescription actual = existing.get();
    int partitions = actual.partitions().size();
    int replicationFactor = actual.partitions().get(0).replicas().size();
    if (replicationFactor != desired.replicationFactor()) {
      return unchanged(desired.name(), partitions, replicationFactor, new TopicProblem(
          "ReplicationFactorMismatch",
          "topic " + desired.name() + " exists with replication factor " + replicationFactor
              + " but spec.topic.replicationFactor is " + desired.replicationFactor()
              + "; the operator does not change it: set replicationFactor to " + replicationFactor
              + " or use another topic name"));
    }
    if (desired.partitions() < partitions) {
      return unchanged(desired.name(), partitions, replicationFactor, new TopicProblem(
          "PartitionsCannotShrink",
          "topic " + desired.name() + " has " + partitions + " partitions and Kafka cannot remove"
              + " partitions; spec.topic.partitions is " + desired.partitions()
              + ": set it to " + partitions + " or more"));
    }
    if (desired.partitions() > partitions) {
      try {
        KafkaCalls.await(bootstrapServers, admin.createPartitions(
            Map.of(desired.name(), NewPartitions.increaseTo(desired.partitions()))).all());
      } catch (ApiException e) {
        return unchanged(desired.name(), partitions, replicationFactor, rejected(desired.name(), e));
      }
      return new Result(new TopicState(desired.name(), desired.partitions(), replicationFactor, null), Change.GROWN);
    }
    return unchanged(desired.name(), partitions, replicationFactor, null);
  }

  /** Deletes the topic; a topic that is already gone is fine. */
  public void delete(String name) {
    try {
      KafkaCalls.await(bootstrapServers, admin.deleteTopics(List.of(name)).all());
    } catch (UnknownTopicOrPartitionException e) {
      // already gone
    }
  }

  public Optional<TopicDescription> describe(String name) {
    try {
      return Optional.of(KafkaCalls.await(bootstrapServers, admin.describeTopics(List.of(name)).topicNameValues().get(name)));
    } catch (UnknownTopicOrPartitionException e) {
      return Optional.empty();
    }
  }

  private Result create(DesiredTopic desired) {
    try {
      KafkaCalls.await(bootstrapServers, admin.createTopics(List.of(
          new NewTopic(desired.name(), desired.partitions(), (short) desired.replicationFactor()))).all());
    } catch (TopicExistsException e) {
      return ensure(desired); // created by someone else in between: judge what is there
    } catch (ApiException e) {
      return new Result(new TopicState(desired.name(), 0, 0, rejected(desired.name(), e)), Change.NONE);
    }
    return new Result(new TopicState(desired.name(), desired.partitions(), desired.replicationFactor(), null), Change.CREATED);
  }

  private static Result unchanged(String name, int partitions, int replicationFactor, TopicProblem problem) {
    return new Result(new TopicState(name, partitions, replicationFactor, problem), Change.NONE);
  }

  private static TopicProblem rejected(String name, ApiException e) {
    return new TopicProblem("TopicRejected", "Kafka refused topic " + name + ": " + e.getMessage()
        + " Change spec.topic to what this cluster accepts.");
  }
}
