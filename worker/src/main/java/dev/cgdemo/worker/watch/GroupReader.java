package dev.cgdemo.worker.watch;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupType;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Reads what {@code kafka-consumer-groups --describe} shows, with the Admin client: the group's members and their
 * partitions of the topic, its committed offsets, and the topic's log start and end offsets. Committed offsets are
 * read before the log ends, so a row never shows more committed than written. Any failure (an unreachable broker,
 * an authorization error) becomes a snapshot that says why, not an exception.
 */
public final class GroupReader {

    private final Admin admin;
    private final String groupId;
    private final String topic;
    private final Duration timeout;
    private final Clock clock;

    public GroupReader(Admin admin, String groupId, String topic, Duration timeout, Clock clock) {
        this.admin = admin;
        this.groupId = groupId;
        this.topic = topic;
        this.timeout = timeout;
        this.clock = clock;
    }

    public String groupId() {
        return groupId;
    }

    public String topic() {
        return topic;
    }

    public GroupSnapshot read() {
        var now = clock.instant();
        try {
            int partitions = partitionCount();
            ConsumerGroupDescription group = describe();
            Map<TopicPartition, OffsetAndMetadata> committed = group == null ? Map.of()
                    : await(admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata());
            Map<Integer, Long> starts = offsets(partitions, OffsetSpec.earliest());
            Map<Integer, Long> ends = offsets(partitions, OffsetSpec.latest());
            SortedMap<String, SortedSet<Integer>> members = new TreeMap<>();
            boolean reconciled = true;
            if (group != null) {
                for (MemberDescription member : group.members()) {
                    SortedSet<Integer> owned = ofTopic(member.assignment().topicPartitions());
                    members.computeIfAbsent(member.clientId(), c -> new TreeSet<>()).addAll(owned);
                    if (member.targetAssignment().isPresent()
                            && !ofTopic(member.targetAssignment().get().topicPartitions()).equals(owned)) {
                        reconciled = false;
                    }
                }
            }
            Map<Integer, String> owners = new HashMap<>();
            members.forEach((client, owned) -> owned.forEach(p -> owners.put(p, client)));
            List<PartitionRow> rows = new java.util.ArrayList<>();
            for (int p = 0; p < partitions; p++) {
                OffsetAndMetadata offset = committed.get(new TopicPartition(topic, p));
                rows.add(new PartitionRow(p, owners.get(p), offset == null ? null : offset.offset(),
                        starts.getOrDefault(p, 0L), ends.getOrDefault(p, 0L)));
            }
            if (group == null) {
                return new GroupSnapshot(now, groupId, topic, GroupSnapshot.NO_GROUP_YET, null, null, members, true,
                        rows, null);
            }
            return new GroupSnapshot(now, groupId, topic, group.groupState().toString(),
                    group.type() == GroupType.CONSUMER ? "consumer" : "classic",
                    group.groupEpoch().orElse(null), members, reconciled, rows, null);
        } catch (ReadFailed e) {
            return GroupSnapshot.unavailable(now, groupId, topic, e.getMessage());
        }
    }

    private int partitionCount() {
        try {
            TopicDescription description = await(admin.describeTopics(List.of(topic)).topicNameValues().get(topic));
            return description.partitions().size();
        } catch (ReadFailed e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return 0;
            }
            throw e;
        }
    }

    private ConsumerGroupDescription describe() {
        try {
            ConsumerGroupDescription description =
                    await(admin.describeConsumerGroups(List.of(groupId)).describedGroups().get(groupId));
            return "Dead".equalsIgnoreCase(description.groupState().toString()) ? null : description;
        } catch (ReadFailed e) {
            if (e.getCause() instanceof GroupIdNotFoundException) {
                return null;
            }
            throw e;
        }
    }

    private Map<Integer, Long> offsets(int partitions, OffsetSpec spec) {
        if (partitions == 0) {
            return Map.of();
        }
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        for (int p = 0; p < partitions; p++) {
            request.put(new TopicPartition(topic, p), spec);
        }
        Map<Integer, Long> result = new TreeMap<>();
        Map<TopicPartition, ListOffsetsResultInfo> answer = await(admin.listOffsets(request).all());
        answer.forEach((tp, info) -> result.put(tp.partition(), info.offset()));
        return result;
    }

    private SortedSet<Integer> ofTopic(Collection<TopicPartition> partitions) {
        SortedSet<Integer> numbers = new TreeSet<>();
        partitions.stream().filter(tp -> tp.topic().equals(topic)).forEach(tp -> numbers.add(tp.partition()));
        return numbers;
    }

    private <T> T await(KafkaFuture<T> future) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReadFailed("interrupted", e);
        } catch (TimeoutException e) {
            throw new ReadFailed("no answer from Kafka in " + timeout.toSeconds() + " s", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new ReadFailed(cause.getClass().getSimpleName() + ": " + cause.getMessage(), cause);
        }
    }

    /** Why a read failed, in one line; the cause is Kafka's own exception. */
    private static final class ReadFailed extends RuntimeException {
        ReadFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
