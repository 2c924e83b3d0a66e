package dev.cgdemo.operator.status;

import dev.cgdemo.operator.kafka.KafkaCalls;
import dev.cgdemo.operator.kafka.TopicOperations;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupType;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;

/** Reads a group the way {@code kafka-consumer-groups --describe} does: owners, committed and end offsets. */
public final class GroupObserver {

  private final String bootstrapServers;
  private final Admin admin;

  public GroupObserver(String bootstrapServers, Admin admin) {
    this.bootstrapServers = bootstrapServers;
    this.admin = admin;
  }

  public GroupSnapshot observe(String groupId, String topic) {
    Optional<TopicDescription> description = new TopicOperations(bootstrapServers, admin).describe(topic);
    int partitions = description.map(d -> d.partitions().size()).orElse(0);
    Optional<ConsumerGroupDescription> group = describeGroup(groupId);
    Map<Integer, String> owners = new HashMap<>();
    group.ifPresent(g -> g.members().forEach(member -> ownedPartitions(member, topic)
        .forEach(p -> owners.put(p, member.clientId()))));
    Map<TopicPartition, OffsetAndMetadata> committed = group.isPresent() ? committedOffsets(groupId) : Map.of();
    Map<TopicPartition, ListOffsetsResultInfo> ends = partitions == 0 ? Map.of() : endOffsets(topic, partitions);

    List<PartitionRow> rows = new ArrayList<>();
    for (int p = 0; p < partitions; p++) {
      TopicPartition tp = new TopicPartition(topic, p);
      OffsetAndMetadata offset = committed.get(tp);
      ListOffsetsResultInfo end = ends.get(tp);
      rows.add(new PartitionRow(p, owners.get(p), offset == null ? null : offset.offset(), end == null ? 0 : end.offset()));
    }
    return new GroupSnapshot(
        groupId,
        group.map(g -> g.groupState().toString()).orElse("Dead"),
        group.map(g -> g.type() == GroupType.CONSUMER ? "consumer" : "classic").orElse(null),
        group.flatMap(ConsumerGroupDescription::groupEpoch).orElse(null),
        group.map(g -> g.members().size()).orElse(0),
        topic,
        List.copyOf(rows),
        null);
  }

  private Optional<ConsumerGroupDescription> describeGroup(String groupId) {
    try {
      return Optional.of(KafkaCalls.await(bootstrapServers,
          admin.describeConsumerGroups(List.of(groupId)).describedGroups().get(groupId)));
    } catch (GroupIdNotFoundException e) {
      return Optional.empty();
    }
  }

  private Map<TopicPartition, OffsetAndMetadata> committedOffsets(String groupId) {
    try {
      return KafkaCalls.await(bootstrapServers, admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata());
    } catch (GroupIdNotFoundException e) {
      return Map.of();
    }
  }

  private Map<TopicPartition, ListOffsetsResultInfo> endOffsets(String topic, int partitions) {
    Map<TopicPartition, OffsetSpec> request = new HashMap<>();
    for (int p = 0; p < partitions; p++) {
      request.put(new TopicPartition(topic, p), OffsetSpec.latest());
    }
    return KafkaCalls.await(bootstrapServers, admin.listOffsets(request).all());
  }

  private static List<Integer> ownedPartitions(MemberDescription member, String topic) {
    return member.assignment().topicPartitions().stream()
        .filter(tp -> tp.topic().equals(topic))
        .map(TopicPartition::partition)
        .toList();
  }
}
