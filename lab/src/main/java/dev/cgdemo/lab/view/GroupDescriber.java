package dev.cgdemo.lab.view;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupType;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;

/** Reads what {@code kafka-consumer-groups --describe} shows, with the Admin client. */
public final class GroupDescriber {
    private static final long TIMEOUT_SECONDS = 10;

    private final Admin admin;
    private final String group;
    private final String topic;
    private final int partitionCount;

    public GroupDescriber(Admin admin, String group, String topic, int partitionCount) {
        this.admin = admin;
        this.group = group;
        this.topic = topic;
        this.partitionCount = partitionCount;
    }

    public int partitionCount() {
        return partitionCount;
    }

    /** Log-end offset of every partition of the topic. */
    public Map<Integer, Long> endOffsets() throws InterruptedException, ExecutionException, TimeoutException {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (int p = 0; p < partitionCount; p++) {
            latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
        }
        Map<Integer, Long> ends = new TreeMap<>();
        admin.listOffsets(latest).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .forEach((tp, info) -> ends.put(tp.partition(), info.offset()));
        return ends;
    }

    /** The group now; state {@code unknown} (with offsets if readable) when the group cannot be described. */
    public GroupSnapshot describe() throws InterruptedException {
        Instant now = Instant.now();
        ConsumerGroupDescription description = null;
        Map<TopicPartition, OffsetAndMetadata> committed = Map.of();
        String missingState = "unknown";
        try {
            // Committed offsets before log-end offsets, so that a row never shows more committed than written.
            description = admin.describeConsumerGroups(List.of(group)).describedGroups()
                    .get(group).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GroupIdNotFoundException) {
                missingState = "NoGroupYet";
            }
        } catch (TimeoutException e) {
            // shown as unknown below
        }
        Map<Integer, Long> ends;
        try {
            ends = endOffsets();
        } catch (ExecutionException | TimeoutException e) {
            ends = Map.of();
        }
        if (description == null) {
            return GroupSnapshot.unknown(now, missingState, rows(ends, Map.of(), Map.of()));
        }
        return snapshot(now, description, committed, ends);
    }

    private GroupSnapshot snapshot(Instant now, ConsumerGroupDescription description,
                                   Map<TopicPartition, OffsetAndMetadata> committed, Map<Integer, Long> ends) {
        SortedMap<String, SortedSet<Integer>> members = new TreeMap<>();
        Map<Integer, String> owners = new HashMap<>();
        boolean reconciled = true;
        for (MemberDescription member : description.members()) {
            SortedSet<Integer> owned = partitionsOfTopic(member.assignment().topicPartitions());
            members.computeIfAbsent(member.clientId(), c -> new TreeSet<>()).addAll(owned);
            owned.forEach(p -> owners.put(p, member.clientId()));
            if (member.targetAssignment().isPresent()
                    && !partitionsOfTopic(member.targetAssignment().get().topicPartitions()).equals(owned)) {
                reconciled = false;
            }
        }
        String protocol = description.type() == GroupType.CONSUMER ? "consumer" : "classic";
        return new GroupSnapshot(now, description.groupState().toString(), protocol, rows(ends, committed, owners),
                members, reconciled);
    }

    private List<PartitionRow> rows(Map<Integer, Long> ends, Map<TopicPartition, OffsetAndMetadata> committed,
                                    Map<Integer, String> owners) {
        List<PartitionRow> rows = new ArrayList<>();
        for (Map.Entry<Integer, Long> end : ends.entrySet()) {
            OffsetAndMetadata offset = committed.get(new TopicPartition(topic, end.getKey()));
            rows.add(new PartitionRow(end.getKey(),
                    offset == null ? OptionalLong.empty() : OptionalLong.of(offset.offset()),
                    end.getValue(), owners.getOrDefault(end.getKey(), "-")));
        }
        return rows;
    }

    private SortedSet<Integer> partitionsOfTopic(Collection<TopicPartition> partitions) {
        SortedSet<Integer> numbers = new TreeSet<>();
        partitions.stream().filter(tp -> tp.topic().equals(topic)).forEach(tp -> numbers.add(tp.partition()));
        return numbers;
    }
}
